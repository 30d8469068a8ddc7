import { FieldProblem, validationError } from '@cong/platform-errors';

/**
 * One parameter of a public read route, described once: the route checks requests against it and
 * the OpenAPI document is written from it.
 */
export interface ParamSpec {
  name: string;
  in: 'path' | 'query';
  description: string;
  required?: boolean;
  /** Text parameters: the shape allowed and what to tell the caller when it is not met. */
  pattern?: RegExp;
  message?: string;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  /** Whole-number parameters. */
  integer?: { min: number; max: number; default: number };
  example?: string;
}

export type ParsedParams = Record<string, string | number | undefined>;

/**
 * Checks a route's path and query parameters: every problem named by its field (a 422), unknown
 * query parameters refused (they would also multiply cache entries), repeated ones too.
 */
export function parseParams(specs: readonly ParamSpec[], path: Record<string, string>, query: Record<string, unknown>): ParsedParams {
  const problems: FieldProblem[] = [];
  const parsed: ParsedParams = {};
  for (const name of Object.keys(query)) {
    if (!specs.some((s) => s.in === 'query' && s.name === name))
      problems.push({ field: name, message: `Trường "${name}" không được phép.` });
  }
  for (const spec of specs) {
    const raw = spec.in === 'path' ? path[spec.name] : query[spec.name];
    if (raw === undefined || raw === '') {
      if (spec.required) problems.push({ field: spec.name, message: `Trường "${spec.name}" là bắt buộc.` });
      parsed[spec.name] = spec.integer?.default;
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ field: spec.name, message: `\`${spec.name}\` chỉ được ghi một lần.` });
      continue;
    }
    const problem = check(spec, raw);
    if (problem) problems.push({ field: spec.name, message: problem });
    else parsed[spec.name] = spec.integer ? Number(raw) : raw;
  }
  if (problems.length) throw validationError(problems);
  return parsed;
}

function check(spec: ParamSpec, raw: string): string | undefined {
  if (spec.integer) {
    const { min, max } = spec.integer;
    if (!/^\d{1,6}$/.test(raw)) return `\`${spec.name}\` phải là số nguyên không âm.`;
    const n = Number(raw);
    return n < min || n > max ? `\`${spec.name}\` phải từ ${min} đến ${max}.` : undefined;
  }
  if (spec.enum && !spec.enum.includes(raw)) return `\`${spec.name}\` phải là một trong: ${spec.enum.join(', ')}.`;
  if (spec.minLength !== undefined && raw.length < spec.minLength) return `\`${spec.name}\` phải có ít nhất ${spec.minLength} ký tự.`;
  if (spec.maxLength !== undefined && raw.length > spec.maxLength) return `\`${spec.name}\` không được dài quá ${spec.maxLength} ký tự.`;
  if (spec.pattern && !spec.pattern.test(raw)) return spec.message ?? `\`${spec.name}\` không đúng định dạng.`;
  return undefined;
}

/** The OpenAPI parameter objects of a route. */
export function openApiParameters(specs: readonly ParamSpec[]): Record<string, unknown>[] {
  return specs.map((s) => ({
    name: s.name,
    in: s.in,
    required: s.in === 'path' || !!s.required,
    description: s.description,
    schema: s.integer
      ? { type: 'integer', minimum: s.integer.min, maximum: s.integer.max, default: s.integer.default }
      : {
          type: 'string',
          ...(s.enum ? { enum: s.enum } : {}),
          ...(s.pattern ? { pattern: s.pattern.source } : {}),
          ...(s.minLength ? { minLength: s.minLength } : {}),
          ...(s.maxLength ? { maxLength: s.maxLength } : {}),
        },
    ...(s.example ? { example: s.example } : {}),
  }));
}
