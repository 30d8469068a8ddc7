import { PathSegment } from './rule-problem';

/** A problem found by a check, before the loader gives it a file and a line. */
export interface LocatedMessage {
  path: PathSegment[];
  message: string;
}

export type PathPattern = (PathSegment | '*')[];

/**
 * True when no field problem touches `pattern` (`['units', '*', 'code']`): none at it, above it
 * (`units` is not a list) or below it. Checks rely only on what is valid.
 */
export type Validity = (pattern: PathPattern) => boolean;

/** A mapping of the file (`key: value` pairs, a class instance once loaded): not a list, a scalar or null. */
export function isMapping(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A list of the file as checks read it: empty when the value is not a list. The schema has said so
 * already (`unitKinds: 5`); a check must neither fail on it nor repeat it.
 */
export function listOf<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** The items of a list that are mappings, each with its index in the file; the schema refused the others. */
export function itemsOf<T>(value: readonly T[] | undefined): [T, number][] {
  return listOf(value).flatMap((item, i): [T, number][] => (isMapping(item) ? [[item, i]] : []));
}

/**
 * The keys of a list's items, that references to them are checked against; undefined when the
 * list is not one or holds anything but mappings, as a reference could then be to what the schema
 * refused. Keys that are themselves invalid still count: a reference to one is not unknown.
 */
export function keysOf<T>(list: readonly T[] | undefined, key: (item: T) => unknown): Set<unknown> | undefined {
  if (!Array.isArray(list) || list.some((item) => !isMapping(item))) return undefined;
  return new Set(list.map(key));
}

/** Yields a problem for every item whose key was already seen, naming where it was first; `what` starts the sentence (`Mã đơn vị`). */
export function duplicates<T>(
  items: readonly T[] | undefined,
  key: (item: T) => string | undefined,
  path: (i: number) => PathSegment[],
  what: string,
): LocatedMessage[] {
  const first = new Map<string, number>();
  const problems: LocatedMessage[] = [];
  itemsOf(items).forEach(([item, i]) => {
    const k = key(item);
    // A key that is not text was refused by the schema (`code: [a]`).
    if (typeof k !== 'string') return;
    if (first.has(k)) problems.push({ path: path(i), message: `${what} "${k}" bị trùng (đã có ở mục [${first.get(k)}])` });
    else first.set(k, i);
  });
  return problems;
}
