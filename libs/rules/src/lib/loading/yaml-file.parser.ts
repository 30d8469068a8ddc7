import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError, ValidationTypes } from 'class-validator';
import { Document, isAlias, isMap, isSeq, LineCounter, Node, parseDocument, visit } from 'yaml';
import { isMapping, listOf, LocatedMessage, PathPattern, Validity } from './check-helpers';
import { formatPath, PathSegment, RuleProblem } from './rule-problem';
import {
  circularAliasMessage,
  fieldMessage,
  listForMappingMessage,
  requiredMessage,
  tooManyAliasesMessage,
  unreadableMessage,
  unresolvedAliasMessage,
  yamlSyntaxMessage,
} from './validation-messages';

/** Largest rule file accepted; a province's rules are a few kilobytes. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** How far aliases (`*name`) may multiply the document when read, as the YAML parser counts it. */
const MAX_ALIAS_COUNT = 100;

/** A file that parsed as YAML into a mapping, whether or not every field of it is valid. */
export interface ParsedDocument<T> {
  value: T;
  /** Gives checks' messages the file and the line of the value they name. */
  locate: (messages: LocatedMessage[]) => RuleProblem[];
  /** Whether no field problem touches a path (see Validity). Checks across files only rely on what is valid. */
  valid: Validity;
}

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
  check: (value: T, valid: Validity) => LocatedMessage[],
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
  const read = toPlain(doc, lines, file);
  if ('problems' in read) return { ok: false, problems: read.problems };
  const { value: plain, refused } = plainOf(read.plain);
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
  const fieldProblems = [
    ...refused,
    ...withListsForMappings(
      value,
      flatten(validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true })),
    ),
  ];
  const valid = (pattern: PathPattern) => !fieldProblems.some(({ path }) => overlaps(path, pattern));
  const found = [...fieldProblems, ...check(value, valid)];
  if (found.length > 0) return { ok: false, problems: locate(found), document: { value, locate, valid } };
  return { ok: true, value, source: text, locate, valid };
}

/**
 * The document as plain values, or why it cannot be: an alias (`*name`) with no anchor (`&name`)
 * before it, one inside the very value it names (it would never end), or aliases multiplying the
 * document past MAX_ALIAS_COUNT. Each is reported at the alias's line.
 */
function toPlain(doc: Document, lines: LineCounter, file: string): { plain: unknown } | { problems: RuleProblem[] } {
  const lineOfNode = (node: Node) => lines.linePos(node.range?.[0] ?? 0).line;
  const anchored = new Map<string, Node>();
  const aliases: Node[] = [];
  const problems: RuleProblem[] = [];
  visit(doc, {
    Node: (_key, node, path) => {
      if (!isAlias(node)) {
        if (node.anchor) anchored.set(node.anchor, node);
        return;
      }
      aliases.push(node);
      const target = anchored.get(node.source);
      const message = !target
        ? unresolvedAliasMessage(node.source)
        : (path as readonly unknown[]).includes(target)
          ? circularAliasMessage(node.source)
          : undefined;
      if (message) problems.push({ file, line: lineOfNode(node), path: '', message });
    },
  });
  if (problems.length > 0) return { problems };
  try {
    return { plain: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const message = aliases.length > 0 && /alias/i.test(detail) ? tooManyAliasesMessage(MAX_ALIAS_COUNT) : unreadableMessage(detail);
    return { problems: [{ file, line: aliases.length > 0 ? lineOfNode(aliases[0]) : 1, path: '', message }] };
  }
}

/** Names JavaScript gives every object (`constructor`, `__proto__`, `toString`, …); no rule is named so. */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The document's values as the classes read them. A key written with no value (`quotas:`) is
 * YAML's null: it counts as left out, so the field takes its default or is reported missing rather
 * than reaching the rules as null (items of lists stay). A key named like a property every object
 * has is refused and left out: it would be taken for that property, not for a field.
 */
function plainOf(value: unknown, at: PathSegment[] = [], refused: LocatedMessage[] = []): { value: unknown; refused: LocatedMessage[] } {
  if (Array.isArray(value)) return { value: value.map((item, i) => plainOf(item, [...at, i], refused).value), refused };
  if (!isMapping(value)) return { value, refused };
  const entries = Object.entries(value).flatMap(([key, v]): [string, unknown][] => {
    if (RESERVED_KEYS.has(key)) {
      refused.push({ path: [...at, key], message: fieldMessage('whitelistValidation', '', key) });
      return [];
    }
    return v === null ? [] : [[key, plainOf(v, [...at, key], refused).value]];
  });
  return { value: Object.fromEntries(entries), refused };
}

/**
 * class-validator validates a list's items in place of a nested mapping, so `portal: [ { … } ]`
 * would pass, and so would a list of lists where a list of mappings belongs. Adds a problem for each
 * such list and drops those class-validator found inside it, as if its items were the mapping.
 */
function withListsForMappings(value: object, fieldProblems: LocatedMessage[]): LocatedMessage[] {
  const lists = listsForMappings(value, []);
  if (lists.length === 0) return fieldProblems;
  const inside = (path: PathSegment[]) => lists.some((l) => path.length > l.path.length && overlaps(path, l.path));
  return [...fieldProblems.filter((p) => !inside(p.path)), ...lists];
}

function listsForMappings(value: object, at: PathSegment[]): LocatedMessage[] {
  const type: unknown = Object.getPrototypeOf(value)?.constructor;
  if (typeof type !== 'function') return [];
  const nested = getMetadataStorage()
    .getTargetValidationMetadatas(type, '', true, false)
    .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  return nested.flatMap(({ propertyName: key, each }) => {
    const field: unknown = (value as Record<string, unknown>)[key];
    const path = [...at, key];
    if (!each) return Array.isArray(field) ? [{ path, message: listForMappingMessage(key, false) }] : nestedIn(field, path);
    return listOf(field as unknown[]).flatMap((item, i) =>
      Array.isArray(item) ? [{ path: [...path, i], message: listForMappingMessage(key, true) }] : nestedIn(item, [...path, i]),
    );
  });
}

function nestedIn(value: unknown, path: PathSegment[]): LocatedMessage[] {
  return isMapping(value) ? listsForMappings(value, path) : [];
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
    // A value that is not a list has no size nor items to check: that it is not a list says it all.
    const notAList = e.constraints?.isArray;
    const constraints = notAList ? { isArray: notAList } : (e.constraints ?? {});
    const own = Object.entries(constraints).map(([constraint, raw]) => {
      const indexed = /^\[(\d+)\]: (.*)$/.exec(raw);
      if (indexed) return { path: [...path, Number(indexed[1])], message: indexed[2] };
      return { path, message: fieldMessage(constraint, raw, key) };
    });
    return [...dedupeMissing(own, e, key), ...(notAList ? [] : flatten(e.children ?? [], path))];
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
