import { Injectable, Type } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import { decodeCursor, nextCursor } from '@cong/platform-database';
import { DomainError, PROBLEM_CONTENT_TYPE, ProblemDetailsFilter, problemHeaders, validationError } from '@cong/platform-errors';
import { CONTENT_TYPES, todayIn } from '@cong/rules';
import { SiteErrors } from '@cong/sites';
import { ResolvedTenant, TenantHints, TenantRepository, TenantResolver } from '@cong/tenancy';
import { Feed } from 'feed';
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import { Produced, PublicAnswers } from './public-answers';
import { openApiParameters, ParamSpec, ParsedParams, parseParams } from './public-params';
import { PublicReader, SEARCH_CANDIDATES } from './public-reader.service';
import { LEGAL_DOCUMENT_STATUSES, LegalDocumentStatus } from '../types/content-fields';
import {
  PUBLIC_RESPONSE_MODELS,
  PublicItemPage,
  PublicItemResponse,
  PublicSearchResponse,
  PublicSiteListEntry,
  PublicSiteResponse,
} from './dto/public-read.response';

/** What the public routes need of Fastify (the adapter bundles its own copy of Fastify's types). */
export interface PublicRequest {
  id: string;
  url: string;
  host?: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  params: unknown;
  query: unknown;
}
export interface PublicReply {
  status(code: number): PublicReply;
  header(name: string, value: string): PublicReply;
  send(body?: unknown): unknown;
}
export interface RouteRegistrar {
  get(path: string, handler: (req: PublicRequest, reply: PublicReply) => Promise<void> | void): unknown;
}

