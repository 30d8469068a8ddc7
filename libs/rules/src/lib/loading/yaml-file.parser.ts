import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isMap, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { LocatedMessage } from './check-helpers';
import { formatPath, PathSegment, RuleProblem } from './rule-problem';
import { fieldMessage, requiredMessage, yamlSyntaxMessage } from './validation-messages';

/** Largest rule file accepted; a province's rules are a few kilobytes. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** A file that parsed as YAML into a mapping, whether or not every field of it is valid. */
export interface ParsedDocument<T> {
  value: T;
  /** Gives checks' messages the file and the line of the value they name. */
  locate: (messages: LocatedMessage[]) => RuleProblem[];
  /**
   * True when no field problem touches `pattern` (`['units', '*', 'code']`): none at it, above it
   * (`units` is not a list) or below it. Checks across files only rely on what is valid.
   */
  valid: (pattern: PathPattern) => boolean;
}

export type PathPattern = (PathSegment | '*')[];

export type Parsed<T> =
  ({ ok: true; source: string } & ParsedDocument<T>) | { ok: false; problems: RuleProblem[]; document?: ParsedDocument<T> };

/**
 * Parses YAML into `type`, validates it field by field and with `check`, and reports every problem
 * at once, each with the line of the offending value and its path (`schedules[0].weekdays[2]`).
 */
export function parseYamlAs<T extends object>(
  type: ClassConstructor<T>,
  text: string,
  file: string,
  check: (value: T) => LocatedMessage[],
  shape: string,
): Parsed<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? 1,
        path: '',
        message: yamlSyntaxMessage(e.code, e.message.split('\n')[0]),
      })),
    };
  }
  const plain = doc.toJS({ maxAliasCount: 100 });
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return {
      ok: false,
      problems: [{ file, line: 1, path: '', message: `Nội dung tệp phải là một đối tượng gồm các cặp khóa: giá trị (${shape})` }],
    };
  }

  const value = plainToInstance(type, plain, { exposeDefaultValues: true });
  const locate = (messages: LocatedMessage[]) =>
    messages
      .map(({ path, message }) => ({ file, line: lineOf(doc.contents, path, lines), path: formatPath(path), message }))
      .sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
  const fieldProblems = flatten(validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
  const valid = (pattern: PathPattern) => !fieldProblems.some(({ path }) => overlaps(path, pattern));
  const found = [...fieldProblems, ...check(value)];
  if (found.length > 0) return { ok: false, problems: locate(found), document: { value, locate, valid } };
  return { ok: true, value, source: text, locate, valid };
}

/** One path lies along the other (equal, above or below), `*` matching any segment. */
function overlaps(path: PathSegment[], pattern: PathPattern): boolean {
  const shared = Math.min(path.length, pattern.length);
  for (let i = 0; i < shared; i++) if (pattern[i] !== '*' && pattern[i] !== path[i]) return false;
  return true;
}

/**
 * class-validator's tree → (path, message in Vietnamese), with `[i]: ` prefixes of array items moved
 * into the path. Messages name the key as the file writes it (an array item's: its list's key).
 */
function flatten(errors: ValidationError[], parent: PathSegment[] = []): LocatedMessage[] {
  return errors.flatMap((e) => {
    const path = [...parent, /^\d+$/.test(e.property) ? Number(e.property) : e.property];
    const key = keyOf(path);
    const own = Object.entries(e.constraints ?? {}).map(([constraint, raw]) => {
      const indexed = /^\[(\d+)\]: (.*)$/.exec(raw);
      if (indexed) return { path: [...path, Number(indexed[1])], message: indexed[2] };
      return { path, message: fieldMessage(constraint, raw, key) };
    });
    return [...dedupeMissing(own, e, key), ...flatten(e.children ?? [], path)];
  });
}

function keyOf(path: PathSegment[]): string {
  return String([...path].reverse().find((s) => typeof s === 'string') ?? '');
}

/** A missing field fails every constraint on it; say it is required once instead. */
function dedupeMissing(own: LocatedMessage[], e: ValidationError, key: string): LocatedMessage[] {
  if (e.value !== undefined || own.length === 0) return own;
  return [{ path: own[0].path, message: requiredMessage(key) }];
}

function lineOf(root: unknown, path: PathSegment[], lines: LineCounter): number {
  let node = root as Node | null;
  let best = node;
  for (const segment of path) {
    let next: unknown = undefined;
    if (isMap(node)) next = node.get(segment, true);
    else if (isSeq(node) && typeof segment === 'number') next = node.get(segment, true);
    if (!next || typeof next !== 'object') break;
    node = next as Node;
    best = node;
  }
  const offset = (best as Node | null)?.range?.[0] ?? 0;
  return lines.linePos(offset).line;
}
