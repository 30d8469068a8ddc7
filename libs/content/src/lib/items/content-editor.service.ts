import { Injectable, Optional } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PublicResponseCache } from '@cong/platform-cache';
import { TenantDatabase } from '@cong/platform-database';
import { ContentType, diffRuleDocuments, isCalendarDate, RuleChange, todayIn } from '@cong/rules';
import { Section, Site, siteByKey, SiteErrors, vietnameseSlug } from '@cong/sites';
import { Unit, unitSubtree } from '@cong/units';
import { EntityManager, In, QueryFailedError } from 'typeorm';
import { plainText, sanitizeRichText } from '../safety/sanitize-html';
import { LegalDocumentStatus, legalDocumentStatus, validateFields } from '../types/content-fields';
import { ContentErrors } from './content.errors';
import { ContentItem, ContentStatus } from './content-item.entity';
import { ContentRevision } from './content-revision.entity';
import { resolveReferences } from './field-references';
import { RESERVED_SLUGS } from './reserved-slugs';
import { SlugRedirect } from './slug-redirect.entity';
import type { PublicItem } from '../public/public-reader.service';

export interface Author {
  id: string | null;
  label: string;
  /** A person's roles, for the rules that decide who may change what (an approved item). */
  memberships?: { role: string; unitId: string | null }[];
}

/**
 * Told of every save of an item that is published or scheduled, inside the save's transaction,
 * with the item before and after: the workflow decides there whether the author may change it live
 * (throwing undoes the save) and records the step in the item's history.
 */
export type ApprovedEditListener = (
  m: EntityManager,
  edit: { before: ContentItem; after: ContentItem; author: Author; timezone: string; note?: string },
) => Promise<void>;

/** Statuses whose content the public sees, or will see without another review. */
const APPROVED_STATUSES: readonly string[] = ['published', 'scheduled'];

export interface ContentDraft {
  title: string;
  slug?: string;
  summary?: string;
  body?: string;
  section?: string | null;
  fields?: Record<string, unknown>;
}

export interface NewContent extends ContentDraft {
  /** `portal` or a unit code (its sub-site). */
  site: string;
  type: ContentType;
  /** For portal items: the contributing unit's code. */
  unit?: string;
}

/** A draft as the public would read it (see ContentEditor.preview), and the uploads it shows. */
export interface ContentPreview {
  site: string;
  item: PublicItem;
  media: string[];
}

export interface ContentView {
  id: string;
  site: string;
  unit: string;
  section: string | null;
  type: string;
  channel: string;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  fields: Record<string, unknown>;
  status: ContentStatus;
  publishedAt: Date | null;
  revision: number;
  /** Bumped by every save and workflow step; a workflow action names it. */
  version: number;
  /** The state in the province's workflow (null before the first step: its initial state). */
  workflowState: string | null;
  publishAt: Date | null;
  unpublishAt: Date | null;
  /** At the top of its site's home page ("Tin nổi bật"). */
  featured: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Legal documents only: derived from their dates and replacement (NA-8.4). */
  legalStatus?: LegalDocumentStatus;
}

export interface ContentFilter {
  site?: string;
  type?: string;
  status?: ContentStatus;
  /** A section slug of `site` (refused without it). */
  section?: string;
  /** A unit code. */
  unit?: string;
  /** A user id: items they created or saved a revision of. */
  author?: string;
  /** Days `YYYY-MM-DD` in the province's zone, both inclusive, on the item's last change. */
  updatedFrom?: string;
  updatedTo?: string;
  /** Words in the title or summary, folded (accents and case ignored) as public search folds them. */
  q?: string;
  /** Only items of these units (a unit role's reach); all when absent. */
  unitIds?: string[];
  limit: number;
  after?: { updatedAt: Date; id: string };
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** Two saves racing for one slug: the loser gets the 409 the check before it would have given. */
async function saveOrSlugTaken<T>(slug: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
    if (driver?.code === '23505' && driver.constraint?.includes('slug')) throw ContentErrors.slugTaken(slug);
    throw error;
  }
}

/**
 * Authoring: every save is a new immutable revision; a save names the revision it started from
 * and a stale one is refused (409) with nothing overwritten. Rich text is sanitised, structured
 * fields validated per type, slugs folded from Vietnamese and kept unique per site; a changed slug
 * keeps redirecting.
 */
@Injectable()
export class ContentEditor {
  private readonly approvedEditListeners: ApprovedEditListener[] = [];

