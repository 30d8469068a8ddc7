import { Injectable, Logger } from '@nestjs/common';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_KINDS_TEXT,
  AnswerReply,
  LEGAL_DOCUMENT_KINDS,
  MiB,
  Produced,
  PublicAnswers,
  PublicReader,
  SEARCH_CANDIDATES,
} from '@cong/content';
import {
  ConsultationBox,
  PollBallots,
  ProofOfWork,
  QUESTION_ATTACHMENT_MAX_BYTES,
  QuestionStatusLookup,
  QuestionStatusView,
  voterOf,
} from '@cong/citizens';
import { OnlineServiceRegistry } from '@cong/online-services';
import { decodeCursor, encodeCursor } from '@cong/platform-database';
import { DomainError, isDependencyUnavailable } from '@cong/platform-errors';
import { CONTENT_TYPES, todayIn } from '@cong/rules';
import { normaliseHost, ResolvedTenant, TenantResolver } from '@cong/tenancy';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import { ASSETS_PATH, Links, PAGE_PATHS, PageRoute, PLATFORM_PATHS, routePath } from './portal-addresses';
import { ASSET_BY_PATH, PORTAL_ASSETS } from './portal-assets';
import { Chrome, PortalChrome, SiteInfo } from './portal-chrome';
import { PageParam, PageParamError, PageParams, parsePageParams } from './portal-params';
import { ErrorPage } from './pages/error-page';
import { HomePage } from './pages/home-page';
import { ItemPage } from './pages/item-page';
import { DocumentsPage, ProceduresPage, SEARCH_PAGE_SIZE, SearchPage, SectionPage } from './pages/list-pages';
import type { PageContext } from './pages/page-context';
import { UnitPage, UnitsPage } from './pages/unit-pages';
import { AskPage, AskScripts, AttachmentRules, QuestionsPage, QuestionStatusPage } from './pages/question-pages';
import { PollPage, PollsPage, PublicPoll } from './pages/poll-pages';
import { ConsultationPage, ConsultationsPage } from './pages/consultation-pages';
import { LEGAL_STATUS_PARAMS } from './vietnamese';

/** What the page server needs of Fastify's request (the adapter bundles its own copy of its types). */
export interface PageRequest {
  id: string;
  url: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  query: unknown;
}

const HTML = 'text/html; charset=utf-8';
const SECTION_PAGE_SIZE = 20;
const LAST_RESULT_PAGE = Math.ceil(SEARCH_CANDIDATES / SEARCH_PAGE_SIZE);
const PAGE_NUMBER: PageParam = { name: 'trang', label: 'Trang', integer: { min: 1, max: LAST_RESULT_PAGE } };

/** The query parameters each page takes; any other is ignored. */
const PARAMS: Partial<Record<PageRoute['page'], readonly PageParam[]>> = {
  section: [{ name: 'sau', label: 'Trang tiếp', pattern: /^[A-Za-z0-9_-]{10,200}$/ }],
  search: [
    { name: 'q', label: 'Từ khóa', minLength: 2, maxLength: 200 },
    { name: 'loai', label: 'Loại tin', oneOf: CONTENT_TYPES },
    PAGE_NUMBER,
  ],
  documents: [
    { name: 'so', label: 'Số, ký hiệu', maxLength: 100 },
    { name: 'loai', label: 'Loại văn bản', oneOf: LEGAL_DOCUMENT_KINDS },
    { name: 'co-quan', label: 'Cơ quan ban hành', minLength: 2, maxLength: 200 },
    { name: 'hieu-luc', label: 'Tình trạng hiệu lực', oneOf: Object.keys(LEGAL_STATUS_PARAMS) },
    { name: 'nam', label: 'Năm ban hành', integer: { min: 1945, max: 2100 } },
    PAGE_NUMBER,
  ],
  procedures: [{ name: 'linh-vuc', label: 'Lĩnh vực', minLength: 2, maxLength: 200 }, PAGE_NUMBER],
  questions: [
    { name: 'q', label: 'Từ khóa', minLength: 2, maxLength: 200 },
    { name: 'sau', label: 'Trang tiếp', pattern: /^[A-Za-z0-9_-]{10,200}$/ },
    PAGE_NUMBER,
  ],
  poll: [{ name: 'da-binh-chon', label: 'Vừa bình chọn', oneOf: ['1'] }],
  consultation: [{ name: 'da-gui', label: 'Vừa gửi góp ý', oneOf: ['1'] }],
  'question-status': [
    { name: 'ma', label: 'Mã theo dõi', pattern: /^[A-Za-z0-9_-]{43}$/ },
    { name: 'moi', label: 'Vừa gửi', oneOf: ['1'] },
  ],
};

