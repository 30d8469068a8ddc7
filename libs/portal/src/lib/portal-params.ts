/**
 * A page's query parameters, described once. Unlike the JSON API, a page ignores parameters it does
 * not know (links carry `utm_source`, `fbclid`, …): they are left out of the cache key, so they
 * cannot multiply entries either. A known one given twice or out of shape is a 400 page naming it.
 */
export interface PageParam {
  name: string;
  /** What the page calls it in its message. */
  label: string;
  maxLength?: number;
  minLength?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
  /** Whole numbers within bounds. */
  integer?: { min: number; max: number };
}

export type PageParams = Record<string, string | number | undefined>;

export class PageParamError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

export function parsePageParams(specs: readonly PageParam[], query: Record<string, unknown>): PageParams {
  const parsed: PageParams = {};
  const problems: string[] = [];
  for (const spec of specs) {
    const raw = query[spec.name];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') {
      problems.push(`${spec.label}: chỉ được ghi một lần.`);
      continue;
    }
    const value = raw.trim();
    if (value === '') continue;
    if (spec.integer) {
      const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
      if (Number.isNaN(n) || n < spec.integer.min || n > spec.integer.max)
        problems.push(`${spec.label}: cần là số từ ${spec.integer.min} đến ${spec.integer.max}.`);
      else parsed[spec.name] = n;
      continue;
    }
    if (spec.minLength !== undefined && [...value].length < spec.minLength)
      problems.push(`${spec.label}: cần ít nhất ${spec.minLength} ký tự.`);
    else if (spec.maxLength !== undefined && [...value].length > spec.maxLength)
      problems.push(`${spec.label}: tối đa ${spec.maxLength} ký tự.`);
    else if (spec.oneOf && !spec.oneOf.includes(value))
      problems.push(`${spec.label}: giá trị "${value.slice(0, 50)}" không có trong danh sách.`);
    else if (spec.pattern && !spec.pattern.test(value)) problems.push(`${spec.label}: không đúng định dạng.`);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    else if (/[\u0000-\u001f]/.test(value)) problems.push(`${spec.label}: chứa ký tự điều khiển.`);
    else parsed[spec.name] = value;
  }
  if (problems.length) throw new PageParamError(problems);
  return parsed;
}
