import { Injectable } from '@nestjs/common';
import { PublicReadDatabase } from '@cong/platform-database';
import { ContentType } from '@cong/rules';
import { legalDocumentStatus, LegalDocumentStatus, legalStatusCondition } from '../types/content-fields';

export interface PublicItemSummary {
  id: string;
  slug: string;
  type: string;
  title: string;
  summary: string | null;
  section: string | null;
  unit: string | null;
  /** The site it is published on (an id of `sites`): where a list across sites links to. */
  siteId: string;
  /** ISO 8601 in UTC, `2026-11-20T02:00:00.000Z`. */
  publishedAt: string;
  legalStatus?: LegalDocumentStatus;
  /** What a list of legal documents or procedures shows of each: number, kind, issuer, dates; code, field, agency. */
  facts?: Record<string, string>;
}

/** The fields a list shows, by type (the rest is on the item's page). */
const LIST_FACTS: Partial<Record<string, readonly string[]>> = {
  legal_document: ['number', 'documentKind', 'issuingBody', 'issuedOn', 'effectiveFrom'],
  procedure: ['code', 'field', 'implementingAgency'],
};

export interface PublicItem extends PublicItemSummary {
  body: string;
  fields: Record<string, unknown>;
  site: string;
  /** A legal document replaced by a later one: where that one is read (when it is published). */
  replacedBy?: { site: string; slug: string; title: string; number: string | null };
}

export interface PublicSection {
  slug: string;
  title: string;
  children: PublicSection[];
}

export interface PublicSite {
  key: string;
  path: string;
  title: string;
  domain: string | null;
  sections: PublicSection[];
}

export interface PublicListQuery {
  type?: ContentType;
  section?: string;
  after?: { publishedAt: Date; id: string };
  limit: number;
}

/** A home page's lists, newest first. */
export interface HomeLists {
  /** "Tin nổi bật": the site's featured items, newest first. */
  featured: PublicItemSummary[];
  news: PublicItemSummary[];
  announcements: PublicItemSummary[];
  thematic: PublicItemSummary[];
  legalDocuments: PublicItemSummary[];
  procedures: PublicItemSummary[];
  faq: PublicItemSummary[];
}

export interface PublicRegisterQuery {
  type: 'legal_document' | 'procedure';
  /** Only this site's; every site of the province when left out. */
  site?: string;
  documentKind?: string;
  issuingBody?: string;
  /** Part of the number/symbol, e.g. `07/2006`. */
  number?: string;
  /** Year of issue. */
  year?: number;
  legalStatus?: LegalDocumentStatus;
  /** Procedures: their field. */
  field?: string;
  limit: number;
  offset?: number;
}

export interface PublicSearchQuery {
  q: string;
  site?: string;
  type?: ContentType;
  /** Legal documents: kind and issuing body; procedures: field and implementing agency. */
  documentKind?: string;
  issuingBody?: string;
  field?: string;
  agency?: string;
  /** Legal documents: status on the province's date, and issue dates (`YYYY-MM-DD`, inclusive). */
  legalStatus?: LegalDocumentStatus;
  issuedFrom?: string;
  issuedTo?: string;
  limit: number;
  /** Results to skip (a results page); 0 when left out. */
  offset?: number;
}

/**
 * A search ranks at most this many candidates: the newest matches of its words. A common word then
 * costs the same in a province with ten years of archive as in one with a month, and the total a
 * page shows is "more than" this number past it.
 */
export const SEARCH_CANDIDATES = 1000;

export interface PublicSearchResult {
  items: PublicItemSummary[];
  /** Matches found, up to SEARCH_CANDIDATES (then `capped`). */
  total: number;
  capped: boolean;
}

const pathOf = (site: string) => (site === 'portal' ? '/' : `/${site}`);

// The publication time comes as the ISO text the API answers with: Node neither parses it into a
// Date nor writes it out again (ORDER BY c.published_at still sorts on the column).
const SUMMARY_COLUMNS = `c.id, c.slug, c.type, c.title, c.summary, to_char(c.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at, c.fields, sec.slug AS section, u.code AS unit, c.site_id`;
const JOINS = `JOIN sites_site s ON s.tenant_id = c.tenant_id AND s.id = c.site_id
  LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
  LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id`;