  constructor(
    private readonly db: TenantDatabase,
    @Optional() private readonly cache?: PublicResponseCache,
  ) {}

  /** See ApprovedEditListener. */
  onApprovedEdit(listener: ApprovedEditListener): void {
    this.approvedEditListeners.push(listener);
  }

  create(author: Author, tenantId: string, timezone: string, input: NewContent): Promise<ContentView> {
    return this.db.transaction(tenantId, (m) => this.createIn(m, author, tenantId, timezone, input));
  }

  /** `create` inside the caller's transaction (a citizen's question and its answer's draft are written together). */
  async createIn(m: EntityManager, author: Author, tenantId: string, timezone: string, input: NewContent): Promise<ContentView> {
    const site = await siteByKey(m, tenantId, input.site);
    if (!site.active) throw ContentErrors.siteInactive(input.site);
    const unitId = await this.unitFor(m, tenantId, site, input.unit);
    const prepared = await this.prepare(m, tenantId, site, input.type, input);
    const slug = await this.freeSlug(m, tenantId, site, input.slug, prepared.title);
    const items = m.getRepository(ContentItem);
    const item = await saveOrSlugTaken(slug, () =>
      items.save(
        items.create({
          tenantId,
          siteId: site.id,
          unitId,
          sectionId: prepared.sectionId,
          type: input.type,
          channel: site.kind === 'portal' ? 'portal' : 'subsite',
          slug,
          title: prepared.title,
          summary: prepared.summary,
          bodyHtml: prepared.bodyHtml,
          fields: prepared.fields,
          status: 'draft',
          revision: 1,
          createdBy: author.id,
        }),
      ),
    );
    await this.recordRevision(m, item, author, null);
    return this.view(m, item, timezone);
  }

  /**
   * Puts an item among its site's featured items ("Tin nổi bật") or takes it out. Placement, not
   * content: no revision; the version is bumped, as by any change of the item. On a published or
   * scheduled item it is a live change, allowed to those who may edit it live (the workflow's rule,
   * recorded in its history as a step of that version).
   */
  async setFeatured(author: Author, tenantId: string, timezone: string, id: string, featured: boolean): Promise<ContentView> {
    const view = await this.db.transaction(tenantId, async (m) => {
      const item = await this.lockedItem(m, tenantId, id);
      if (item.featured === featured) return this.view(m, item, timezone);
      const before = { ...item } as ContentItem;
      const after = Object.assign(item, { featured, version: item.version + 1 });
      await m.getRepository(ContentItem).update({ tenantId, id }, { featured, version: after.version });
      if (APPROVED_STATUSES.includes(before.status)) {
        const note = featured ? 'Đưa vào tin nổi bật' : 'Bỏ khỏi tin nổi bật';
        for (const listener of this.approvedEditListeners) await listener(m, { before, after, author, timezone, note });
      }
      return this.view(m, after, timezone);
    });
    if (view.status === 'published') await this.cache?.invalidate(tenantId);
    return view;
  }

  async update(
    author: Author,
    tenantId: string,
    timezone: string,
    id: string,
    expectedRevision: number,
    input: ContentDraft,
    restoredFrom: number | null = null,
  ): Promise<ContentView> {
    const view = await this.db.transaction(tenantId, async (m) => {
      const item = await this.lockedItem(m, tenantId, id);
      if (item.revision !== expectedRevision) throw ContentErrors.stale(expectedRevision, item.revision);
      const site = await m.getRepository(Site).findOneByOrFail({ tenantId, id: item.siteId });
      const prepared = await this.prepare(m, tenantId, site, item.type as ContentType, await this.keptParts(m, item, input), item.id);
      let slug = item.slug;
      if (input.slug !== undefined && input.slug !== item.slug) {
        slug = await this.freeSlug(m, tenantId, site, input.slug, prepared.title, item.id);
        await this.keepRedirect(m, tenantId, site.id, item.slug, slug, item.id);
      }
      const next: Partial<ContentItem> = {
        slug,
        title: prepared.title,
        summary: prepared.summary,
        bodyHtml: prepared.bodyHtml,
        fields: prepared.fields,
        sectionId: prepared.sectionId,
        revision: item.revision + 1,
        version: item.version + 1,
      };
      const before = { ...item } as ContentItem;
      const saved = await saveOrSlugTaken(slug, () => m.getRepository(ContentItem).save(Object.assign(item, next)));
      await this.recordRevision(m, saved, author, restoredFrom);
      if (APPROVED_STATUSES.includes(before.status))
        for (const listener of this.approvedEditListeners) await listener(m, { before, after: saved, author, timezone });
      return this.view(m, saved, timezone);
    });
    // An edit to a published item is public at once: the province's cached responses go.
    if (view.status === 'published') await this.cache?.invalidate(tenantId);
    return view;
  }

