import { Injectable, Optional } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { PublicResponseCache } from '@cong/platform-cache';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError, validationError } from '@cong/platform-errors';
import { EntityManager, QueryFailedError } from 'typeorm';
import { requiredSections } from './required-sections';
import { Section } from './section.entity';
import { SiteDirectory, siteByKey, SiteErrors, SiteView } from './site-directory.service';
import { Site } from './site.entity';
import { vietnameseSlug } from './slugs/vietnamese-slug';

/** How deep a site's navigation goes: a menu, its sub-menus, and theirs. */
export const MAX_SECTION_DEPTH = 3;
const SECTION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface NewSection {
  title: string;
  /** Folded from the title when not given; unique in the site, and never changed afterwards. */
  slug?: string;
  /** The slug of the section it goes under; none: the top of the menu. */
  parent?: string | null;
  /** Its place among its siblings, from 0; none: last. */
  position?: number;
}

export type SectionChange = Partial<Omit<NewSection, 'slug'>>;

interface Actor {
  id: string | null;
  label: string;
}

const conflict = (code: string, title: string, field: string, message: string) =>
  new DomainError(code, 'conflict', title, [{ field, message }]);
const invalid = (field: string, message: string) => validationError([{ field, message }]);

export const SectionErrors = {
  slugTaken: (slug: string) =>
    conflict(
      'SITES_SECTION_SLUG_TAKEN',
      `Chuyên mục "${slug}" đã có trong trang.`,
      'slug',
      `"${slug}" đã là một chuyên mục của trang này.`,
    ),
  badSlug: () => invalid('slug', '`slug` phải gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ tin-tuc).'),
  badTitle: () => invalid('title', '`title` phải có từ 2 đến 200 ký tự, dạng văn bản thường.'),
  parentNotFound: (slug: string) => invalid('parent', `"${slug}" không phải là chuyên mục của trang này.`),
  cycle: (slug: string) => invalid('parent', `"${slug}" không thể nằm dưới chính nó hay một chuyên mục con của nó.`),
  tooDeep: () => invalid('parent', `Chuyên mục chỉ được lồng tối đa ${MAX_SECTION_DEPTH} cấp.`),
  hasChildren: (slug: string) =>
    conflict(
      'SITES_SECTION_NOT_EMPTY',
      `Chuyên mục "${slug}" còn chuyên mục con.`,
      'slug',
      'Hãy chuyển hoặc xóa các chuyên mục con trước.',
    ),
  hasItems: (slug: string) =>
    conflict(
      'SITES_SECTION_NOT_EMPTY',
      `Chuyên mục "${slug}" còn tin bài.`,
      'slug',
      'Chuyên mục đang có tin bài; hãy chuyển chúng sang chuyên mục khác trước.',
    ),
  required: (slug: string, kind: string) =>
    conflict(
      'SITES_SECTION_REQUIRED',
      `Chuyên mục "${slug}" là bắt buộc theo quy định của tỉnh.`,
      'slug',
      `Quy định của tỉnh cho mọi chuyên trang loại "${kind}" có chuyên mục này.`,
    ),
};

/**
 * A site's navigation, as its unit (or the IT centre) arranges it: sections added under others,
 * renamed, moved and reordered, removed when empty. The sections the province's rules give the
 * unit's kind (LC-2.1.1, LC-2.1.2, NA-5) may be renamed and moved but not removed: applying the
 * rules would only bring them back. Every change is audited and drops the province's cached public
 * answers (the navigation is one of them).
 */
@Injectable()
export class SiteSections {
  constructor(
    private readonly db: TenantDatabase,
    private readonly directory: SiteDirectory,
    private readonly audit: AuditLog,
    @Optional() private readonly cache?: PublicResponseCache,
  ) {}

  async add(actor: Actor, tenantId: string, key: string, input: NewSection): Promise<SiteView> {
    const title = checkedTitle(input.title);
    const slug = input.slug ?? vietnameseSlug(title).slice(0, 100);
    if (!SECTION_SLUG.test(slug)) throw SectionErrors.badSlug();
    return this.change(tenantId, key, async (m, site, sections) => {
      if (sections.some((s) => s.slug === slug)) throw SectionErrors.slugTaken(slug);
      const parentId = parentOf(sections, input.parent ?? null);
      if (depthOf(sections, parentId) + 1 > MAX_SECTION_DEPTH) throw SectionErrors.tooDeep();
      const repo = m.getRepository(Section);
      const last = sections.filter((s) => s.parentId === parentId).length;
      const created = await repo.save(repo.create({ tenantId, siteId: site.id, parentId, slug, title, position: last }));
      await reorder(m, [...sections, created], created, input.position);
      await this.record(m, actor, tenantId, site, { added: slug, title, parent: input.parent ?? null });
    });
  }

