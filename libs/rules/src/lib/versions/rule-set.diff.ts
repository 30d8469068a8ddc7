import diff from 'microdiff';

export interface RuleChange {
  kind: 'added' | 'removed' | 'changed';
  /** `quotas[weekly-posts].min`, `calendar.holidays[2027-01-01]`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * What changed between two stored rule documents, readable by the people who wrote them: list
 * items are matched by their id (or kind, code, date, …), not by position, so inserting a holiday
 * does not show every later holiday as changed.
 */
export function diffRuleDocuments(before: Record<string, unknown>, after: Record<string, unknown>): RuleChange[] {
  return diff(keyed(before) as Record<string, unknown>, keyed(after) as Record<string, unknown>)
    .map((d) => {
      const path = formatPath(d.path);
      if (d.type === 'CREATE') return { kind: 'added', path, after: d.value } as RuleChange;
      if (d.type === 'REMOVE') return { kind: 'removed', path, before: d.oldValue } as RuleChange;
      return { kind: 'changed', path, before: d.oldValue, after: d.value } as RuleChange;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function formatRuleChange(c: RuleChange): string {
  if (c.kind === 'added') return `+ ${c.path}: ${show(c.after)}`;
  if (c.kind === 'removed') return `- ${c.path}: ${show(c.before)}`;
  return `~ ${c.path}: ${show(c.before)} → ${show(c.after)}`;
}

/** Values of a list of plain values are compared as one value (`weekdays: [MON, WED] → [MON]`). */
class PlainList {
  constructor(readonly items: unknown[]) {}
  toString(): string {
    return `[${this.items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join(', ')}]`;
  }
}

function keyed(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return new PlainList(value).toString();
    const keys = value.map((item, i) => keyOf(item as Record<string, unknown>, i));
    const unique = new Set(keys).size === keys.length;
    return Object.fromEntries(value.map((item, i) => [`[${unique ? keys[i] : i}]`, keyed(item)]));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v)]));
  }
  return value;
}

function keyOf(item: Record<string, unknown>, index: number): string {
  for (const field of ['id', 'kind', 'code', 'date', 'rule']) if (typeof item[field] === 'string') return item[field] as string;
  if (typeof item.action === 'string') return `${item.action} from ${[item.from].flat().join('|')}`;
  if (typeof item.from === 'string') return item.from;
  if (typeof item.channel === 'string')
    return `${item.channel} ${[item.contentTypes ?? '*'].flat().join('|')} ${[item.unitKinds ?? '*'].flat().join('|')}`;
  return String(index);
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((out, s) => {
    const segment = String(s);
    return segment.startsWith('[') ? `${out}${segment}` : out ? `${out}.${segment}` : segment;
  }, '');
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => v);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