interface PublicRoute {
  /** Under the public base path, in Fastify's syntax (`:site`). */
  path: string;
  summary: string;
  params: readonly ParamSpec[];
  /** What a 200 holds, for the OpenAPI document: a JSON model (its schema), or a document of another type. */
  answers: { json: Type<unknown>; array?: true } | { contentType: string; description: string };
  produce(tenant: ResolvedTenant, p: ParsedParams, today: string): Promise<Produced>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const SITE: ParamSpec = {
  name: 'site',
  in: 'path',
  description: '`portal` or the code of a unit with a sub-site',
  pattern: /^[a-z][a-z0-9-]{0,62}$/,
  message: '`site` phải là "portal" hoặc mã một đơn vị có chuyên trang.',
  example: 'portal',
};
const SECTION: ParamSpec = {
  name: 'section',
  in: 'query',
  description: 'Only this section (its slug)',
  pattern: /^[a-z0-9][a-z0-9-]{0,62}$/,
  message: '`section` phải là đường dẫn của một chuyên mục.',
};
/** A bound on issue dates, compared as text with the stored YYYY-MM-DD. */
const issuedBound = (name: string, description: string): ParamSpec => ({
  name,
  in: 'query',
  description,
  pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  message: `\`${name}\` phải là một ngày dạng YYYY-MM-DD.`,
});
const TYPE: ParamSpec = { name: 'type', in: 'query', description: 'Only this content type', enum: CONTENT_TYPES };

/** A route's 200 in the OpenAPI document: its JSON model, or its document type. */
const openApiContent = (answers: PublicRoute['answers']): Record<string, unknown> => {
  if ('contentType' in answers) return { [answers.contentType]: { schema: { type: 'string', description: answers.description } } };
  const ref = { $ref: getSchemaPath(answers.json) };
  return { 'application/json': { schema: answers.array ? { type: 'array', items: ref } : ref } };
};

const json = (body: unknown, status = 200, location?: string): Produced => ({
  status,
  contentType: JSON_TYPE,
  body: JSON.stringify(body),
  location,
});
const notFound = () => new DomainError('CONTENT_NOT_FOUND', 'not_found', 'Không tìm thấy tin bài.');
const gone = () => new DomainError('CONTENT_GONE', 'gone', 'Tin bài này đã được gỡ khỏi cổng.');
const text = (p: ParsedParams, name: string) => p[name] as string | undefined;
/** The cache key is what was asked, normalised: unknown parameters are refused, so random query
 * strings cannot multiply entries. */
const keyOf = (route: PublicRoute, params: ParsedParams) => `${route.path} ${JSON.stringify(params)}`;

/**
 * The public read API (no sign-in): published items only, by site, section and type, by slug,
 * search, feeds and sitemaps. Responses carry an ETag and Cache-Control and are cached per province
 * (in this process and in Redis) until something of that province is published, changed or withdrawn.
 *
 * These are Fastify routes, not Nest controllers: citizens' reads are the hot path, and Nest's
 * per-request pipeline (guards, interceptors, the validation pipe) cost more than the rest of the
 * request together (bench/public-read). There is nothing here for that pipeline to do: no sign-in,
 * no body, one statement on the public reader's connection. The province is resolved as for every
 * request (Host or X-Tenant, cached); errors are the same problem+json.
 */
@Injectable()
export class PublicRoutes {
  /** The models `openApiPaths` points at: the document must hold them (`extraModels`). */
  static readonly responseModels: readonly Type<unknown>[] = PUBLIC_RESPONSE_MODELS;
  private readonly problems = new ProblemDetailsFilter();
  /** Where the routes are mounted (`register`): redirects and feed links point under it. */
  private base = '/api/v1/public';
  /** Mounted path (Fastify's syntax) → route. */
  private readonly mounted = new Map<string, PublicRoute>();
  readonly routes: readonly PublicRoute[] = [
    {
      path: '/sites',
      summary: 'The portal and the sub-sites of this province',
      params: [],
      answers: { json: PublicSiteListEntry, array: true },
      produce: async (tenant) => json(await this.reader.sites(tenant.id)),
    },
    {
      path: '/sites/:site',
      summary: 'A site and its navigation: its sections in order, each with those under it',
      params: [SITE],
      answers: { json: PublicSiteResponse },
      produce: async (tenant, p) => {
        const site = await this.reader.siteWithSections(tenant.id, p.site as string);
        if (!site) throw SiteErrors.notFound(p.site as string);
        return json(site);
      },
    },
    {
      path: '/sites/:site/items',
      summary: 'Published items of a site, newest first, by section and type, with a cursor',
      params: [
        SITE,
        TYPE,
        SECTION,
        {
          name: 'cursor',
          in: 'query',
          description: 'From `nextCursor` of the previous page',
          pattern: /^[A-Za-z0-9_-]{10,200}$/,
          message: 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).',
        },
        { name: 'limit', in: 'query', description: 'Items a page', integer: { min: 1, max: 100, default: 20 } },
      ],
      answers: { json: PublicItemPage },
      produce: async (tenant, p, today) => {
        const limit = p.limit as number;
        const position = p.cursor ? decodeCursor(p.cursor as string, 'CONTENT_BAD_CURSOR') : undefined;
        const after = position && { publishedAt: position.at, id: position.id };
        const section = text(p, 'section');
        const items = await this.reader.list(tenant.id, today, p.site as string, { type: text(p, 'type') as never, section, after, limit });
        if (items.length === 0) {
          const missing = await this.reader.missingPart(tenant.id, p.site as string, section);
          if (missing === 'site') throw SiteErrors.notFound(p.site as string);
          if (missing === 'section') throw SiteErrors.sectionMissing(section!);
        }
        return json({ items, nextCursor: nextCursor(items, limit, (i) => ({ at: new Date(i.publishedAt), id: i.id })) });
      },
    },
    {
      path: '/sites/:site/items/:slug',
      summary: 'One published item by its slug; an old slug answers 301 to the current one',
      params: [
        SITE,
        {
          name: 'slug',
          in: 'path',
          description: "The item's slug",
          pattern: /^[a-z0-9][a-z0-9-]{0,199}$/,
          message: '`slug` không đúng định dạng.',
        },
      ],
      answers: { json: PublicItemResponse },
      produce: async (tenant, p, today) => {
        const site = p.site as string;
        const found = await this.reader.item(tenant.id, today, site, p.slug as string);
        if (!found) throw notFound();
        if ('gone' in found) throw gone();
        if ('redirect' in found) return json({ location: found.redirect }, 301, `${this.base}/sites/${site}/items/${found.redirect}`);
        return json(found.item);
      },
    },
    {
      path: '/search',
      summary: 'Search published items; accents and case do not matter ("nghe an" finds "Nghệ An")',
      params: [
        { name: 'q', in: 'query', description: 'Words to find', required: true, minLength: 2, maxLength: 200, example: 'nghe an' },
        { ...SITE, in: 'query', description: 'Only this site' },
        TYPE,
        { name: 'documentKind', in: 'query', description: 'Legal documents: kind (quyet-dinh, …)', maxLength: 50 },
        { name: 'issuingBody', in: 'query', description: 'Legal documents: issuing body', maxLength: 200 },
        { name: 'field', in: 'query', description: 'Procedures: field', maxLength: 200 },
        { name: 'agency', in: 'query', description: 'Procedures: implementing agency', maxLength: 200 },
        { name: 'legalStatus', in: 'query', description: "Legal documents: status on the province's date", enum: LEGAL_DOCUMENT_STATUSES },
        issuedBound('issuedFrom', 'Legal documents: issued on or after (YYYY-MM-DD)'),
        issuedBound('issuedTo', 'Legal documents: issued on or before (YYYY-MM-DD)'),
        { name: 'limit', in: 'query', description: 'Results', integer: { min: 1, max: 50, default: 20 } },
        {
          name: 'offset',
          in: 'query',
          description: `Results to skip (the newest ${SEARCH_CANDIDATES} matches are ranked; \`total\` counts them, \`capped\` says there were more)`,
          integer: { min: 0, max: SEARCH_CANDIDATES, default: 0 },
        },
      ],
      answers: { json: PublicSearchResponse },
      produce: async (tenant, p, today) => {
        const issuedFrom = text(p, 'issuedFrom');
        const issuedTo = text(p, 'issuedTo');
        if (issuedFrom && issuedTo && issuedTo < issuedFrom)
          throw validationError([{ field: 'issuedTo', message: '`issuedTo` không được trước `issuedFrom`.' }]);
        return json(
          await this.reader.search(tenant.id, today, {
            q: p.q as string,
            site: text(p, 'site'),
            type: text(p, 'type') as never,
            documentKind: text(p, 'documentKind'),
            issuingBody: text(p, 'issuingBody'),
            field: text(p, 'field'),
            agency: text(p, 'agency'),
            legalStatus: text(p, 'legalStatus') as LegalDocumentStatus | undefined,
            issuedFrom,
            issuedTo,
            limit: p.limit as number,
            offset: p.offset as number,
          }),
        );
      },
    },
    {
      path: '/sites/:site/feed.rss',
      summary: 'RSS 2.0 of the newest published items of a site (or of one section)',
      params: [SITE, SECTION],
      answers: { contentType: 'application/rss+xml', description: 'RSS 2.0' },
      produce: async (tenant, p, today) => ({
        status: 200,
        contentType: 'application/rss+xml; charset=utf-8',
        body: (await this.feed(tenant.id, today, p.site as string, text(p, 'section'))).rss2(),
      }),
    },
    {
      path: '/sites/:site/feed.atom',
      summary: 'Atom 1.0 of the newest published items of a site (or of one section)',
      params: [SITE, SECTION],
      answers: { contentType: 'application/atom+xml', description: 'Atom 1.0' },
      produce: async (tenant, p, today) => ({
        status: 200,
        contentType: 'application/atom+xml; charset=utf-8',
        body: (await this.feed(tenant.id, today, p.site as string, text(p, 'section'))).atom1(),
      }),
    },
    {
      path: '/sites/:site/sitemap.xml',
      summary: "The site's sitemap: every published item (up to 50,000)",
      params: [SITE],
      answers: { contentType: 'application/xml', description: 'A sitemap (sitemaps.org 0.9)' },
      produce: async (tenant, p) => {
        const site = p.site as string;
        const found = await this.reader.siteFor(tenant.id, site);
        if (!found) throw notFound();
        const { siteUrl } = await this.addresses(tenant.id, found);
        const entries = await this.reader.sitemapEntries(tenant.id, site);
        const xml = await streamToPromise(
          Readable.from(entries.map((e) => ({ url: `${siteUrl}/${e.slug}`, lastmod: e.updatedAt.toISOString() }))).pipe(
            new SitemapStream({ hostname: new URL(siteUrl).origin }),
          ),
        );
        return { status: 200, contentType: 'application/xml; charset=utf-8', body: xml.toString('utf8') };
      },
    },
  ];

