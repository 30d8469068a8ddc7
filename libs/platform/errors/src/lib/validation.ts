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
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') && message.endsWith('should not exist') ? `Trường "${field}" không được phép.` : message,
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
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