/** The published document that replaced a legal document (`fields.replacedBy`, validated as a uuid). */
const REPLACED_BY = `(SELECT json_build_object('site', CASE WHEN rs.path = '/' THEN 'portal' ELSE substr(rs.path, 2) END, 'slug', r.slug, 'title', r.title, 'number', r.fields->>'number')
   FROM content_item r JOIN sites_site rs ON rs.tenant_id = r.tenant_id AND rs.id = r.site_id
   WHERE c.type = 'legal_document' AND r.tenant_id = c.tenant_id AND r.status = 'published'
     AND r.id = CASE WHEN c.fields->>'replacedBy' ~ '^[0-9a-fA-F-]{36}$' THEN (c.fields->>'replacedBy')::uuid END)`;

interface Row {
  id: string;
  slug: string;
  type: string;
  title: string;
  summary: string | null;
  published_at: string;
  fields: Record<string, unknown>;
  section: string | null;
  unit: string | null;
  site_id: string;
}

/**
 * What citizens read. Each method is one statement on the public reader's connection: its row
 * policies admit published items of active sites only, and every query also names the province.
 */
@Injectable()
export class PublicReader {
  constructor(private readonly db: PublicReadDatabase) {}

  async sites(tenantId: string): Promise<{ id: string; key: string; path: string; title: string; kind: string; domain: string | null }[]> {
    const rows = await this.db.query<{ id: string; path: string; title: string; kind: string; domain: string | null }>(
      'public-sites-v2',
      `SELECT id, path, title, kind, domain FROM sites_site WHERE tenant_id = $1 ORDER BY path`,
      [tenantId],
    );
    return rows.map((r) => ({ key: r.path === '/' ? 'portal' : r.path.slice(1), ...r }));
  }

  /** An active site of the province, or null. */
  async siteFor(tenantId: string, site: string): Promise<{ path: string; title: string; domain: string | null } | null> {
    const rows = await this.db.query<{ path: string; title: string; domain: string | null }>(
      'public-site',
      `SELECT path, title, domain FROM sites_site WHERE tenant_id = $1 AND path = $2`,
      [tenantId, pathOf(site)],
    );
    return rows[0] ?? null;
  }

  /**
   * Why a list came back empty: the site (or the section asked for) does not exist, or is not
   * public. Asked only for an empty page, so a list that has items stays one statement.
   */
  async missingPart(tenantId: string, site: string, section?: string): Promise<'site' | 'section' | null> {
    const rows = await this.db.query<{ section: boolean | null }>(
      section ? 'public-site-section' : 'public-site-exists',
      section
        ? `SELECT EXISTS (SELECT 1 FROM sites_section sec WHERE sec.tenant_id = $1 AND sec.site_id = s.id AND sec.slug = $3) AS section FROM sites_site s WHERE s.tenant_id = $1 AND s.path = $2`
        : `SELECT NULL::boolean AS section FROM sites_site s WHERE s.tenant_id = $1 AND s.path = $2`,
      section ? [tenantId, pathOf(site), section] : [tenantId, pathOf(site)],
    );
    if (!rows[0]) return 'site';
    return section && !rows[0].section ? 'section' : null;
  }

  /** A site and its navigation: sections in their order, each with those under it. */
  async siteWithSections(tenantId: string, site: string): Promise<PublicSite | null> {
    const found = await this.siteFor(tenantId, site);
    if (!found) return null;
    const rows = await this.db.query<{ id: string; parent_id: string | null; slug: string; title: string }>(
      'public-sections',
      `SELECT sec.id, sec.parent_id, sec.slug, sec.title FROM sites_section sec
       WHERE sec.tenant_id = $1 AND sec.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $2)
       ORDER BY sec.position, sec.slug`,
      [tenantId, pathOf(site)],
    );
    const under = (parent: string | null): PublicSection[] =>
      rows.filter((r) => r.parent_id === parent).map((r) => ({ slug: r.slug, title: r.title, children: under(r.id) }));
    return { key: site, path: found.path, title: found.title, domain: found.domain, sections: under(null) };
  }