/**
 * Scripts: none at all. Styles: the stylesheet and the province's theme block (by its hash), so no
 * inline style or script can run even if markup got through. Images: the portal's uploads, and a
 * logo on https. `connect-src 'self'`: tools that read the page in place (Lighthouse fetching
 * robots.txt, a browser's own prefetch) may reach the same origin; no script of ours does.
 */
export const pageCsp = (chrome: Chrome, frameAncestors = "'none'") =>
  `default-src 'none'; script-src 'none'; style-src 'self' '${chrome.themeStyleHash}'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors ${frameAncestors}; base-uri 'none'`;
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The ask form alone runs scripts: the proof-of-work widget and its worker, from this origin. */
export const askPageCsp = (chrome: Chrome) => pageCsp(chrome).replace("script-src 'none'", "script-src 'self'; worker-src 'self'");

/** What the ask form loads: the widget, its Vietnamese texts, our set-up; and where it gets its challenge. */
export const ASK_SCRIPTS: AskScripts = {
  widget: PORTAL_ASSETS.altchaWidget.path,
  language: PORTAL_ASSETS.altchaVietnamese.path,
  setup: PORTAL_ASSETS.questionForm.path,
  worker: PORTAL_ASSETS.altchaWorker.path,
  stylesheet: PORTAL_ASSETS.altchaStyles.path,
  challenge: '/api/v1/public/challenge?purpose=question',
};

/** The file a question may carry, as the ask form describes it. */
export const QUESTION_ATTACHMENT_RULES: AttachmentRules = {
  accept: ACCEPTED_EXTENSIONS.join(','),
  kinds: ACCEPTED_KINDS_TEXT,
  maxMegabytes: QUESTION_ATTACHMENT_MAX_BYTES / MiB,
};

/**
 * Pages read each time (see `personal`): they depend on who reads them, change with each
 * moderation, or (the ask form) carry a single-use sum for readers without JavaScript.
 */
const PERSONAL_PAGES: PageRoute['page'][] = ['ask', 'question-status', 'polls', 'poll', 'consultations', 'consultation'];

class PageStatus extends Error {
  constructor(
    readonly status: 400 | 404 | 410,
    readonly detail?: string[],
  ) {
    super(`page ${status}`);
  }
}

/**
 * The public portal: every province domain and sub-site domain as server-rendered Vietnamese HTML
 * (no scripts; forms are plain GET). Pages read through content's public reader (one statement on
 * the public reader's connection) and are answered through the same response cache as the JSON
 * read API, so a publication, an edit or a withdrawal shows at once (the province's cache
 * generation), and a cached page costs no statement.
 *
 * Taken in the first request hook, like the public read API: any GET on a host of a province,
 * outside the platform's own paths (`/api`, `/docs`, `/health`, `/admin`). A host that names no
 * province goes on to the platform's own routes (its front page at `/`).
 */
@Injectable()
export class PortalPages {
  private readonly logger = new Logger(PortalPages.name);

  constructor(
    private readonly resolver: TenantResolver,
    private readonly chrome: PortalChrome,
    private readonly reader: PublicReader,
    private readonly answers: PublicAnswers,
    private readonly lookup: QuestionStatusLookup,
    private readonly ballots: PollBallots,
    private readonly consultations: ConsultationBox,
    private readonly pow: ProofOfWork,
    private readonly registry: OnlineServiceRegistry,
  ) {}

  /** True when the portal takes the request (it then answers, or hands it on through `next`). */
  intercept(req: PageRequest, reply: AnswerReply, next: () => void): boolean {
    if (req.method !== 'GET') return false;
    const path = req.url.split('?', 1)[0];
    const first = path.split('/', 2)[1] ?? '';
    if (PLATFORM_PATHS.includes(first)) return false;
    if (first === ASSETS_PATH) {
      this.asset(path, reply);
      return true;
    }
    try {
      this.serve(req, path, reply, next);
    } catch (error) {
      this.failed(req, reply, error);
    }
    return true;
  }