  constructor(
    private readonly reader: PublicReader,
    private readonly answers: PublicAnswers,
    private readonly resolver: TenantResolver,
    private readonly domains: TenantRepository,
  ) {}

  /** Adds the routes under `base` (e.g. `/api/v1/public`). */
  register(server: RouteRegistrar, base: string): void {
    this.base = base;
    for (const route of this.routes) {
      this.mounted.set(`${base}${route.path}`, route);
      server.get(`${base}${route.path}`, (req, reply) => this.serve(route, req, reply));
    }
  }

  /**
   * For a request hook that runs before anything else (Nest's middleware included): takes a public
   * read (GET on one of these routes) and answers it — from this process's cache at once, else as
   * the route would — and says so (true); anything else goes on its way (false). Citizens' reads
   * then skip the middleware chain, which has nothing to do for them.
   */
  intercept(req: PublicRequest & { method?: string; routeOptions?: { url?: string } }, reply: PublicReply): boolean {
    if (req.method !== 'GET') return false;
    const route = this.mounted.get(req.routeOptions?.url ?? '');
    if (!route) return false;
    void this.serve(route, req, reply);
    return true;
  }

  /** The routes' entries for the OpenAPI document (`paths`), in its path syntax (`{site}`). */
  openApiPaths(base: string): Record<string, unknown> {
    return Object.fromEntries(
      this.routes.map((r) => [
        `${base}${r.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`,
        {
          get: {
            tags: ['public'],
            summary: r.summary,
            parameters: [
              ...openApiParameters(r.params),
              {
                name: 'X-Tenant',
                in: 'header',
                required: false,
                description: 'Province code, when not on its domain',
                schema: { type: 'string' },
              },
            ],
            responses: {
              200: { description: 'OK (ETag, Cache-Control)', content: openApiContent(r.answers) },
              304: { description: 'Your copy is current (If-None-Match)' },
              404: { description: 'No such province, site or item' },
              410: { description: 'The item was published at this address and has been withdrawn' },
              422: { description: 'A parameter is invalid (problem+json names it)' },
              503: {
                description:
                  'The database cannot be reached and nothing is cached for this (problem+json, Retry-After); a cached answer is served instead, marked stale (Age, Warning)',
              },
            },
          },
        },
      ]),
    );
  }

