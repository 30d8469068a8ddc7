// Reference for uncached pages: a minimal node:http + pg server rendering the portal's own templates
// (libs/portal/src/lib/pages, preact-render-to-string, as PortalPages' `html()`) from the portal's
// own statements: PublicReader itself, on a bare pg pool of the same size as the API's public pool,
// logged in as the same public reader role (READ_URL), so the same row policies apply.
// What the portal keeps between requests (the province, its chrome, each site's sections) is built
// once at start with plain SQL, as a fair reference would cache it too. No response cache, no
// Fastify, no Nest: what is left per request is routing, one statement and the render.
// Run with `node -r @swc-node/register` (run.mjs forks it so).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { PublicReadDatabase } from '../../libs/platform/database/src/lib/public-read-database';
import { encodeCursor } from '../../libs/platform/database/src/lib/keyset-cursor';
import { PublicReader, PublicSection } from '../../libs/content/src/lib/public/public-reader.service';
import { Links, routePath } from '../../libs/portal/src/lib/portal-addresses';
import { PORTAL_ASSETS } from '../../libs/portal/src/lib/portal-assets';
import type { Chrome, SiteInfo } from '../../libs/portal/src/lib/portal-chrome';
import type { PageContext } from '../../libs/portal/src/lib/pages/page-context';
import { HomePage } from '../../libs/portal/src/lib/pages/home-page';
import { ItemPage } from '../../libs/portal/src/lib/pages/item-page';
import { SEARCH_PAGE_SIZE, SearchPage, SectionPage } from '../../libs/portal/src/lib/pages/list-pages';

const SECTION_PAGE_SIZE = 20;
const url = process.env.DATABASE_URL!;
const reader = new PublicReader(
  new PublicReadDatabase(process.env.READ_URL ?? url, Number(process.env.POOL_SIZE ?? 4), 'cong-bench-reference'),
);

interface Province {
  chrome: Chrome;
  sections: Map<string, PublicSection[]>;
  today: () => string;
}

/** Host name → the province and, on a sub-site's own domain, that site. */
const hosts = new Map<string, { province: Province; hostSite: SiteInfo | null }>();

async function loadChromes(): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const q = async <T,>(text: string) => (await db.query(text)).rows as T[];
  const tenants = await q<{ id: string; code: string; name: string; timezone: string; status: string }>(
    `SELECT id, code, name, timezone, status FROM tenancy_tenant WHERE status = 'active'`,
  );
  const domains = await q<{ tenant_id: string; domain: string; is_primary: boolean }>(
    `SELECT tenant_id, domain, is_primary FROM tenancy_tenant_domain ORDER BY is_primary DESC, domain`,
  );
  const sites = await q<{ tenant_id: string; id: string; path: string; title: string; kind: string; domain: string | null }>(
    `SELECT tenant_id, id, path, title, kind, domain FROM sites_site WHERE active ORDER BY path`,
  );
  const units = await q<{ tenant_id: string; code: string; name: string; kind: string; parent: string | null; profile: never }>(
    `SELECT u.tenant_id, u.code, u.name, u.kind, p.code AS parent, u.profile FROM units_unit u LEFT JOIN units_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
     WHERE u.active ORDER BY u.parent_id NULLS FIRST, u.name COLLATE "C", u.code`,
  );
  const sections = await q<{ site_id: string; id: string; parent_id: string | null; slug: string; title: string }>(
    `SELECT site_id, id, parent_id, slug, title FROM sites_section ORDER BY position, slug`,
  );
  const rules = await q<{
    tenant_id: string;
    portal: { title?: string; theme?: { primaryColor: string; accentColor?: string; logo?: string }; publisher?: never } | null;
  }>(
    `SELECT DISTINCT ON (tenant_id) tenant_id, document->'portal' AS portal FROM rules_rule_version WHERE effective_from <= current_date ORDER BY tenant_id, effective_from DESC, version DESC`,
  );
  await db.end();
  for (const t of tenants) {
    const portalRules = rules.find((r) => r.tenant_id === t.id)?.portal ?? undefined;
    const own = domains.filter((d) => d.tenant_id === t.id);
    const siteInfos: SiteInfo[] = sites
      .filter((s) => s.tenant_id === t.id)
      .map((s) => ({
        id: s.id,
        key: s.path === '/' ? 'portal' : s.path.slice(1),
        path: s.path,
        title: s.title,
        kind: s.kind,
        domain: s.domain,
      }));
    const portal = siteInfos.find((s) => s.key === 'portal');
    if (!portal) continue;
    const theme = { primaryColor: '#0b4f9c', accentColor: '#083c78', ...portalRules?.theme };
    const themeStyle = `:root{--primary:${theme.primaryColor};--accent:${theme.accentColor ?? theme.primaryColor}}`;
    const chrome: Chrome = {
      tenant: { id: t.id, code: t.code, name: t.name, timezone: t.timezone, status: t.status as never },
      portalTitle: portalRules?.title ?? portal.title,
      primaryOrigin: `https://${own[0]?.domain ?? 'localhost'}`,
      domains: own.map((d) => d.domain),
      publisher: portalRules?.publisher,
      logo: portalRules?.theme?.logo,
      themeStyle,
      themeStyleHash: `sha256-${createHash('sha256').update(themeStyle).digest('base64')}`,
      sites: siteInfos,
      portal,
      sections: new Map(),
      units: new Map(units.filter((u) => u.tenant_id === t.id).map(({ tenant_id: _, ...u }) => [u.code, u])),
      questions: { enabled: true, contactRetentionDays: 365 },
    };
    const tree = chrome.sections;
    for (const site of siteInfos) {
      const rows = sections.filter((s) => s.site_id === site.id);
      const under = (parent: string | null): PublicSection[] =>
        rows.filter((r) => r.parent_id === parent).map((r) => ({ slug: r.slug, title: r.title, children: under(r.id) }));
      tree.set(site.key, under(null));
    }
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: t.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const province: Province = { chrome, sections: tree, today: () => format.format(new Date()) };
    for (const d of own) hosts.set(d.domain, { province, hostSite: null });
    hosts.set(`${t.code}.localhost`, { province, hostSite: null });
    for (const s of siteInfos) if (s.domain) hosts.set(s.domain, { province, hostSite: s });
  }
}

