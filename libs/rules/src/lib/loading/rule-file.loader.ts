import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { RuleSet } from '../schema/rule-set.schema';
import { crossCheck, LocatedMessage } from './cross-checks';
import { formatPath, PathSegment, RuleProblem } from './rule-problem';

export type LoadResult = { ok: true; ruleSet: RuleSet; source: string } | { ok: false; problems: RuleProblem[] };

/** Largest rule file accepted; a province's rules are a few kilobytes. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** Reads and validates a rule file; every problem at once, each with line and path. */
export async function loadRuleFile(file: string, displayName = file): Promise<LoadResult> {
  const source = await readFile(file);
  if (source.length > MAX_RULE_FILE_BYTES) {
    return { ok: false, problems: [{ file: displayName, line: 1, path: '', message: `file is larger than ${MAX_RULE_FILE_BYTES} bytes` }] };
  }
  return parseRuleSet(source.toString('utf8'), displayName);
}

export function parseRuleSet(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? 1,
        path: '',
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const plain = doc.toJS({ maxAliasCount: 100 });
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, problems: [{ file, line: 1, path: '', message: 'the file must hold a mapping (code: …, name: …, …)' }] };
  }

  const ruleSet = plainToInstance(RuleSet, plain, { exposeDefaultValues: true });
  const located: LocatedMessage[] = [
    ...flatten(validateSync(ruleSet, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true })),
    ...crossCheck(ruleSet),
  ];
  if (located.length > 0) {
    const problems = located.map(({ path, message }) => ({ file, line: lineOf(doc.contents, path, lines), path: formatPath(path), message }));
    problems.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
    return { ok: false, problems };
  }
  return { ok: true, ruleSet, source: text };
}

/** class-validator's tree → (path, message), with `[i]: ` prefixes of array items moved into the path. */
function flatten(errors: ValidationError[], parent: PathSegment[] = []): LocatedMessage[] {
  return errors.flatMap((e) => {
    const path = [...parent, /^\d+$/.test(e.property) ? Number(e.property) : e.property];
    const own = Object.values(e.constraints ?? {}).map((raw) => {
      const indexed = /^\[(\d+)\]: (.*)$/.exec(raw);
      if (indexed) return { path: [...path, Number(indexed[1])], message: indexed[2] };
      if (/^property .* should not exist$/.test(raw)) return { path, message: 'is not a known field' };
      const prop = String(e.property);
      const message = raw.startsWith(`${prop} `) ? raw.slice(prop.length + 1) : raw;
      return { path, message };
    });
    return [...dedupeMissing(own, e), ...flatten(e.children ?? [], path)];
  });
}

/** A missing field fails every constraint on it; say "is required" once instead. */
function dedupeMissing(own: LocatedMessage[], e: ValidationError): LocatedMessage[] {
  if (e.value !== undefined || own.length === 0) return own;
  return [{ path: own[0].path, message: 'is required' }];
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
