import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe, fieldProblems, inVietnamese, IsOmittable, validationError } from './validation';

class Step {
  @IsString() @MaxLength(5) title!: string;
}

class CreateThing {
  @IsString() name!: string;
  @IsOptional() @IsInt() @Min(1) count?: number;
  @ValidateNested({ each: true }) @Type(() => Step) steps: Step[] = [];
}

class ChangeThing {
  @IsOmittable() @IsString() name?: string;
  @IsOptional() @IsString() note?: string | null;
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function refusal(value: unknown, metatype: ArgumentMetadata['metatype'] = CreateThing): Promise<DomainError> {
  const error = await createValidationPipe()
    .transform(value, body(metatype))
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('the validation pipe: 422 naming each field at fault', () => {
  it('passes a valid body through, transformed into the DTO', async () => {
    const value = await createValidationPipe().transform({ name: 'Tin', count: 2, steps: [{ title: 'Một' }] }, body(CreateThing));
    expect(value).toBeInstanceOf(CreateThing);
    expect((value as CreateThing).steps[0]).toBeInstanceOf(Step);
  });

  it('a missing field is said to be required, once, whatever constraints it fails', async () => {
    const error = await refusal({ steps: [] });
    expect(error).toMatchObject({ code: 'PLATFORM_VALIDATION_FAILED', kind: 'validation' });
    expect(error.fields).toEqual([{ field: 'name', message: 'Trường "name" là bắt buộc.' }]);
    expect(error.message).toBe('Dữ liệu không hợp lệ: name.');
  });

  it('names nested fields by their path (steps[1].title)', async () => {
    const error = await refusal({ name: 'Tin', steps: [{ title: 'ok' }, { title: 'much too long' }] });
    expect(error.fields.map((f) => f.field)).toEqual(['steps[1].title']);
    expect(error.fields[0].message).toBe('Tối đa 5 ký tự.');
  });

  it('refuses unknown fields, naming them', async () => {
    const error = await refusal({ name: 'Tin', isAdmin: true });
    expect(error.fields).toEqual([{ field: 'isAdmin', message: 'Trường "isAdmin" không được phép.' }]);
  });

  it('names every field at fault at once, each once in the message', async () => {
    const error = await refusal({ name: 3, count: 0, extra: 1 });
    expect(new Set(error.fields.map((f) => f.field))).toEqual(new Set(['name', 'count', 'extra']));
    expect(error.message).toMatch(/^Dữ liệu không hợp lệ: /);
    for (const f of ['name', 'count', 'extra']) expect(error.message.split(f).length - 1).toBe(1);
  });

  it.each([null, 'text', 42, [{ name: 'Tin' }]])('a body that is no JSON object (%p) is refused as such', async (value) => {
    const error = await refusal(value);
    expect(error.fields).toEqual([{ field: 'body', message: 'Thân yêu cầu phải là một đối tượng JSON ({ … }).' }]);
  });

  it('IsOmittable: absent is fine, null is refused (where IsOptional would let null through)', async () => {
    await expect(createValidationPipe().transform({}, body(ChangeThing))).resolves.toBeInstanceOf(ChangeThing);
    await expect(createValidationPipe().transform({ note: null }, body(ChangeThing))).resolves.toBeInstanceOf(ChangeThing);
    const error = await refusal({ name: null }, ChangeThing);
    expect(error.fields.map((f) => f.field)).toEqual(['name']);
  });

  it('validationError lists each field once in its message but keeps every problem', () => {
    const error = validationError([
      { field: 'a', message: 'one' },
      { field: 'a', message: 'two' },
      { field: 'b', message: 'three' },
    ]);
    expect(error.message).toBe('Dữ liệu không hợp lệ: a, b.');
    expect(error.fields).toHaveLength(3);
    expect(fieldProblems([])).toEqual([]);
  });

  describe("class-validator's own messages, in Vietnamese", () => {
    it.each([
      ['maxLength', 'title must be shorter than or equal to 500 characters', 'Tối đa 500 ký tự.'],
      ['minLength', 'displayName must be longer than or equal to 2 characters', 'Cần ít nhất 2 ký tự.'],
      ['isIn', 'role must be one of the following values: unit_head, unit_editor', 'Phải là một trong: unit_head, unit_editor.'],
      ['isUuid', 'author must be a UUID', 'Phải là một mã định danh (UUID).'],
      ['min', 'limit must not be less than 1', 'Không được nhỏ hơn 1.'],
      ['arrayMaxSize', 'roles must contain no more than 50 elements', 'Tối đa 50 mục.'],
      ['isString', 'each value in tags must be a string', 'Mỗi giá trị: phải là chuỗi ký tự.'],
    ])('%s: "%s"', (constraint, english, vietnamese) => {
      expect(inVietnamese(constraint, english)).toBe(vietnamese);
    });

    it('keeps a message the DTO wrote itself, and an unknown constraint’s message', () => {
      expect(inVietnamese('matches', 'Phải là mã một đơn vị.')).toBe('Phải là mã một đơn vị.');
      expect(inVietnamese('isPhoneNumber', 'phone must be a valid phone number')).toBe('phone must be a valid phone number');
    });
  });
});
