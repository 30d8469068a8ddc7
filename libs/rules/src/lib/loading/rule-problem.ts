/** One thing wrong in a rule file, located so the person who wrote it can find it. */
export interface RuleProblem {
  file: string;
  /** 1-based line of the offending value (or of its nearest parent when the value is missing). */
  line: number;
  /** `schedules[0].weekdays[2]`; empty for problems with the whole document. */
  path: string;
  message: string;
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}:${p.line} ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export type PathSegment = string | number;

export function formatPath(segments: PathSegment[]): string {
  return segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}
