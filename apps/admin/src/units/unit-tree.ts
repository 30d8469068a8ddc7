import type { Schemas } from '../api/client';

export type Unit = Schemas['UnitResponse'];

/** A unit with the units directly under it. */
export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Lower case with the tones and marks taken off and đ read as d: "Sở Y tế" and "so y te" fold alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a unit's name or code holds the words `folded` (already folded), accents ignored. */
export function matches(unit: Unit, folded: string): boolean {
  return fold(unit.name).includes(folded) || unit.code.replace(/-/g, ' ').includes(folded.replace(/-/g, ' '));
}

const byName = (a: UnitNode, b: UnitNode) => a.unit.name.localeCompare(b.unit.name, 'vi');

/** The units as a tree, each level in Vietnamese order of name; a unit whose parent is not listed is a root. */
export function unitForest(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.code, { unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parent ? nodes.get(node.unit.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (level: UnitNode[]): UnitNode[] => {
    level.sort(byName);
    for (const n of level) sort(n.children);
    return level;
  };
  return sort(roots);
}

/** The units that `keep` keeps, with the units above them (so each is still seen in its place). */
export function filterForest(nodes: UnitNode[], keep: (u: Unit) => boolean): UnitNode[] {
  return nodes.flatMap((n) => {
    const children = filterForest(n.children, keep);
    return keep(n.unit) || children.length > 0 ? [{ unit: n.unit, children }] : [];
  });
}

/** The codes of every unit of a tree. */
export function codesOf(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.code, ...codesOf(n.children)]);
}

/** The codes of the units above `code`, nearest first (a tree is never 64 levels deep). */
export function ancestorsOf(units: Unit[], code: string | null | undefined): string[] {
  const parentOf = new Map(units.map((u) => [u.code, u.parent ?? null]));
  const above: string[] = [];
  for (let at = code ? parentOf.get(code) : null; at && above.length < 64; at = parentOf.get(at)) above.push(at);
  return above;
}

/** `code` and the codes of every unit below it: the parents a move of `code` may not choose. */
export function subtreeOf(units: Unit[], code: string): Set<string> {
  const below = new Set([code]);
  for (let grown = true; grown;) {
    grown = false;
    for (const u of units)
      if (u.parent && below.has(u.parent) && !below.has(u.code)) {
        below.add(u.code);
        grown = true;
      }
  }
  return below;
}

interface ParentOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: ParentOption[];
}

/** The active units as antd's TreeSelect takes them, valued by code; those in `excluded` cannot be chosen. */
export function parentOptions(units: Unit[], excluded: Set<string> = new Set()): ParentOption[] {
  const options = (nodes: UnitNode[]): ParentOption[] =>
    nodes.map((n) => ({ value: n.unit.code, title: n.unit.name, disabled: excluded.has(n.unit.code), children: options(n.children) }));
  return options(unitForest(units.filter((u) => u.active)));
}

/** TreeSelect's search, accents ignored. */
export const parentSearch = {
  filterTreeNode: (input: string, node: { title?: unknown }) => fold(String(node.title ?? '')).includes(fold(input)),
};

/**
 * The units a person acts for through memberships held at `unitIds` (null: a province-wide role):
 * each of those units and the units below them, or every unit. As TreeSelect options (the others
 * shown but not chosen), and the one unit when there is only one (to choose it for them).
 */
export function unitsActedFor(units: Unit[], unitIds: (string | null)[]): { options: ParentOption[]; only?: string } {
  const mine = codesActedFor(units, unitIds);
  if (mine === 'all') return { options: parentOptions(units) };
  return {
    options: parentOptions(units, new Set(units.filter((u) => !mine.has(u.code)).map((u) => u.code))),
    only: mine.size === 1 ? [...mine][0] : undefined,
  };
}

/** The codes of the units acted for through memberships at `unitIds` (those units and below), or 'all' for a province-wide role. */
export function codesActedFor(units: Unit[], unitIds: (string | null)[]): Set<string> | 'all' {
  if (unitIds.includes(null)) return 'all';
  return new Set(
    unitIds.flatMap((id) => {
      const code = units.find((u) => u.id === id)?.code;
      return code ? [...subtreeOf(units, code)] : [];
    }),
  );
}
