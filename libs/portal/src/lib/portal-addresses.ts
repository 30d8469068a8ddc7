import type { Chrome, SiteInfo } from './portal-chrome';

/**
 * The portal's addresses. On a province's domain the portal is `/`, its items `/<slug>`, a sub-site
 * `/<unit code>` with its items under it (the addresses the RSS and Atom feeds and the sitemaps
 * give); a sub-site with a domain of its own has the same addresses from `/` there. Pages other
 * than items sit under Vietnamese words no slug of an item takes first:
 */
export const PAGE_PATHS = {
  section: 'chuyen-muc',
  search: 'tim-kiem',
  documents: 'van-ban',
  procedures: 'thu-tuc',
  units: 'co-quan',
  /** Citizens' questions: the published answers; `dat-cau-hoi` the form, `theo-doi` the asker's private status page. */
  questions: 'hoi-dap',
  /** Opinion polls: the site's polls, and one at `binh-chon/<id>`. */
  polls: 'binh-chon',
  /** Drafts open for comments: the site's, and one at `gop-y-du-thao/<id>`. */
  consultations: 'gop-y-du-thao',
} as const;
export const QUESTION_PATHS = { ask: 'dat-cau-hoi', status: 'theo-doi' } as const;
/** First path segments the portal never takes: the platform's own (API, docs, health, console). */
export const PLATFORM_PATHS = ['api', 'docs', 'health', 'admin'];
/** The portal's stylesheet and icons, on every host. */
export const ASSETS_PATH = 'assets';

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;
const CODE = /^[a-z][a-z0-9-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type PageRoute =
  | { page: 'home' }
  | { page: 'section'; section: string }
  | { page: 'item'; slug: string }
  | { page: 'search' }
  | { page: 'documents' }
  | { page: 'procedures' }
  | { page: 'units' }
  | { page: 'unit'; code: string }
  | { page: 'questions' }
  | { page: 'ask' }
  | { page: 'question-status' }
  | { page: 'polls' }
  | { page: 'poll'; id: string }
  | { page: 'consultations' }
  | { page: 'consultation'; id: string }
  | { page: 'sitemap' }
  | { page: 'robots' };

export type Routed = { site: SiteInfo; route: PageRoute } | { redirect: string } | { notFound: true; site: SiteInfo };

/** Where links point from a page served on `host`: relative when the target is on this host. */
export class Links {
  constructor(
    private readonly chrome: Chrome,
    /** The sub-site whose own domain the page is served on; null on a portal domain. */
    readonly hostSite: SiteInfo | null,
  ) {}

  /** `rest` (`''` or `/…`) on site `site`. */
  on(site: SiteInfo, rest = ''): string {
    if (this.hostSite?.id === site.id) return rest || '/';
    const path = `${site.path === '/' ? '' : site.path}${rest}` || '/';
    // From a sub-site's own domain, every other site is under the portal's primary domain.
    return this.hostSite ? `${this.chrome.primaryOrigin}${path}` : path;
  }

  home = (site: SiteInfo) => this.on(site);
  item = (site: SiteInfo, slug: string) => this.on(site, `/${slug}`);
  section = (site: SiteInfo, slug: string) => this.on(site, `/${PAGE_PATHS.section}/${slug}`);
  search = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.search}`);
  documents = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.documents}`);
  procedures = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.procedures}`);
  questions = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.questions}`);
  ask = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.questions}/${QUESTION_PATHS.ask}`);
  consultations = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.consultations}`);
  consultation = (site: SiteInfo, id: string) => this.on(site, `/${PAGE_PATHS.consultations}/${id}`);
  polls = (site: SiteInfo) => this.on(site, `/${PAGE_PATHS.polls}`);
  poll = (site: SiteInfo, id: string) => this.on(site, `/${PAGE_PATHS.polls}/${id}`);
  questionStatus = (site: SiteInfo, token: string) => this.on(site, `/${PAGE_PATHS.questions}/${QUESTION_PATHS.status}?ma=${token}`);
  units = () => this.on(this.chrome.portal, `/${PAGE_PATHS.units}`);
  unit = (code: string) => this.on(this.chrome.portal, `/${PAGE_PATHS.units}/${code}`);
  feed = (site: SiteInfo, format: 'rss' | 'atom') => `/api/v1/public/sites/${site.key}/feed.${format}`;
  media = (id: string, width?: number) => `/api/v1/public/media/${id}${width ? `?width=${width}` : ''}`;

  /** The canonical, absolute address of `path` (as `on` gives it) on site `site`. */
  canonical(site: SiteInfo, rest = ''): string {
    const origin = site.domain ? `https://${site.domain}` : this.chrome.primaryOrigin;
    return `${origin}${site.domain ? rest || '/' : `${site.path === '/' ? '' : site.path}${rest}` || '/'}`;
  }

  siteOf(siteId: string): SiteInfo {
    return this.chrome.sites.find((s) => s.id === siteId) ?? this.chrome.portal;
  }
}

