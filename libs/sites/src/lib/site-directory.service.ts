import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { Unit } from '@cong/units';
import { EntityManager } from 'typeorm';
import { requiredSections } from './required-sections';
import { Section } from './section.entity';
import { Site, SiteKind } from './site.entity';

export interface SectionNode {
  id: string;
  slug: string;
  title: string;
  /** Prescribed by the rules for the sub-sites of its unit's kind: may be renamed or moved, not removed. */
  required: boolean;
  children: SectionNode[];
}

export interface SiteView {
  id: string;
  /** `portal`, or the code of the unit whose sub-site it is. */
  key: string;
  kind: SiteKind;
  path: string;
  title: string;
  domain: string | null;
  active: boolean;
  sections?: SectionNode[];
}

export const SiteErrors = {
  notFound: (key: string) => new DomainError('SITES_NOT_FOUND', 'not_found', `Không có trang "${key}".`),
  sectionNotFound: (slug: string) =>
    new DomainError('SITES_SECTION_NOT_FOUND', 'validation', `Trang không có chuyên mục "${slug}".`, [
      { field: 'section', message: `"${slug}" không phải là chuyên mục của trang này.` },
    ]),
  /** A section asked for by address (a public list or feed): there is nothing at that address. */
  sectionMissing: (slug: string) => new DomainError('SITES_SECTION_NOT_FOUND', 'not_found', `Trang không có chuyên mục "${slug}".`),
};

/** Reads of a province's sites; always inside its own transaction. */
@Injectable()
export class SiteDirectory {
  constructor(private readonly db: TenantDatabase) {}

  list(tenantId: string): Promise<SiteView[]> {
    return this.db.transaction(tenantId, async (m) => {
      const sites = await m.getRepository(Site).find({ where: { tenantId }, order: { path: 'ASC' } });
      const units = new Map((await m.getRepository(Unit).findBy({ tenantId })).map((u) => [u.id, u.code]));
      return sites.map((s) => view(s, units));
    });
  }

  /** The site alone, without its sections. */
  find(tenantId: string, key: string): Promise<SiteView> {
    return this.db.transaction(tenantId, async (m) => {
      const site = await siteByKey(m, tenantId, key);
      return view(site, new Map(site.unitId ? [[site.unitId, key]] : []));
    });
  }

  get(tenantId: string, key: string): Promise<SiteView> {
    return this.db.transaction(tenantId, async (m) => {
      const site = await siteByKey(m, tenantId, key);
      const sections = await m
        .getRepository(Section)
        .find({ where: { tenantId, siteId: site.id }, order: { position: 'ASC', slug: 'ASC' } });
      const required = (await requiredSections(m, tenantId, site))?.slugs ?? new Set<string>();
      return { ...view(site, new Map(site.unitId ? [[site.unitId, key]] : [])), sections: tree(sections, null, required) };
    });
  }
}

/** `portal` or a unit code → the site; a missing one is a 404. */
export async function siteByKey(m: EntityManager, tenantId: string, key: string): Promise<Site> {
  const site =
    key === 'portal'
      ? await m.getRepository(Site).findOneBy({ tenantId, kind: 'portal' })
      : /^[a-z][a-z0-9-]{0,62}$/.test(key)
        ? await m.getRepository(Site).findOneBy({ tenantId, path: `/${key}` })
        : null;
  if (!site) throw SiteErrors.notFound(key);
  return site;
}

function tree(sections: Section[], parentId: string | null, required: Set<string>): SectionNode[] {
  return sections
    .filter((s) => s.parentId === parentId)
    .map((s) => ({ id: s.id, slug: s.slug, title: s.title, required: required.has(s.slug), children: tree(sections, s.id, required) }));
}

function view(s: Site, unitCodes: Map<string, string>): SiteView {
  return {
    id: s.id,
    key: s.unitId ? (unitCodes.get(s.unitId) ?? s.path.slice(1)) : 'portal',
    kind: s.kind,
    path: s.path,
    title: s.title,
    domain: s.domain,
    active: s.active,
  };
}