  /**
   * Answers from this process's cache without waiting when it can (the province and the response
   * both known here), else resolves, looks in Redis, or computes, caches and answers.
   */
  private serve(route: PublicRoute, req: PublicRequest, reply: PublicReply): Promise<void> | void {
    try {
      const hints = { host: req.host ?? (req.headers['host'] as string | undefined), tenantHeader: req.headers['x-tenant'] };
      const tenant = this.resolver.resolveCached(hints);
      if (!tenant) return this.resolveThenServe(route, req, reply, hints).catch((error: unknown) => this.fail(req, reply, error));
      const params = parseParams(route.params, (req.params ?? {}) as Record<string, string>, (req.query ?? {}) as Record<string, unknown>);
      const key = this.answers.keyFor(() => keyOf(route, params));
      const hit = this.answers.peek(tenant.id, key);
      if (hit) return this.answers.send(req, reply, hit);
      return this.produceThenServe(route, req, reply, tenant, params, key).catch((error: unknown) => this.fail(req, reply, error));
    } catch (error) {
      this.fail(req, reply, error);
    }
  }

  /** The province not in the resolver's cache yet (or something to refuse): resolved, then as usual. */
  private async resolveThenServe(route: PublicRoute, req: PublicRequest, reply: PublicReply, hints: TenantHints): Promise<void> {
    const tenant = await this.resolver.resolve(hints);
    const params = parseParams(route.params, (req.params ?? {}) as Record<string, string>, (req.query ?? {}) as Record<string, unknown>);
    await this.produceThenServe(
      route,
      req,
      reply,
      tenant,
      params,
      this.answers.keyFor(() => keyOf(route, params)),
    );
  }