/**
 * Which page a path is, on a host of the province: on a portal domain the first segment may name a
 * sub-site; on a sub-site's domain every path is of that sub-site (the unit directory is the
 * portal's, reached there by a redirect).
 */
export function routePath(path: string, chrome: Chrome, hostSite: SiteInfo | null): Routed {
  if (path.length > 1 && path.endsWith('/')) return { redirect: path.replace(/\/+$/, '') || '/' };
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { notFound: true, site: hostSite ?? chrome.portal };
  }
  let site = hostSite ?? chrome.portal;
  if (!hostSite && segments.length > 0) {
    const sub = chrome.sites.find((s) => s.key === segments[0] && s.key !== 'portal');
    if (sub) {
      site = sub;
      segments = segments.slice(1);
    }
  }
  const [first, second, ...more] = segments;
  const found = (route: PageRoute): Routed => ({ site, route });
  // robots.txt is of a host: its root alone (the portal's on a portal domain).
  const atHostRoot = hostSite !== null || site.id === chrome.portal.id;
  if (more.length > 0) return { notFound: true, site };
  if (first === undefined) return found({ page: 'home' });
  if (first === PAGE_PATHS.section)
    return second && SLUG.test(second) ? found({ page: 'section', section: second }) : { notFound: true, site };
  if (first === PAGE_PATHS.units) {
    if (hostSite) return { redirect: `${chrome.primaryOrigin}/${PAGE_PATHS.units}${second ? `/${second}` : ''}` };
    if (site.id !== chrome.portal.id) return { notFound: true, site };
    if (second === undefined) return found({ page: 'units' });
    return CODE.test(second) ? found({ page: 'unit', code: second }) : { notFound: true, site };
  }
  if (first === PAGE_PATHS.questions) {
    if (second === undefined) return found({ page: 'questions' });
    if (second === QUESTION_PATHS.ask) return found({ page: 'ask' });
    if (second === QUESTION_PATHS.status) return found({ page: 'question-status' });
    return { notFound: true, site };
  }
  if (first === PAGE_PATHS.consultations) {
    if (second === undefined) return found({ page: 'consultations' });
    return UUID.test(second) ? found({ page: 'consultation', id: second }) : { notFound: true, site };
  }
  if (first === PAGE_PATHS.polls) {
    if (second === undefined) return found({ page: 'polls' });
    return UUID.test(second) ? found({ page: 'poll', id: second }) : { notFound: true, site };
  }
  if (second !== undefined) return { notFound: true, site };
  if (first === PAGE_PATHS.search) return found({ page: 'search' });
  if (first === PAGE_PATHS.documents) return found({ page: 'documents' });
  if (first === PAGE_PATHS.procedures) return found({ page: 'procedures' });
  if (first === 'sitemap.xml') return found({ page: 'sitemap' });
  if (first === 'robots.txt') return atHostRoot ? found({ page: 'robots' }) : { notFound: true, site };
  return SLUG.test(first) ? found({ page: 'item', slug: first }) : { notFound: true, site };
}
