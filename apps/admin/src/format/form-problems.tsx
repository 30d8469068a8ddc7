import { Alert } from 'antd';
import { ApiProblem } from '../api/client';
import { formPathOf } from '../content/type-fields';

type FieldError = { name: never; errors: string[] };

/**
 * A refusal's field messages, as antd's `form.setFields` takes them: the platform's validation and
 * the features' own refusals word each field in Vietnamese, so each goes under its field as written.
 */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiProblem)) return [];
  const byField = new Map<string, string[]>();
  for (const f of error.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  return [...byField].map(([field, errors]) => ({ name: formPathOf(field) as never, errors }));
}

/**
 * As `fieldErrors`, each message under the form's top-level field it belongs to (`options[2]` under
 * the list of options: a line of a list has no field of its own), for the `fields` the form has.
 */
export function topFieldErrors(error: unknown, fields: string[]): FieldError[] {
  if (!(error instanceof ApiProblem)) return [];
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const top = String(formPathOf(f.field)[0]);
    if (fields.includes(top)) byField.set(top, [...(byField.get(top) ?? []), f.message]);
  }
  return [...byField].map(([field, errors]) => ({ name: [field] as never, errors }));
}

/** A refusal that names no field of the form is said above it (a step already taken, 409; not mine, 403). */
export function unplacedProblem(error: unknown, fields: string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiProblem)) return 'Chưa thực hiện được, vui lòng thử lại.';
  return error.fields.some((f) => fields.includes(String(formPathOf(f.field)[0]))) ? undefined : error.message;
}

/** That refusal, above the form (read out at once). */
export function FormProblem({ text }: { text?: string }) {
  return text ? <Alert type="error" showIcon role="alert" message={text} style={{ marginBottom: 16 }} /> : null;
}
