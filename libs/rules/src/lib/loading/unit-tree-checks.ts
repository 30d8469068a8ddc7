import { UnitEntry, UnitTree } from '../schema/unit-tree.schema';
import { duplicates, itemsOf, LocatedMessage } from './check-helpers';

/**
 * Unit codes are unique, parents exist, and following parents always ends at a root. Units not
 * written as mappings, and codes or parents that are not text, were refused by the schema: left out.
 */
export function checkUnitTree(tree: UnitTree): LocatedMessage[] {
  const units = itemsOf(tree.units);
  const byCode = new Map(units.filter(([u]) => typeof u.code === 'string').map(([u]) => [u.code, u]));
  const problems = duplicates(
    tree.units,
    (u) => u.code,
    (i) => ['units', i, 'code'],
    'Mã đơn vị',
  );
  const inReportedCycle = new Set<string>();

  units.forEach(([unit, i]) => {
    if (typeof unit.parent !== 'string' || !unit.parent) return;
    if (!byCode.has(unit.parent)) {
      problems.push({ path: ['units', i, 'parent'], message: `Đơn vị cha "${unit.parent}" chưa khai báo trong tệp này` });
      return;
    }
    const cycle = cycleThrough(unit, byCode);
    if (cycle && !inReportedCycle.has(unit.code)) {
      cycle.forEach((code) => inReportedCycle.add(code));
      problems.push({ path: ['units', i, 'parent'], message: `\`parent\` tạo thành vòng lặp: ${[...cycle, unit.code].join(' → ')}` });
    }
  });
  return problems;
}

/** The codes from `unit` up to where the chain of parents returns to `unit`, or undefined. */
function cycleThrough(unit: UnitEntry, byCode: Map<string, UnitEntry>): string[] | undefined {
  const chain = [unit.code];
  const seen = new Set(chain);
  for (let next = unit.parent ? byCode.get(unit.parent) : undefined; next; next = next.parent ? byCode.get(next.parent) : undefined) {
    if (next.code === unit.code) return chain;
    if (seen.has(next.code)) return undefined; // a cycle further up; reported from its own members
    seen.add(next.code);
    chain.push(next.code);
  }
  return undefined;
}