  /** Every site's navigation at once (the portal keeps them with the province's chrome): site key → its sections. */
  async sectionsByKey(tenantId: string): Promise<Map<string, PublicSection[]>> {
    const rows = await this.db.query<{ id: string; parent_id: string | null; slug: string; title: string; path: string }>(
      'public-sections-all',
      `SELECT sec.id, sec.parent_id, sec.slug, sec.title, s.path FROM sites_section sec
       JOIN sites_site s ON s.tenant_id = sec.tenant_id AND s.id = sec.site_id
       WHERE sec.tenant_id = $1 ORDER BY sec.position, sec.slug`,
      [tenantId],
    );
    const under = (path: string, parent: string | null): PublicSection[] =>
      rows
        .filter((r) => r.path === path && r.parent_id === parent)
        .map((r) => ({ slug: r.slug, title: r.title, children: under(path, r.id) }));
    return new Map([...new Set(rows.map((r) => r.path))].map((path) => [path === '/' ? 'portal' : path.slice(1), under(path, null)]));
  }

  /** Every published item of a site for its sitemap (the protocol allows 50,000 URLs a file). */
  async sitemapEntries(tenantId: string, site: string): Promise<{ slug: string; updatedAt: Date }[]> {
    const rows = await this.db.query<{ slug: string; updated_at: Date }>(
      'public-sitemap',
      `SELECT c.slug, c.updated_at FROM content_item c JOIN sites_site s ON s.tenant_id = c.tenant_id AND s.id = c.site_id
       WHERE c.tenant_id = $1 AND s.path = $2 AND c.status = 'published' ORDER BY c.published_at DESC LIMIT 50000`,
      [tenantId, pathOf(site)],
    );
    return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
  }

