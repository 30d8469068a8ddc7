import { ValidationError, ValidationPipe } from '@nestjs/common';
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
      message: message.startsWith('property ') && message.endsWith('should not exist')
        ? `Trường "${field}" không được phép.`
        : message,
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export function validationError(fields: FieldProblem[]): DomainError {
  return new DomainError(
    'PLATFORM_VALIDATION_FAILED',
    'validation',
    `Dữ liệu không hợp lệ: ${fields.map((f) => f.field).filter((v, i, a) => a.indexOf(v) === i).join(', ')}.`,
    fields,
  );
}

/** The global pipe: unknown fields are refused, every problem named by its field (422). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => validationError(fieldProblems(errors)),
  });
}