  /**
   * A save names what changes: the parts it leaves out (summary, body, section, fields) stay as
   * they are, so a client that sends only a new title never empties an item's structured fields.
   */
  private async keptParts(m: EntityManager, item: ContentItem, input: ContentDraft): Promise<ContentDraft> {
    const section =
      input.section !== undefined || !item.sectionId
        ? input.section
        : (await m.getRepository(Section).findOneBy({ tenantId: item.tenantId, id: item.sectionId }))?.slug;
    return {
      ...input,
      summary: input.summary ?? item.summary ?? undefined,
      body: input.body ?? item.bodyHtml,
      fields: input.fields ?? item.fields,
      section,
    };
  }

  /** A new revision with the content of an earlier one (history is never rewritten). */
  async restore(
    author: Author,
    tenantId: string,
    timezone: string,
    id: string,
    from: number,
    expectedRevision: number,
  ): Promise<ContentView> {
    const old = await this.revision(tenantId, id, from);
    const section = old.sectionId
      ? await this.db.transaction(tenantId, (m) => m.getRepository(Section).findOneBy({ tenantId, id: old.sectionId! }))
      : null;
    return this.update(
      author,
      tenantId,
      timezone,
      id,
      expectedRevision,
      {
        title: old.title,
        slug: old.slug,
        summary: old.summary ?? '',
        body: old.bodyHtml,
        fields: old.fields,
        section: section?.slug ?? null,
      },
      from,
    );
  }

  get(tenantId: string, timezone: string, id: string): Promise<ContentView> {
    return this.db.transaction(tenantId, async (m) => this.view(m, await this.itemOrFail(m, tenantId, id), timezone));
  }

  /**
   * The unit a new item on `siteKey` would belong to (a sub-site's own, or the named contributor on
   * the portal), for the access check before create; null when create will refuse it anyway.
   */
  ownerUnitOf(tenantId: string, siteKey: string, unitCode?: string): Promise<string | null> {
    return this.db.transaction(tenantId, async (m) => {
      const site = await siteByKey(m, tenantId, siteKey);
      if (site.unitId) return site.unitId;
      if (!unitCode) return null;
      return (await m.getRepository(Unit).findOneBy({ tenantId, code: unitCode }))?.id ?? null;
    });
  }

  /**
   * The item as the public would read it were this draft published now, checked exactly as a save
   * would check it (the same 422s) and written nowhere. `item`: the saved item being edited (its
   * site, type and unit stand; the draft's parts left out are the item's); else a new item on `site`.
   */
  preview(tenantId: string, timezone: string, input: ContentDraft & { item?: string } & Partial<NewContent>): Promise<ContentPreview> {
    return this.db.transaction(tenantId, async (m) => {
      const saved = input.item ? await this.itemOrFail(m, tenantId, input.item) : undefined;
      const site = saved
        ? await m.getRepository(Site).findOneByOrFail({ id: saved.siteId })
        : await siteByKey(m, tenantId, input.site ?? 'portal');
      const type = (saved?.type ?? input.type) as ContentType;
      const unitId = saved?.unitId ?? (await this.unitFor(m, tenantId, site, input.unit));
      const draft = saved ? await this.keptParts(m, saved, input) : input;
      const prepared = await this.prepare(m, tenantId, site, type, draft, saved?.id);
      const unit = await m.getRepository(Unit).findOneByOrFail({ id: unitId });
      const section = prepared.sectionId ? await m.getRepository(Section).findOneByOrFail({ id: prepared.sectionId }) : null;
      const today = todayIn(timezone);
      return {
        site: siteKeyOf(site.kind, site.path),
        item: {
          id: saved?.id ?? '00000000-0000-0000-0000-000000000000',
          siteId: site.id,
          site: siteKeyOf(site.kind, site.path),
          type,
          slug: input.slug ?? saved?.slug ?? vietnameseSlug(prepared.title),
          title: prepared.title,
          summary: prepared.summary,
          body: prepared.bodyHtml,
          fields: prepared.fields,
          section: section?.slug ?? null,
          unit: unit.code,
          publishedAt: (saved?.publishedAt ?? new Date()).toISOString(),
          ...(type === 'legal_document' ? { legalStatus: legalDocumentStatus(prepared.fields, today) } : {}),
        },
        media: mediaReferencedBy(prepared.bodyHtml, prepared.fields),
      };
    });
  }