  async list(tenantId: string, today: string, site: string, q: PublicListQuery): Promise<PublicItemSummary[]> {
    // Only the filters asked for are in the statement, one named statement per combination: a
    // generic plan for "$3 IS NULL OR c.type = $3" cost Postgres three times the specific one.
    const values: unknown[] = [tenantId, pathOf(site), q.limit];
    const where: string[] = [];
    const name = ['public-list'];
    if (q.type) {
      values.push(q.type);
      where.push(`c.type = $${values.length}`);
      name.push('type');
    }
    if (q.section) {
      values.push(q.section);
      // The section as one value too: the section's own index walks its newest items (migration 29).
      where.push(
        `c.section_id = (SELECT id FROM sites_section WHERE tenant_id = $1 AND slug = $${values.length} AND site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $2))`,
      );
      name.push('section');
    }
    if (q.after) {
      values.push(q.after.publishedAt, q.after.id);
      where.push(`(c.published_at, c.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
      name.push('after');
    }
    const rows = await this.db.query<Row>(
      name.join('-'),
      // The site as a sub-select (one value for the planner, hence the newest-first index walk);
      // an inactive site is invisible to the public reader, so its items are too.
      `SELECT ${SUMMARY_COLUMNS} FROM content_item c
       LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
       LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
       WHERE c.tenant_id = $1 AND c.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $2) AND c.status = 'published'
         ${where.map((w) => `AND ${w}`).join(' ')}
       ORDER BY c.published_at DESC, c.id DESC LIMIT $3`,
      values,
    );
    return rows.map((r) => summary(r, today));
  }

  /**
   * What a site's home page lists, in one statement: the newest items of each kind it shows.
   * The portal's home shows the newest of the whole province for legal documents and procedures
   * (they are published by the units, on their sub-sites).
   */
  async home(tenantId: string, today: string, site: string): Promise<HomeLists> {
    const portal = site === 'portal';
    const lists: [keyof HomeLists, string | null, number, boolean][] = [
      ['featured', null, 3, false],
      ['news', 'news', 7, false],
      ['announcements', 'announcement', 5, false],
      ['thematic', 'thematic', 4, false],
      ['legalDocuments', 'legal_document', 5, portal],
      ['procedures', 'procedure', 5, portal],
      ['faq', 'faq', 4, false],
    ];
    const rows = await this.db.query<Row & { list: keyof HomeLists }>(
      portal ? 'public-home-portal' : 'public-home-site',
      lists
        .map(
          ([list, type, limit, wholeProvince]) => `(SELECT '${list}' AS list, ${SUMMARY_COLUMNS} FROM content_item c
           LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
           LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
           WHERE c.tenant_id = $1 AND ${type ? `c.type = '${type}'` : 'c.featured'} AND c.status = 'published'
             ${wholeProvince ? '' : `AND c.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $2)`}
           ORDER BY c.published_at DESC, c.id DESC LIMIT ${limit})`,
        )
        .join(' UNION ALL '),
      [tenantId, pathOf(site)],
    );
    const home: HomeLists = { featured: [], news: [], announcements: [], thematic: [], legalDocuments: [], procedures: [], faq: [] };
    for (const row of rows) home[row.list].push(summary(row, today));
    return home;
  }

  /**
   * Legal documents or procedures of the province, filtered by their fields, newest first, with the
   * number found (up to SEARCH_CANDIDATES): the "Văn bản pháp luật" and "Thủ tục hành chính" pages.
   * Only the filters given are in the statement, one named statement per combination.
   */
  async register(tenantId: string, today: string, q: PublicRegisterQuery): Promise<PublicSearchResult> {
    const values: unknown[] = [tenantId, q.type, q.limit, q.offset ?? 0];
    const where: string[] = [];
    const name = ['public-register'];
    const filter = (key: string, value: string | number | undefined, condition: (p: string) => string) => {
      if (value === undefined) return;
      values.push(value);
      where.push(condition(`$${values.length}`));
      name.push(key);
    };
    const contains = (field: string) => (p: string) => `cong_fold(c.fields->>'${field}') LIKE '%' || (SELECT cong_fold(${p})) || '%'`;
    if (q.site) filter('site', pathOf(q.site), (p) => `c.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = ${p})`);
    filter('kind', q.documentKind, (p) => `c.fields->>'documentKind' = ${p}`);
    filter('issuer', q.issuingBody, contains('issuingBody'));
    filter('number', q.number, (p) => `lower(c.fields->>'number') LIKE '%' || lower(${p}) || '%'`);
    filter('year', q.year, (p) => `c.fields->>'issuedOn' LIKE ${p}::text || '-%'`);
    filter('field', q.field, contains('field'));
    if (q.legalStatus === 'replaced') {
      where.push(legalStatusCondition('replaced', 'c.fields', ''));
      name.push('replaced');
    } else if (q.legalStatus) {
      filter(`status-${q.legalStatus}`, today, (p) => legalStatusCondition(q.legalStatus!, 'c.fields', p));
    }
    const rows = await this.db.query<Row & { total: string }>(
      name.join('-'),
      `SELECT * FROM (
         SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total FROM (
           SELECT c.* FROM content_item c
           WHERE c.tenant_id = $1 AND c.type = $2 AND c.status = 'published' ${where.map((w) => `AND ${w}`).join(' ')}
           ORDER BY c.published_at DESC, c.id DESC LIMIT ${SEARCH_CANDIDATES + 1}
         ) c
         LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
         LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
       ) found ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4`,
      values,
    );
    const found = rows.length ? Number(rows[0].total) : 0;
    return { items: rows.map((r) => summary(r, today)), total: Math.min(found, SEARCH_CANDIDATES), capped: found > SEARCH_CANDIDATES };
  }

  /**
   * The item; or where its old slug now points (`redirect`); or `gone` when an item was published
   * at that address and no longer is (withdrawn or archived); or null. A legal document replaced by
   * a later one also names that one's address (`replacedBy`), if it is published.
   */
  async item(
    tenantId: string,
    today: string,
    site: string,
    slug: string,
  ): Promise<{ item: PublicItem } | { redirect: string } | { gone: true } | null> {
    const rows = await this.db.query<
      Row & { body_html: string; redirect: string | null; replaced_by: PublicItem['replacedBy'] | null; gone: boolean }
    >(
      'public-item',
      `SELECT * FROM (
         SELECT ${SUMMARY_COLUMNS}, c.body_html, NULL::text AS redirect, ${REPLACED_BY} AS replaced_by, false AS gone, 0 AS rank FROM content_item c ${JOINS}
         WHERE c.tenant_id = $1 AND s.path = $2 AND c.slug = $3 AND c.status = 'published'
         UNION ALL
         SELECT ${SUMMARY_COLUMNS}, NULL, c.slug, NULL, false, 1 FROM content_slug_redirect r
         JOIN content_item c ON c.tenant_id = r.tenant_id AND c.id = r.item_id ${JOINS}
         WHERE r.tenant_id = $1 AND s.path = $2 AND r.old_slug = $3 AND r.site_id = s.id AND c.status = 'published'
         UNION ALL
         SELECT NULL::uuid, g.slug, NULL::text, NULL::text, NULL::text, NULL::text, NULL::jsonb, NULL::text, NULL::text, g.site_id, NULL::text, NULL::text, NULL::json, true, 2
         FROM content_public_gone g JOIN sites_site s ON s.tenant_id = g.tenant_id AND s.id = g.site_id
         WHERE g.tenant_id = $1 AND s.path = $2 AND g.slug = $3
       ) found ORDER BY rank LIMIT 1`,
      [tenantId, pathOf(site), slug],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.gone) return { gone: true };
    if (row.redirect) return { redirect: row.redirect };
    return {
      item: {
        ...summary(row, today),
        body: row.body_html,
        fields: row.fields,
        site,
        ...(row.replaced_by ? { replacedBy: row.replaced_by } : {}),
      },
    };
  }

  /**
   * Accent- and case-insensitive search ("nghe an" finds "Nghệ An"): full text over the folded title
   * and summary, exact legal document numbers and procedure codes, and trigram similarity on the
   * folded title when nothing else matches.
   */
  async search(tenantId: string, today: string, q: PublicSearchQuery): Promise<PublicSearchResult> {
    const { name, values, scope, filters, item } = searchFilters(tenantId, today, q);
    values.push(q.offset ?? 0);
    const offset = `$${values.length}`;
    const rows = await this.db.query<Row & { score: number; total: string }>(
      name,
      // content_public_search (migration CreatePublicSearch) holds the folded words of published
      // items only, so its indexes can take the words under row-level security. Items matching the
      // words or, exactly, a legal document's number or a procedure's code come first; the fuzzy
      // trigram match on the title is looked for only when none do (a typo). The items are then read
      // from content_item, under its policy.
      //
      // The words are folded and parsed once per statement (`query`, a sub-select Postgres runs
      // once): written inline, a generic plan would redo it for every row it ranks.
      `WITH query AS MATERIALIZED (
         SELECT plainto_tsquery('simple', cong_fold($2)) AS words, cong_fold($2) AS folded, lower($2) AS exact
       ), words AS (
         SELECT s.item_id, s.published_at,
                CASE WHEN s.exact_key = (SELECT exact FROM query) THEN 1 ELSE 0 END + ts_rank(s.search_words, (SELECT words FROM query)) AS score
         FROM content_public_search s ${item}
         WHERE ${scope} AND s.published_at <= now()
           AND (s.search_words @@ (SELECT words FROM query) OR s.exact_key = (SELECT exact FROM query))
           ${filters}
         ORDER BY s.published_at DESC LIMIT ${SEARCH_CANDIDATES + 1}
       ), near AS (
         SELECT s.item_id, s.published_at, similarity(s.search_title, (SELECT folded FROM query)) AS score
         FROM content_public_search s ${item}
         WHERE NOT EXISTS (SELECT 1 FROM words) AND ${scope} AND s.published_at <= now() AND s.search_title % (SELECT folded FROM query)
           ${filters}
         ORDER BY s.published_at DESC LIMIT ${SEARCH_CANDIDATES + 1}
       ), found AS (
         SELECT *, count(*) OVER () AS total FROM (SELECT * FROM words UNION ALL SELECT * FROM near) matches
         ORDER BY score DESC, published_at DESC LIMIT $3 OFFSET ${offset}
       )
       SELECT ${SUMMARY_COLUMNS}, found.score, found.total FROM found
       JOIN content_item c ON c.tenant_id = $1 AND c.id = found.item_id
       LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
       LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
       ORDER BY found.score DESC, found.published_at DESC`,
      values,
    );
    // A page past the last result has no row to carry the total: it is then only known to be below
    // the offset (the page says there is nothing here).
    const found = rows.length ? Number(rows[0].total) : 0;
    return { items: rows.map((r) => summary(r, today)), total: Math.min(found, SEARCH_CANDIDATES), capped: found > SEARCH_CANDIDATES };
  }
}

/**
 * What a search asks beyond its words, as SQL: only the filters given, so each combination is one
 * named statement (as for lists). Filters on the search table narrow its index scan; those on an
 * item's fields read the item.
 */
function searchFilters(
  tenantId: string,
  today: string,
  q: PublicSearchQuery,
): { name: string; values: unknown[]; scope: string; filters: string; item: string } {
  const values: unknown[] = [tenantId, q.q, q.limit];
  const where: string[] = [];
  const name = ['public-search'];
  let readsItem = false;
  const filter = (key: string, value: string | undefined, condition: (p: string) => string, onItem = true) => {
    if (value === undefined) return;
    values.push(value);
    where.push(condition(`$${values.length}`));
    name.push(key);
    readsItem ||= onItem;
  };
  // A site is of one province: with one, the index intersects the words with the site's items
  // alone rather than with the whole province's too.
  let scope = 's.tenant_id = $1';
  if (q.site) {
    values.push(pathOf(q.site));
    scope = `s.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $${values.length})`;
    name.push('site');
  }
  // Parameters are folded in a sub-select, once per statement rather than once per row.
  const contains = (field: string) => (p: string) => `cong_fold(c.fields->>'${field}') LIKE '%' || (SELECT cong_fold(${p})) || '%'`;
  filter('type', q.type, (p) => `s.type = ${p}`, false);
  filter('kind', q.documentKind, (p) => `c.fields->>'documentKind' = ${p}`);
  filter('issuer', q.issuingBody, contains('issuingBody'));
  filter('field', q.field, contains('field'));
  filter('agency', q.agency, contains('implementingAgency'));
  filter('issued-from', q.issuedFrom, (p) => `c.fields->>'issuedOn' >= ${p}`);
  filter('issued-to', q.issuedTo, (p) => `c.fields->>'issuedOn' <= ${p}`);
  // "replaced" does not depend on the date, and Postgres refuses a parameter no statement uses.
  if (q.legalStatus === 'replaced') {
    where.push(legalStatusCondition('replaced', 'c.fields', ''));
    name.push('replaced');
    readsItem = true;
  } else if (q.legalStatus) {
    filter(`status-${q.legalStatus}`, today, (p) => legalStatusCondition(q.legalStatus!, 'c.fields', p));
  }
  return {
    name: name.join('-'),
    values,
    scope,
    filters: where.map((w) => `AND ${w}`).join(' '),
    item: readsItem ? 'JOIN content_item c ON c.tenant_id = s.tenant_id AND c.id = s.item_id' : '',
  };
}

function summary(r: Row, today: string): PublicItemSummary {
  const facts = LIST_FACTS[r.type];
  return {
    id: r.id,
    slug: r.slug,
    type: r.type,
    title: r.title,
    summary: r.summary,
    section: r.section,
    unit: r.unit,
    siteId: r.site_id,
    publishedAt: r.published_at,
    ...(r.type === 'legal_document' ? { legalStatus: legalDocumentStatus(r.fields, today) } : {}),
    ...(facts
      ? { facts: Object.fromEntries(facts.filter((f) => typeof r.fields[f] === 'string').map((f) => [f, r.fields[f] as string])) }
      : {}),
  };
}