  async update(actor: Actor, tenantId: string, key: string, slug: string, input: SectionChange): Promise<SiteView> {
    const title = input.title === undefined ? undefined : checkedTitle(input.title);
    return this.change(tenantId, key, async (m, site, sections) => {
      const section = sectionOf(sections, slug);
      const parentId = input.parent === undefined ? section.parentId : parentOf(sections, input.parent);
      if (parentId !== section.parentId) {
        if (parentId !== null && lineageOf(sections, parentId).includes(section.id)) throw SectionErrors.cycle(slug);
        if (depthOf(sections, parentId) + heightOf(sections, section.id) > MAX_SECTION_DEPTH) throw SectionErrors.tooDeep();
      }
      const moved = { ...section, parentId, title: title ?? section.title };
      await m.getRepository(Section).update({ tenantId, id: section.id }, { parentId, title: moved.title });
      if (parentId !== section.parentId || input.position !== undefined) {
        await reorder(
          m,
          sections.map((s) => (s.id === section.id ? moved : s)),
          moved,
          input.position,
        );
      }
      await this.record(m, actor, tenantId, site, {
        changed: slug,
        ...(title ? { title } : {}),
        ...(input.parent !== undefined ? { parent: input.parent } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      });
    });
  }

  async remove(actor: Actor, tenantId: string, key: string, slug: string): Promise<SiteView> {
    return this.change(tenantId, key, async (m, site, sections) => {
      const section = sectionOf(sections, slug);
      if (sections.some((s) => s.parentId === section.id)) throw SectionErrors.hasChildren(slug);
      const required = await requiredSections(m, tenantId, site);
      if (required?.slugs.has(slug)) throw SectionErrors.required(slug, required.kind);
      try {
        // Items filed in the section hold a foreign key to it: Postgres refuses, and the transaction
        // goes back whole.
        await m.getRepository(Section).delete({ tenantId, id: section.id });
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503')
          throw SectionErrors.hasItems(slug);
        throw error;
      }
      await reorder(
        m,
        sections.filter((s) => s.id !== section.id),
        null,
      );
      await this.record(m, actor, tenantId, site, { removed: slug });
    });
  }

  /** One transaction, the site's sections locked against a concurrent change; the site as it is after. */
  private async change(
    tenantId: string,
    key: string,
    work: (m: EntityManager, site: Site, sections: Section[]) => Promise<void>,
  ): Promise<SiteView> {
    await this.db.transaction(tenantId, async (m) => {
      const site = await siteByKey(m, tenantId, key);
      await m
        .getRepository(Site)
        .createQueryBuilder('s')
        .where('s.tenant_id = :tenantId AND s.id = :id', { tenantId, id: site.id })
        .setLock('pessimistic_write')
        .getOne();
      const sections = await m
        .getRepository(Section)
        .find({ where: { tenantId, siteId: site.id }, order: { position: 'ASC', slug: 'ASC' } });
      await work(m, site, sections);
    });
    await this.cache?.invalidate(tenantId);
    return this.directory.get(tenantId, key);
  }

  private record(m: EntityManager, actor: Actor, tenantId: string, site: Site, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(m, {
      tenantId,
      action: 'sites.section_changed',
      subjectType: 'site',
      subjectId: site.id,
      actor,
      details: { site: site.path, ...details },
    });
  }
}

function checkedTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length < 2 || title.length > 200 || /[<>]/.test(title)) throw SectionErrors.badTitle();
  return title;
}

function sectionOf(sections: Section[], slug: string): Section {
  const section = sections.find((s) => s.slug === slug);
  if (!section) throw SiteErrors.sectionNotFound(slug);
  return section;
}

function parentOf(sections: Section[], slug: string | null): string | null {
  if (slug === null) return null;
  const parent = sections.find((s) => s.slug === slug);
  if (!parent) throw SectionErrors.parentNotFound(slug);
  return parent.id;
}

/** The section's id and its ancestors' ids, nearest first. */
function lineageOf(sections: Section[], id: string): string[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const lineage: string[] = [];
  for (let at = byId.get(id); at; at = at.parentId ? byId.get(at.parentId) : undefined) lineage.push(at.id);
  return lineage;
}

/** Levels above a child of `parentId`: 0 at the top of the menu. */
function depthOf(sections: Section[], parentId: string | null): number {
  return parentId === null ? 0 : lineageOf(sections, parentId).length;
}

/** Levels of the subtree rooted at `id`, itself included. */
function heightOf(sections: Section[], id: string): number {
  const children = sections.filter((s) => s.parentId === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(sections, c.id)));
}

/**
 * Numbers the siblings 0, 1, 2… in their order, with `placed` put at `position` (clamped; none:
 * where it already sorts). Only rows whose number changes are written.
 */
async function reorder(m: EntityManager, sections: Section[], placed: Section | null, position?: number): Promise<void> {
  const repo = m.getRepository(Section);
  const groups = new Map<string | null, Section[]>();
  for (const s of sections) groups.set(s.parentId, [...(groups.get(s.parentId) ?? []), s]);
  for (const [parentId, siblings] of groups) {
    let ordered = [...siblings].sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
    if (placed && parentId === placed.parentId && position !== undefined) {
      ordered = ordered.filter((s) => s.id !== placed.id);
      ordered.splice(Math.min(Math.max(position, 0), ordered.length), 0, placed);
    }
    for (const [index, s] of ordered.entries())
      if (s.position !== index) await repo.update({ tenantId: s.tenantId, id: s.id }, { position: index });
  }
}