  private async produceThenServe(
    route: PublicRoute,
    req: PublicRequest,
    reply: PublicReply,
    tenant: ResolvedTenant,
    params: ParsedParams,
    key: string,
  ): Promise<void> {
    const { answer, stale } = await this.answers.obtain(tenant.id, key, () => route.produce(tenant, params, todayIn(tenant.timezone)));
    this.answers.send(req, reply, answer, stale);
  }

  private fail(req: PublicRequest, reply: PublicReply, error: unknown): void {
    const problem = { ...this.problems.toProblem(error, req), instance: req.url, requestId: req.id };
    for (const [name, value] of Object.entries(problemHeaders(problem))) reply.header(name, value);
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** The newest 50 published items of a site or section as a feed (the `feed` library writes RSS and Atom). */
  private async feed(tenantId: string, today: string, site: string, section?: string): Promise<Feed> {
    const found = await this.reader.siteFor(tenantId, site);
    if (!found) throw notFound();
    const { primary, siteUrl } = await this.addresses(tenantId, found);
    const items = await this.reader.list(tenantId, today, site, { section, limit: 50 });
    if (items.length === 0 && section && (await this.reader.missingPart(tenantId, site, section)) === 'section')
      throw SiteErrors.sectionMissing(section);
    const feed = new Feed({
      id: siteUrl,
      title: found.title,
      // RSS 2.0 requires the channel's description; without one the library prints "undefined".
      description: `Thông tin mới đăng trên ${found.title}`,
      link: siteUrl,
      language: 'vi',
      copyright: found.title,
      updated: new Date(items[0]?.publishedAt ?? 0),
      feedLinks: { rss: `${primary}${this.base}/sites/${site}/feed.rss`, atom: `${primary}${this.base}/sites/${site}/feed.atom` },
    });
    for (const item of items) {
      const link = `${siteUrl}/${item.slug}`;
      // No summary, no description: the feed library would print an absent one as "undefined".
      feed.addItem({
        id: link,
        title: item.title,
        link,
        date: new Date(item.publishedAt),
        ...(item.summary ? { description: item.summary } : {}),
      });
    }
    return feed;
  }

  /**
   * Where feeds and sitemaps link: the province's primary domain, and the site's address — its own
   * domain if it has one, else its path on the primary domain (the portal is the domain itself).
   */
  private async addresses(tenantId: string, site: { path: string; domain: string | null }): Promise<{ primary: string; siteUrl: string }> {
    const domains = await this.domains.findDomainsOf(tenantId);
    const primary = `https://${(domains.find((d) => d.isPrimary) ?? domains[0])?.domain ?? 'localhost'}`;
    return { primary, siteUrl: site.domain ? `https://${site.domain}` : `${primary}${site.path === '/' ? '' : site.path}` };
  }
}
