import { RuleSet, SectionSpec } from '@cong/rules';
import { Unit } from '@cong/units';
import { EntityManager } from 'typeorm';
import { Section } from './section.entity';
import { Site } from './site.entity';

/** A unit as provisioning needs it (the stored unit, or one about to be applied from units.yaml). */
export interface UnitForSites {
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface SiteChanges {
  /** Paths of sites that would be created (the portal is `/`). */
  created: string[];
  /** Paths of sub-sites whose unit left the tree or lost its sub-site kind. */
  deactivated: string[];
  reactivated: string[];
}

export function hasSiteChanges(c: SiteChanges): boolean {
  return c.created.length + c.deactivated.length + c.reactivated.length > 0;
}

/** Which units get a sub-site: active ones whose kind the rules give a sub-site (LC-1.1). */
function subsiteUnits(rules: RuleSet, units: UnitForSites[]): Map<string, { unit: UnitForSites; sections: SectionSpec[] }> {
  const sectionsOf = new Map(rules.unitKinds.filter((k) => k.subsite).map((k) => [k.kind, k.subsite!.sections]));
  return new Map(
    units.filter((u) => u.active && sectionsOf.has(u.kind)).map((u) => [u.code, { unit: u, sections: sectionsOf.get(u.kind)! }]),
  );
}

/** What `provisionSites` would change, given the province's stored sites and the wanted units. */
export async function planSites(m: EntityManager, tenantId: string | null, rules: RuleSet, units: UnitForSites[]): Promise<SiteChanges> {
  const sites = tenantId ? await m.getRepository(Site).findBy({ tenantId }) : [];
  const wanted = subsiteUnits(rules, units);
  const byPath = new Map(sites.map((s) => [s.path, s]));
  const changes: SiteChanges = { created: [], deactivated: [], reactivated: [] };
  if (!byPath.has('/')) changes.created.push('/');
  for (const code of wanted.keys()) {
    const site = byPath.get(`/${code}`);
    if (!site) changes.created.push(`/${code}`);
    else if (!site.active) changes.reactivated.push(site.path);
  }
  for (const site of sites) {
    if (site.kind === 'subsite' && site.active && !wanted.has(site.path.slice(1))) changes.deactivated.push(site.path);
  }
  return changes;
}

/**
 * Makes the province's sites match its rules and units, in the caller's transaction: the portal,
 * a sub-site for every unit whose kind gets one (on its own domain when the rules give it one), each
 * starting with its kind's sections. Sections
 * an admin added later are kept; sections the rules add later are added. Sites are never deleted.
 */
export async function provisionSites(m: EntityManager, tenantId: string, rules: RuleSet): Promise<SiteChanges> {
  const units = await m.getRepository(Unit).findBy({ tenantId });
  const changes = await planSites(m, tenantId, rules, units);
  const sites = m.getRepository(Site);
  const portal =
    (await sites.findOneBy({ tenantId, kind: 'portal' })) ??
    (await sites.save(sites.create({ tenantId, kind: 'portal', unitId: null, path: '/', title: rules.portal.title, active: true })));
  if (portal.title !== rules.portal.title) await sites.update({ tenantId, id: portal.id }, { title: rules.portal.title });

  for (const { unit, sections } of subsiteUnits(rules, units).values()) {
    const stored = units.find((u) => u.code === unit.code)!;
    let site = await sites.findOneBy({ tenantId, unitId: stored.id });
    const domain = rules.portal.subsiteDomains?.find((d) => d.unit === unit.code)?.domain ?? null;
    if (!site)
      site = await sites.save(
        sites.create({ tenantId, kind: 'subsite', unitId: stored.id, path: `/${unit.code}`, title: unit.name, domain, active: true }),
      );
    else if (!site.active || site.domain !== domain) await sites.update({ tenantId, id: site.id }, { active: true, domain });
    await addMissingSections(m, tenantId, site.id, sections);
  }
  for (const path of changes.deactivated) await sites.update({ tenantId, path }, { active: false });
  return changes;
}

async function addMissingSections(
  m: EntityManager,
  tenantId: string,
  siteId: string,
  specs: SectionSpec[],
  parentId: string | null = null,
): Promise<void> {
  const repo = m.getRepository(Section);
  for (const [position, spec] of specs.entries()) {
    let section = await repo.findOneBy({ tenantId, siteId, slug: spec.id });
    if (!section) section = await repo.save(repo.create({ tenantId, siteId, parentId, slug: spec.id, title: spec.title, position }));
    await addMissingSections(m, tenantId, siteId, spec.children ?? [], section.id);
  }
}
