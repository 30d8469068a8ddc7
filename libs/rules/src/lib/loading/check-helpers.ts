import { PathSegment } from './rule-problem';

/** A problem found by a check, before the loader gives it a file and a line. */
export interface LocatedMessage {
  path: PathSegment[];
  message: string;
}

/** Yields a problem for every item whose key was already seen, naming where it was first; `what` starts the sentence (`Mã đơn vị`). */
export function duplicates<T>(
  items: T[],
  key: (item: T) => string | undefined,
  path: (i: number) => PathSegment[],
  what: string,
): LocatedMessage[] {
  const first = new Map<string, number>();
  const problems: LocatedMessage[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    if (first.has(k)) problems.push({ path: path(i), message: `${what} "${k}" bị trùng (đã có ở mục [${first.get(k)}])` });
    else first.set(k, i);
  });
  return problems;
}