  private asset(path: string, reply: AnswerReply): void {
    const found = ASSET_BY_PATH.get(path);
    if (!found) {
      reply
        .status(404)
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-security-policy', NON_HTML_CSP)
        .send('Không tìm thấy tệp.');
      return;
    }
    reply
      .status(200)
      .header('content-type', found.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(found.body);
  }

  /**
   * A cached page is answered here and now, without waiting, when this process knows the province,
   * its chrome and the page (the hot path); anything else is resolved, loaded or produced.
   */
  private serve(req: PageRequest, path: string, reply: AnswerReply, next: () => void): void {
    const hostHeader = req.headers['host'];
    const host = normaliseHost(typeof hostHeader === 'string' ? hostHeader : undefined);
    if (!host) return next();
    const tenant = this.resolver.resolveCached({ host });
    const chrome = tenant && this.chrome.peek(tenant);
    if (!tenant || !chrome) {
      void this.resolveThenServe(req, path, host, reply, next).catch((error: unknown) => this.failed(req, reply, error));
      return;
    }
    this.answer(req, path, host, reply, tenant, chrome);
  }

  private async resolveThenServe(req: PageRequest, path: string, host: string, reply: AnswerReply, next: () => void): Promise<void> {
    const tenant = await this.tenantOf(host);
    if (!tenant) return next();
    this.answer(req, path, host, reply, tenant, await this.chrome.of(tenant));
  }

  /** Routes the path on the province's chrome; answers from the cache when it can, else produces. */
  private answer(req: PageRequest, path: string, host: string, reply: AnswerReply, tenant: ResolvedTenant, chrome: Chrome): void {
    const hostSite = chrome.sites.find((s) => s.domain === host) ?? null;
    const routed = routePath(path, chrome, hostSite);
    if ('redirect' in routed) {
      reply
        .status(301)
        .header('location', routed.redirect)
        .header('cache-control', 'public, max-age=300')
        .header('content-security-policy', NON_HTML_CSP)
        .send();
      return;
    }
    const links = new Links(chrome, hostSite);
    let params: PageParams = {};
    try {
      if ('route' in routed) params = parsePageParams(PARAMS[routed.route.page] ?? [], (req.query ?? {}) as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof PageParamError)) throw error;
      return this.sendError(reply, tenant, chrome, routed.site, links, 400, error.problems);
    }
    if ('notFound' in routed) return this.sendError(reply, tenant, chrome, routed.site, links, 404);

    const { site, route } = routed;
    if (PERSONAL_PAGES.includes(route.page)) return this.personal(req, reply, tenant, chrome, site, links, route, params);
    // Links differ by host (relative on the host of the site, absolute elsewhere): the host is part of the key.
    const key = this.answers.keyFor(() => `page ${host} ${path} ${JSON.stringify(params)}`);
    reply.header('content-security-policy', cspOf(chrome));
    const hit = this.answers.peek(tenant.id, key);
    if (hit) return this.answers.send(req, reply, hit);
    void this.answers
      .obtain(
        tenant.id,
        key,
        () => this.produce(tenant, chrome, site, links, route, params),
        (p) => p.status === 200 || p.status === 410,
      )
      .then(({ answer, stale }) => {
        if (answer.contentType !== HTML) reply.header('content-security-policy', NON_HTML_CSP);
        this.answers.send(req, reply, answer, stale);
      })
      .catch((error: unknown) => this.failed(req, reply, error));
  }

  private async tenantOf(host: string): Promise<ResolvedTenant | undefined> {
    const cached = this.resolver.resolveCached({ host });
    if (cached) return cached;
    try {
      return await this.resolver.resolve({ host });
    } catch (error) {
      // Not a province's host (or one not active): the platform's own routes answer it.
      if (error instanceof DomainError && !isDependencyUnavailable(error)) return undefined;
      throw error;
    }
  }

  private async produce(
    tenant: ResolvedTenant,
    chrome: Chrome,
    site: SiteInfo,
    links: Links,
    route: PageRoute,
    params: PageParams,
  ): Promise<Produced> {
    const ctx = contextOf(chrome, site, links);
    try {
      return await this.render(ctx, route, params);
    } catch (error) {
      if (error instanceof PageStatus) return html(ErrorPage({ ctx, status: error.status, detail: error.detail }), error.status);
      if (error instanceof DomainError && error.kind === 'bad_request')
        return html(ErrorPage({ ctx, status: 400, detail: [error.message] }), 400);
      throw error;
    }
  }