  /** The item's unit id (for access checks before anything else is read or written). */
  unitOf(tenantId: string, id: string): Promise<string> {
    return this.db.transaction(tenantId, async (m) => (await this.itemOrFail(m, tenantId, id)).unitId);
  }

  /**
   * A page of items for staff, newest change first: one statement, the site, unit and section
   * read in the same statement (never a query per item; a site filter adds one lookup). Every
   * other filter is a condition of that statement; keyset paging (`after`) works under all of them.
   */
  list(tenantId: string, timezone: string, filter: ContentFilter): Promise<ContentView[]> {
    if (filter.section && !filter.site) throw ContentErrors.sectionNeedsSite();
    for (const field of ['updatedFrom', 'updatedTo'] as const) {
      const day = filter[field];
      if (day !== undefined && !isCalendarDate(day)) throw ContentErrors.notADate(field, day);
    }
    if (filter.updatedFrom && filter.updatedTo && filter.updatedFrom > filter.updatedTo)
      throw ContentErrors.datesReversed(filter.updatedFrom, filter.updatedTo);
    const words = filter.q?.trim();
    return this.db.transaction(tenantId, async (m) => {
      const q = m
        .getRepository(ContentItem)
        .createQueryBuilder('c')
        .innerJoin(Site, 's', 's.tenant_id = c.tenant_id AND s.id = c.site_id')
        .innerJoin(Unit, 'u', 'u.tenant_id = c.tenant_id AND u.id = c.unit_id')
        .leftJoin(Section, 'sec', 'sec.tenant_id = c.tenant_id AND sec.id = c.section_id')
        .addSelect(['s.kind AS site_kind', 's.path AS site_path', 'u.code AS unit_code', 'sec.slug AS section_slug'])
        .where('c.tenant_id = :tenantId', { tenantId });
      // An unknown site is a 404 (one lookup, whatever the page size).
      if (filter.site) q.andWhere('c.site_id = :siteId', { siteId: (await siteByKey(m, tenantId, filter.site)).id });
      if (filter.type) q.andWhere('c.type = :type', { type: filter.type });
      if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
      if (filter.section) q.andWhere('sec.slug = :section', { section: filter.section });
      if (filter.unit) q.andWhere('u.code = :unitCode', { unitCode: filter.unit });
      if (filter.author)
        q.andWhere(
          `(c.created_by = :author OR EXISTS (
             SELECT 1 FROM content_revision r WHERE r.tenant_id = c.tenant_id AND r.item_id = c.id AND r.author_id = :author))`,
          { author: filter.author },
        );
      // The province's days: from its midnight to the midnight after the last day.
      if (filter.updatedFrom || filter.updatedTo) q.setParameter('zone', timezone);
      if (filter.updatedFrom)
        q.andWhere(`c.updated_at >= (CAST(:updatedFrom AS date)::timestamp AT TIME ZONE :zone)`, { updatedFrom: filter.updatedFrom });
      if (filter.updatedTo)
        q.andWhere(`c.updated_at < ((CAST(:updatedTo AS date) + 1)::timestamp AT TIME ZONE :zone)`, { updatedTo: filter.updatedTo });
      // Folded as public search folds (cong_fold; search_title is the folded title), the words
      // folded once per statement rather than once per row.
      if (words)
        q.andWhere(
          `(strpos(c.search_title, (SELECT cong_fold(:words))) > 0 OR strpos(cong_fold(coalesce(c.summary, '')), (SELECT cong_fold(:words))) > 0)`,
          { words },
        );
      if (filter.unitIds)
        q.andWhere('c.unit_id IN (:...unitIds)', {
          unitIds: filter.unitIds.length ? filter.unitIds : ['00000000-0000-0000-0000-000000000000'],
        });
      if (filter.after) q.andWhere('(c.updated_at, c.id) < (:at, :id)', { at: filter.after.updatedAt, id: filter.after.id });
      const { entities, raw } = await q
        .orderBy('c.updated_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(filter.limit)
        .getRawAndEntities<{ c_id: string; site_kind: string; site_path: string; unit_code: string; section_slug: string | null }>();
      const placed = new Map(raw.map((r) => [r.c_id, r]));
      return entities.map((item) => {
        const p = placed.get(item.id)!;
        return viewOf(item, { site: siteKeyOf(p.site_kind, p.site_path), unit: p.unit_code, section: p.section_slug }, timezone);
      });
    });
  }

  revisions(tenantId: string, id: string): Promise<ContentRevision[]> {
    return this.db.transaction(tenantId, async (m) => {
      await this.itemOrFail(m, tenantId, id);
      return m.getRepository(ContentRevision).find({ where: { tenantId, itemId: id }, order: { revision: 'DESC' } });
    });
  }

  revision(tenantId: string, id: string, n: number): Promise<ContentRevision> {
    return this.db.transaction(tenantId, async (m) => {
      await this.itemOrFail(m, tenantId, id);
      const found = await m.getRepository(ContentRevision).findOneBy({ tenantId, itemId: id, revision: n });
      if (!found) throw ContentErrors.revisionNotFound(n);
      return found;
    });
  }

  async diff(tenantId: string, id: string, from: number, to: number): Promise<RuleChange[]> {
    const [a, b] = [await this.revision(tenantId, id, from), await this.revision(tenantId, id, to)];
    const doc = (r: ContentRevision) => ({
      title: r.title,
      slug: r.slug,
      summary: r.summary,
      body: r.bodyHtml,
      section: r.sectionId,
      fields: r.fields,
    });
    return diffRuleDocuments(doc(a), doc(b));
  }

  /** The units below (and including) `roots`: how far a unit role reaches. */
  subtreeOf(tenantId: string, roots: string[]): Promise<string[]> {
    return this.db.transaction(tenantId, async (m) => (await unitSubtree(m, tenantId, roots)).map((u) => u.id));
  }

  private async unitFor(m: EntityManager, tenantId: string, site: Site, unitCode?: string): Promise<string> {
    if (site.unitId) {
      if (unitCode) throw ContentErrors.unitNotAllowed();
      return site.unitId;
    }
    if (!unitCode) throw ContentErrors.unitRequired();
    const unit = await m.getRepository(Unit).findOneBy({ tenantId, code: unitCode, active: true });
    if (!unit) throw ContentErrors.unknownUnit(unitCode);
    return unit.id;
  }

  private async prepare(m: EntityManager, tenantId: string, site: Site, type: ContentType, input: ContentDraft, itemId?: string) {
    const { fields, problems } = validateFields(type, input.fields);
    // What the fields point at (uploads, a replacing document) is looked up only once they are well formed.
    if (problems.length === 0) problems.push(...(await resolveReferences(m, tenantId, type, fields, itemId)));
    const title = plainText(input.title ?? '');
    const summary = input.summary ? plainText(input.summary) || null : null;
    const bodyHtml = sanitizeRichText(input.body ?? '');
    if (!title) problems.unshift({ field: 'title', message: 'Tiêu đề không được để trống (sau khi bỏ định dạng).' });
    // Limits of the stored columns, checked here so an over-long value is a 422, never a failed insert.
    if (title.length > 500) problems.push({ field: 'title', message: 'Tiêu đề tối đa 500 ký tự.' });
    if (summary && summary.length > 2000) problems.push({ field: 'summary', message: 'Tóm tắt tối đa 2.000 ký tự.' });
    if (bodyHtml.length > 1_000_000) problems.push({ field: 'body', message: 'Nội dung dài quá 1.000.000 ký tự (sau khi làm sạch).' });
    if (input.slug !== undefined && !SLUG.test(input.slug))
      problems.push({ field: 'slug', message: 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ tin-moi).' });
    if (problems.length > 0) throw ContentErrors.invalidFields(problems);
    let sectionId: string | null = null;
    if (input.section) {
      const section = await m.getRepository(Section).findOneBy({ tenantId, siteId: site.id, slug: input.section });
      if (!section) throw SiteErrors.sectionNotFound(input.section);
      sectionId = section.id;
    }
    return { title, summary, bodyHtml, fields, sectionId };
  }

  /**
   * A slug for the item: the one asked for (409 if taken, 422 if a page of the portal's holds
   * that address), or the title's, suffixed until free. On the portal, a sub-site's key is a page
   * of its own (`/so-y-te`), so it is held too.
   */
  private async freeSlug(
    m: EntityManager,
    tenantId: string,
    site: Site,
    asked: string | undefined,
    title: string,
    itemId?: string,
  ): Promise<string> {
    const held = async (slug: string) =>
      RESERVED_SLUGS.includes(slug) ||
      (site.kind === 'portal' && !!(await m.getRepository(Site).findOneBy({ tenantId, kind: 'subsite', path: `/${slug}` })));
    const taken = async (slug: string) => {
      const owner = await m.getRepository(ContentItem).findOneBy({ tenantId, siteId: site.id, slug });
      return !!owner && owner.id !== itemId;
    };
    if (asked !== undefined) {
      if (await held(asked)) throw ContentErrors.slugReserved(asked);
      if (await taken(asked)) throw ContentErrors.slugTaken(asked);
      return asked;
    }
    const base = vietnameseSlug(title);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await held(candidate)) && !(await taken(candidate))) return candidate;
    }
  }

  private async keepRedirect(
    m: EntityManager,
    tenantId: string,
    siteId: string,
    oldSlug: string,
    newSlug: string,
    itemId: string,
  ): Promise<void> {
    const redirects = m.getRepository(SlugRedirect);
    // The new slug is an item's own again: it must not redirect anywhere; the old one now points here.
    await redirects.delete({ tenantId, siteId, oldSlug: In([newSlug, oldSlug]) });
    await redirects.insert({ tenantId, siteId, oldSlug, itemId });
  }

  private async recordRevision(m: EntityManager, item: ContentItem, author: Author, restoredFrom: number | null): Promise<void> {
    const repo = m.getRepository(ContentRevision);
    await repo.save(
      repo.create({
        tenantId: item.tenantId,
        itemId: item.id,
        revision: item.revision,
        title: item.title,
        slug: item.slug,
        summary: item.summary,
        bodyHtml: item.bodyHtml,
        fields: item.fields,
        sectionId: item.sectionId,
        authorId: author.id,
        authorLabel: author.label,
        restoredFrom,
      }),
    );
  }

  private async lockedItem(m: EntityManager, tenantId: string, id: string): Promise<ContentItem> {
    const item = isUUID(id)
      ? await m
          .getRepository(ContentItem)
          .createQueryBuilder('c')
          .where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!item) throw ContentErrors.notFound();
    return item;
  }

  private async itemOrFail(m: EntityManager, tenantId: string, id: string): Promise<ContentItem> {
    const item = isUUID(id) ? await m.getRepository(ContentItem).findOneBy({ tenantId, id }) : null;
    if (!item) throw ContentErrors.notFound();
    return item;
  }

  private async view(m: EntityManager, item: ContentItem, timezone: string): Promise<ContentView> {
    const site = await m.getRepository(Site).findOneByOrFail({ id: item.siteId });
    const unit = await m.getRepository(Unit).findOneByOrFail({ id: item.unitId });
    const section = item.sectionId ? await m.getRepository(Section).findOneBy({ id: item.sectionId }) : null;
    return viewOf(item, { site: siteKeyOf(site.kind, site.path), unit: unit.code, section: section?.slug ?? null }, timezone);
  }
}