const html = (page: VNode) => `<!doctype html>${renderToString(page)}`;

async function page(host: string, target: string): Promise<{ status: number; body: string }> {
  const known = hosts.get(host.split(':', 1)[0].toLowerCase());
  if (!known) return { status: 404, body: 'unknown host' };
  const { province, hostSite } = known;
  const { chrome } = province;
  const [path, search = ''] = target.split('?', 2);
  const routed = routePath(path, chrome, hostSite);
  if (!('route' in routed)) return { status: 404, body: 'not a page of the bench' };
  const { site, route } = routed;
  const today = province.today();
  const ctx: PageContext = {
    chrome,
    site,
    links: new Links(chrome, hostSite),
    today,
    sections: province.sections.get(site.key) ?? [],
    stylesheet: PORTAL_ASSETS.stylesheet.path,
    icon: PORTAL_ASSETS.icon.path,
  };
  const tenantId = chrome.tenant.id;
  switch (route.page) {
    case 'home':
      return { status: 200, body: html(HomePage({ ctx, lists: await reader.home(tenantId, today, site.key) })) };
    case 'section': {
      const items = await reader.list(tenantId, today, site.key, { section: route.section, limit: SECTION_PAGE_SIZE + 1 });
      const shown = items.slice(0, SECTION_PAGE_SIZE);
      const last = shown[shown.length - 1];
      const next = items.length > SECTION_PAGE_SIZE && last ? encodeCursor({ at: new Date(last.publishedAt), id: last.id }) : null;
      return { status: 200, body: html(SectionPage({ ctx, slug: route.section, items: shown, next, first: true })) };
    }
    case 'item': {
      const found = await reader.item(tenantId, today, site.key, route.slug);
      if (!found || !('item' in found)) return { status: 404, body: 'no such item' };
      return { status: 200, body: html(ItemPage({ ctx, item: found.item })) };
    }
    case 'search': {
      const q = new URLSearchParams(search).get('q')?.trim() || undefined;
      const result = q
        ? await reader.search(tenantId, today, {
            q,
            site: site.key === 'portal' ? undefined : site.key,
            limit: SEARCH_PAGE_SIZE,
            offset: 0,
          })
        : undefined;
      return { status: 200, body: html(SearchPage({ ctx, q: q ?? '', page: 1, result })) };
    }
    default:
      return { status: 404, body: 'not a page of the bench' };
  }
}

loadChromes().then(() => {
  createServer((req, res) => {
    page(req.headers.host ?? '', req.url ?? '/').then(
      ({ status, body }) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  }).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
});