  private async render(ctx: PageContext, route: PageRoute, p: PageParams): Promise<Produced> {
    const { chrome, site, today } = ctx;
    const tenantId = chrome.tenant.id;
    const page = (p.trang as number | undefined) ?? 1;
    const offset = (page - 1) * SEARCH_PAGE_SIZE;
    switch (route.page) {
      case 'home':
        return html(
          HomePage({
            ctx,
            lists: await this.reader.home(tenantId, today, site.key),
            // A unit's sub-site lists the unit's online services (LC-2.1.3); the portal's home does not.
            services: site.key === 'portal' ? [] : await this.registry.publicServices(tenantId, { unitCode: site.key }),
          }),
        );
      case 'section': {
        if (!findTop(ctx, route.section)) throw new PageStatus(404);
        const cursor = p.sau as string | undefined;
        const position = cursor ? decodeCursor(cursor, 'PORTAL_BAD_CURSOR') : undefined;
        const items = await this.reader.list(tenantId, today, site.key, {
          section: route.section,
          after: position && { publishedAt: position.at, id: position.id },
          limit: SECTION_PAGE_SIZE + 1,
        });
        const shown = items.slice(0, SECTION_PAGE_SIZE);
        const last = shown[shown.length - 1];
        const next = items.length > SECTION_PAGE_SIZE && last ? encodeCursor({ at: new Date(last.publishedAt), id: last.id }) : null;
        return html(SectionPage({ ctx, slug: route.section, items: shown, next, first: !cursor }));
      }
      case 'item': {
        const found = await this.reader.item(tenantId, today, site.key, route.slug);
        if (!found) throw new PageStatus(404);
        if ('gone' in found) throw new PageStatus(410);
        if ('redirect' in found) return { status: 301, contentType: HTML, body: '', location: ctx.links.item(site, found.redirect) };
        const services =
          found.item.type === 'procedure' ? await this.registry.publicServices(tenantId, { procedureItemId: found.item.id }) : [];
        return html(ItemPage({ ctx, item: found.item, services }));
      }
      case 'search': {
        const q = p.q as string | undefined;
        const type = p.loai as string | undefined;
        const result = q
          ? await this.reader.search(tenantId, today, {
              q,
              site: site.key === 'portal' ? undefined : site.key,
              type: type as never,
              limit: SEARCH_PAGE_SIZE,
              offset,
            })
          : undefined;
        return html(SearchPage({ ctx, q: q ?? '', type, page, result }));
      }
      case 'documents': {
        const status = p['hieu-luc'] ? LEGAL_STATUS_PARAMS[p['hieu-luc'] as string] : undefined;
        const result = await this.reader.register(tenantId, today, {
          type: 'legal_document',
          site: scopeOf(site),
          number: p.so as string | undefined,
          documentKind: p.loai as string | undefined,
          issuingBody: p['co-quan'] as string | undefined,
          legalStatus: status,
          year: p.nam as number | undefined,
          limit: SEARCH_PAGE_SIZE,
          offset,
        });
        const filters = {
          so: p.so as string | undefined,
          loai: p.loai as string | undefined,
          'co-quan': p['co-quan'] as string | undefined,
          'hieu-luc': p['hieu-luc'] as string | undefined,
          nam: p.nam as number | undefined,
        };
        return html(DocumentsPage({ ctx, filters, page, result }));
      }
      case 'procedures': {
        const field = p['linh-vuc'] as string | undefined;
        const result = await this.reader.register(tenantId, today, {
          type: 'procedure',
          site: scopeOf(site),
          field,
          limit: SEARCH_PAGE_SIZE,
          offset,
        });
        return html(ProceduresPage({ ctx, field, page, result }));
      }
      case 'units':
        return html(UnitsPage({ ctx }));
      case 'unit': {
        const unit = chrome.units.get(route.code);
        if (!unit) throw new PageStatus(404);
        return html(UnitPage({ ctx, unit }));
      }
      case 'questions': {
        const q = p.q as string | undefined;
        if (q) {
          const result = await this.reader.search(tenantId, today, { q, site: site.key, type: 'faq', limit: SEARCH_PAGE_SIZE, offset });
          return html(QuestionsPage({ ctx, q, items: [], next: null, first: page === 1, result, page }));
        }
        const cursor = p.sau as string | undefined;
        const position = cursor ? decodeCursor(cursor, 'PORTAL_BAD_CURSOR') : undefined;
        const items = await this.reader.list(tenantId, today, site.key, {
          type: 'faq',
          after: position && { publishedAt: position.at, id: position.id },
          limit: SECTION_PAGE_SIZE + 1,
        });
        const shown = items.slice(0, SECTION_PAGE_SIZE);
        const last = shown[shown.length - 1];
        const next = items.length > SECTION_PAGE_SIZE && last ? encodeCursor({ at: new Date(last.publishedAt), id: last.id }) : null;
        return html(QuestionsPage({ ctx, q: '', items: shown, next, first: !cursor, page }));
      }
      case 'ask':
      case 'question-status':
      case 'polls':
      case 'poll':
      case 'consultations':
      case 'consultation':
        // Answered by `personal`, never from the cache.
        throw new PageStatus(404);
      case 'sitemap':
        return this.sitemap(ctx);
      case 'robots':
        return this.robots(ctx);
    }
  }

