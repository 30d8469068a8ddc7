import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainError, FieldProblem } from './domain-error';

/** Flattens class-validator errors into `field: message` pairs, with nested paths (`steps[2].title`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    // A missing field fails every constraint on it; one "required" says it better.
    if (e.value === undefined && e.constraints && Object.keys(e.constraints).length > 0 && !e.constraints.whitelistValidation) {
      return [{ field, message: `Trường "${field}" là bắt buộc.` }, ...fieldProblems(e.children ?? [], field)];
    }
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? `Trường "${field}" không được phép.` : inVietnamese(constraint, message),
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/**
 * class-validator's own messages (English), by constraint, as officials read them. ValidationError
 * carries the message, not the constraint's arguments, so each is matched against the library's
 * default wording and its number or list taken from there; a message that does not match is one a
 * DTO wrote itself and is kept as written.
 */
const DEFAULT_MESSAGES: Record<string, [RegExp, (arg: string) => string]> = {
  isString: [/ must be a string$/, () => 'Phải là chuỗi ký tự.'],
  maxLength: [/ must be shorter than or equal to (\d+) characters$/, (n) => `Tối đa ${n} ký tự.`],
  minLength: [/ must be longer than or equal to (\d+) characters$/, (n) => `Cần ít nhất ${n} ký tự.`],
  matches: [/ must match .* regular expression$/, () => 'Không đúng định dạng.'],
  min: [/ must not be less than (\S+)$/, (n) => `Không được nhỏ hơn ${n}.`],
  max: [/ must not be greater than (\S+)$/, (n) => `Không được lớn hơn ${n}.`],
  isInt: [/ must be an integer number$/, () => 'Phải là số nguyên.'],
  isNumber: [/ must be a number conforming to the specified constraints$/, () => 'Phải là một số.'],
  isArray: [/ must be an array$/, () => 'Phải là một danh sách.'],
  isIn: [/ must be one of the following values: (.*)$/, (list) => `Phải là một trong: ${list}.`],
  arrayMinSize: [/ must contain at least (\d+) elements$/, (n) => `Cần ít nhất ${n} mục.`],
  arrayMaxSize: [/ must contain no more than (\d+) elements$/, (n) => `Tối đa ${n} mục.`],
  isIso8601: [/ must be a valid ISO 8601 date string$/, () => 'Phải là ngày giờ theo ISO 8601 (ví dụ 2026-12-01T08:00).'],
  isBoolean: [/ must be a boolean value$/, () => 'Phải là true hoặc false.'],
  isNotEmpty: [/ should not be empty$/, () => 'Không được để trống.'],
  isUuid: [/ must be a UUID$/, () => 'Phải là một mã định danh (UUID).'],
  isEmail: [/ must be an email$/, () => 'Địa chỉ thư điện tử chưa đúng.'],
  isDefined: [/ should not be null or undefined$/, () => 'Không được để trống.'],
  isUrl: [/ must be a URL address$/, () => 'Phải là một địa chỉ web.'],
  isObject: [/ must be an object$/, () => 'Phải là một đối tượng JSON.'],
  isEnum: [/ must be one of the following values: (.*)$/, (list) => `Phải là một trong: ${list}.`],
};

export function inVietnamese(constraint: string, message: string): string {
  const known = DEFAULT_MESSAGES[constraint];
  const each = message.startsWith('each value in ') ? 'Mỗi giá trị: ' : '';
  const matched = known && message.match(known[0]);
  if (!matched) return message;
  const text = known[1](matched[1] ?? '');
  return each ? each + text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function validationError(fields: FieldProblem[]): DomainError {
  return new DomainError(
    'PLATFORM_VALIDATION_FAILED',
    'validation',
    `Dữ liệu không hợp lệ: ${fields
      .map((f) => f.field)
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(', ')}.`,
    fields,
  );
}

/**
 * A field a change may leave out but not set to null (`@IsOptional()` lets null through, which a
 * PATCH would then write into a column that must have a value): absent, it is not validated;
 * present, null included, every other constraint applies.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * Bodies of requests that take a DTO must be a JSON object: `null`, a bare string or number, or
 * an array is refused before class-transformer turns it into an empty (or absent) request.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto =
      metadata.type === 'body' &&
      typeof metadata.metatype === 'function' &&
      ![Object, Array, String, Number, Boolean].includes(metadata.metatype as never);
    if (dto && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw validationError([{ field: 'body', message: 'Thân yêu cầu phải là một đối tượng JSON ({ … }).' }]);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are refused, every problem named by its field (422). */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => validationError(fieldProblems(errors)),
  });
}
