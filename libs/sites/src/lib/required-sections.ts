import { latestIn, ruleSetFromDocument, SectionSpec } from '@cong/rules';
import { Unit } from '@cong/units';
import { EntityManager } from 'typeorm';
import { Site } from './site.entity';

/**
 * The sections the rules give every sub-site of this site's unit kind (LC-2.1.1, NA-5.1), by the
 * newest rules as applying uses them: they may be renamed and moved, never removed. The portal
 * and a kind without a prescribed sub-site have none.
 */
export async function requiredSections(
  m: EntityManager,
  tenantId: string,
  site: Site,
): Promise<{ kind: string; slugs: Set<string> } | null> {
  if (!site.unitId) return null;
  const latest = await latestIn(m, tenantId);
  const unit = await m.getRepository(Unit).findOneBy({ tenantId, id: site.unitId });
  if (!latest || !unit) return null;
  const spec = ruleSetFromDocument(latest.document).unitKinds.find((k) => k.kind === unit.kind)?.subsite;
  if (!spec) return null;
  const ids = (specs: SectionSpec[]): string[] => specs.flatMap((s) => [s.id, ...ids(s.children ?? [])]);
  return { kind: unit.kind, slugs: new Set(ids(spec.sections)) };
}