  /**
   * Pages read each time and never cached: the ask form (its sum is single use), the asker's
   * status page (by the token in its address), the polls (whether this browser has voted, by its
   * cookie), and the drafts open for comments (their comments appear as they are moderated).
   */
  private personal(
    req: PageRequest,
    reply: AnswerReply,
    tenant: ResolvedTenant,
    chrome: Chrome,
    site: SiteInfo,
    links: Links,
    route: PageRoute,
    params: PageParams,
  ): void {
    const ctx = contextOf(chrome, site, links);
    const voter = voterOf(req);
    const page = async (): Promise<{ status: number; body: string; csp: string }> => {
      if (route.page === 'ask') {
        const sum = this.pow.writingSum(tenant.id, 'question');
        return {
          status: 200,
          body: html(AskPage({ ctx, scripts: ASK_SCRIPTS, attachments: QUESTION_ATTACHMENT_RULES, sum })).body,
          csp: askPageCsp(chrome),
        };
      }
      if (route.page === 'polls') {
        const polls = (await this.ballots.list(tenant, site.key, voter)) as PublicPoll[];
        return { status: 200, body: html(PollsPage({ ctx, polls })).body, csp: cspOf(chrome) };
      }
      if (route.page === 'consultations') {
        const consultations = await this.consultations.list(tenant, site.key);
        return { status: 200, body: html(ConsultationsPage({ ctx, consultations })).body, csp: cspOf(chrome) };
      }
      if (route.page === 'consultation') {
        const consultation = await this.consultations.get(tenant, route.id).catch(() => null);
        if (!consultation || consultation.site !== site.key)
          return { status: 404, body: html(ErrorPage({ ctx, status: 404 }), 404).body, csp: cspOf(chrome) };
        return {
          status: 200,
          body: html(ConsultationPage({ ctx, consultation, scripts: ASK_SCRIPTS, justSent: params['da-gui'] === '1' })).body,
          csp: consultation.phase === 'open' ? askPageCsp(chrome) : cspOf(chrome),
        };
      }
      if (route.page === 'poll') {
        const poll = (await this.ballots.get(tenant, route.id, voter).catch(() => null)) as PublicPoll | null;
        if (!poll || poll.site !== site.key)
          return { status: 404, body: html(ErrorPage({ ctx, status: 404 }), 404).body, csp: cspOf(chrome) };
        const justVoted = params['da-binh-chon'] === '1';
        return {
          status: 200,
          body: html(PollPage({ ctx, poll, scripts: ASK_SCRIPTS, justVoted })).body,
          csp: poll.phase === 'open' && !poll.voted ? askPageCsp(chrome) : cspOf(chrome),
        };
      }
      const token = params.ma as string | undefined;
      const found: QuestionStatusView | null = token ? await this.lookup.byToken(tenant, token).catch(() => null) : null;
      const question = found && {
        ...found,
        answer: found.answer
          ? { href: links.item(chrome.sites.find((s) => s.key === found.answer!.site) ?? site, found.answer.slug) }
          : null,
      };
      return {
        status: question ? 200 : 404,
        body: html(QuestionStatusPage({ ctx, question, justSent: params.moi === '1' })).body,
        csp: cspOf(chrome),
      };
    };
    void page()
      .then(({ status, body, csp }) =>
        reply
          .status(status)
          .header('content-type', HTML)
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .header('content-security-policy', csp)
          .send(body),
      )
      .catch((error: unknown) => this.failed(req, reply, error));
  }

