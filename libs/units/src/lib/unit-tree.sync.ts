import { EntityManager } from 'typeorm';
import { Unit } from './unit.entity';

/** A unit as the province's units.yaml describes it. */
export interface WantedUnit {
  code: string;
  name: string;
  kind: string;
  parent?: string;
  tags: string[];
}

export interface UnitChange {
  code: string;
  /** `field: before → after` for each changed field. */
  fields: string[];
}

/** What applying a unit list would do to the stored tree. */
export interface UnitTreeChanges {
  added: WantedUnit[];
  changed: UnitChange[];
  /** Stored active units the file no longer lists: deactivated, never deleted (units the API created are left alone). */
  deactivated: string[];
}

export function hasUnitChanges(c: UnitTreeChanges): boolean {
  return c.added.length + c.changed.length + c.deactivated.length > 0;
}

/** Compares the stored units of a province with the wanted list (matched by code). */
export function planUnitTree(stored: Unit[], wanted: WantedUnit[]): UnitTreeChanges {
  const byCode = new Map(stored.map((u) => [u.code, u]));
  const codeOf = new Map(stored.map((u) => [u.id, u.code]));
  const wantedCodes = new Set(wanted.map((w) => w.code));
  const changes: UnitTreeChanges = { added: [], changed: [], deactivated: [] };

  for (const w of wanted) {
    const current = byCode.get(w.code);
    if (!current) {
      changes.added.push(w);
      continue;
    }
    const fields: string[] = [];
    const note = (field: string, before: unknown, after: unknown) => fields.push(`${field}: ${show(before)} → ${show(after)}`);
    if (current.name !== w.name) note('name', current.name, w.name);
    if (current.kind !== w.kind) note('kind', current.kind, w.kind);
    const currentParent = current.parentId ? (codeOf.get(current.parentId) ?? null) : null;
    if (currentParent !== (w.parent ?? null)) note('parent', currentParent, w.parent ?? null);
    if ([...current.tags].sort().join() !== [...w.tags].sort().join()) note('tags', current.tags, w.tags);
    if (!current.active) note('active', false, true);
    if (current.managedBy !== 'rules') note('managed by', 'api', 'rules');
    if (fields.length > 0) changes.changed.push({ code: w.code, fields });
  }
  changes.deactivated = stored.filter((u) => u.active && u.managedBy === 'rules' && !wantedCodes.has(u.code)).map((u) => u.code);
  return changes;
}

/**
 * Makes the stored tree match `wanted` inside the caller's transaction (which must be bound to
 * the province or be an operator transaction). Parents are set after every unit exists, so the
 * order of the list does not matter.
 */
export async function applyUnitTree(m: EntityManager, tenantId: string, wanted: WantedUnit[]): Promise<UnitTreeChanges> {
  const repo = m.getRepository(Unit);
  const stored = await repo.find({ where: { tenantId } });
  const changes = planUnitTree(stored, wanted);
  if (!hasUnitChanges(changes)) return changes;

  const byCode = new Map(stored.map((u) => [u.code, u]));
  for (const w of changes.added) {
    byCode.set(
      w.code,
      await repo.save(
        repo.create({ tenantId, code: w.code, name: w.name, kind: w.kind, tags: w.tags, parentId: null, active: true, managedBy: 'rules' }),
      ),
    );
  }
  const touched = new Set([...changes.added.map((w) => w.code), ...changes.changed.map((c) => c.code)]);
  for (const w of wanted.filter((x) => touched.has(x.code))) {
    const unit = byCode.get(w.code)!;
    const parentId = w.parent ? byCode.get(w.parent)!.id : null;
    await repo.update({ tenantId, id: unit.id }, { name: w.name, kind: w.kind, tags: w.tags, parentId, active: true, managedBy: 'rules' });
  }
  if (changes.deactivated.length > 0) {
    for (const code of changes.deactivated) await repo.update({ tenantId, id: byCode.get(code)!.id }, { active: false });
  }
  return changes;
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : value === null ? '(none)' : JSON.stringify(value);
}