const MEDIA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uploads a draft shows: images in its body, and the `media` of its fields' files. */
function mediaReferencedBy(bodyHtml: string, fields: Record<string, unknown>): string[] {
  const inBody = [...bodyHtml.matchAll(/\/api\/v1\/public\/media\/([0-9a-f-]{36})/g)].map((m) => m[1]);
  const inFields = [...JSON.stringify(fields).matchAll(/"media":"([^"]+)"/g)].map((m) => m[1]).filter((id) => MEDIA_ID.test(id));
  return [...new Set([...inBody, ...inFields])];
}

/** `portal`, or the unit code a sub-site's path is. */
const siteKeyOf = (kind: string, path: string) => (kind === 'portal' ? 'portal' : path.slice(1));

/** An item as staff read it, with where it is (its site, unit and section by key). */
function viewOf(item: ContentItem, place: { site: string; unit: string; section: string | null }, timezone: string): ContentView {
  return {
    id: item.id,
    site: place.site,
    unit: place.unit,
    section: place.section,
    type: item.type,
    channel: item.channel,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    body: item.bodyHtml,
    fields: item.fields,
    status: item.status,
    publishedAt: item.publishedAt,
    revision: item.revision,
    version: item.version,
    workflowState: item.workflowState,
    publishAt: item.publishAt,
    unpublishAt: item.unpublishAt,
    featured: item.featured,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ...(item.type === 'legal_document' ? { legalStatus: legalDocumentStatus(item.fields, todayIn(timezone)) } : {}),
  };
}