  /** The site's pages and every published item (the protocol's 50,000 URLs a file at most). */
  private async sitemap(ctx: PageContext): Promise<Produced> {
    const { site, links, chrome } = ctx;
    const entries = await this.reader.sitemapEntries(chrome.tenant.id, site.key);
    const pages = ['', `/${PAGE_PATHS.documents}`, `/${PAGE_PATHS.procedures}`, ...(site.key === 'portal' ? [`/${PAGE_PATHS.units}`] : [])];
    const urls = [
      ...pages.map((rest) => ({ url: links.canonical(site, rest) })),
      ...ctx.sections.flatMap(function all(s): { url: string }[] {
        return [{ url: links.canonical(site, `/${PAGE_PATHS.section}/${s.slug}`) }, ...s.children.flatMap(all)];
      }),
      ...entries.map((e) => ({ url: links.canonical(site, `/${e.slug}`), lastmod: e.updatedAt.toISOString() })),
    ].slice(0, 50_000);
    const xml = await streamToPromise(Readable.from(urls).pipe(new SitemapStream()));
    return { status: 200, contentType: 'application/xml; charset=utf-8', body: xml.toString('utf8') };
  }

  /** Everything may be crawled but search results; the sitemaps of the sites on this host. */
  private robots(ctx: PageContext): Produced {
    const { site, links, chrome } = ctx;
    // A portal domain serves every site under its path; a sub-site's own domain, that site alone.
    const onThisHost = links.hostSite ? [site] : chrome.sites;
    const lines = [
      'User-agent: *',
      `Disallow: /${PAGE_PATHS.search}`,
      ...(links.hostSite ? [] : chrome.sites.filter((s) => s.key !== 'portal').map((s) => `Disallow: ${s.path}/${PAGE_PATHS.search}`)),
      'Disallow: /api/',
      'Allow: /api/v1/public/media/',
      '',
      ...onThisHost.map((s) => `Sitemap: ${links.canonical(s, '/sitemap.xml')}`),
      '',
    ];
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: lines.join('\n') };
  }

  private sendError(
    reply: AnswerReply,
    tenant: ResolvedTenant,
    chrome: Chrome,
    site: SiteInfo,
    links: Links,
    status: 400 | 404,
    detail?: string[],
  ): void {
    const ctx = contextOf(chrome, site, links);
    reply.header('content-security-policy', cspOf(chrome)).header('cache-control', 'no-store');
    reply
      .status(status)
      .header('content-type', HTML)
      .send(html(ErrorPage({ ctx, status, detail }), status).body);
  }

  /** Nothing could be answered: the database away with nothing cached (503), or a fault (500). */
  private failed(req: PageRequest, reply: AnswerReply, error: unknown): void {
    const unavailable = isDependencyUnavailable(error);
    if (!unavailable)
      this.logger.error(
        `Page ${req.url} failed (request ${req.id}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    const status = unavailable ? 503 : 500;
    const title = unavailable ? 'Cổng tạm thời gián đoạn' : 'Đã có lỗi xảy ra';
    const text = unavailable
      ? 'Hệ thống đang bận hoặc bảo trì. Xin vui lòng thử lại sau ít phút.'
      : `Trang chưa hiển thị được. Xin thử lại; nếu vẫn lỗi, báo cho ban biên tập mã yêu cầu ${req.id}.`;
    if (unavailable) reply.header('retry-after', '30');
    reply
      .status(status)
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
      .header('content-type', HTML)
      .send(
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{font:1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}</style></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Về trang chủ</a></p></main></body></html>`,
      );
  }
}

/** What a template is given: the chrome, the site, its sections, the links for this host, the province's date. */
export function contextOf(chrome: Chrome, site: SiteInfo, links: Links): PageContext {
  return {
    chrome,
    site,
    links,
    today: todayIn(chrome.tenant.timezone),
    sections: chrome.sections.get(site.key) ?? [],
    stylesheet: PORTAL_ASSETS.stylesheet.path,
    icon: PORTAL_ASSETS.icon.path,
  };
}

/** The page policy of a province, made once per chrome. */
const policies = new WeakMap<Chrome, string>();
function cspOf(chrome: Chrome): string {
  let policy = policies.get(chrome);
  if (!policy) policies.set(chrome, (policy = pageCsp(chrome)));
  return policy;
}

export function html(page: VNode, status = 200): Produced {
  return { status, contentType: HTML, body: `<!doctype html>${renderToString(page)}` };
}

/** A sub-site's registers are its own documents; the portal's are the whole province's. */
const scopeOf = (site: SiteInfo) => (site.key === 'portal' ? undefined : site.key);

function findTop(ctx: PageContext, slug: string): boolean {
  const has = (nodes: PageContext['sections']): boolean => nodes.some((n) => n.slug === slug || has(n.children));
  return has(ctx.sections);
}
