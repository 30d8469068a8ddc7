import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { PublicResponseCache } from '@cong/platform-cache';
import { decodeCursor, nextCursor } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { CONTENT_TYPES, ContentType, todayIn } from '@cong/rules';
import { TenantContext, TenantRepository } from '@cong/tenancy';
import { Feed } from 'feed';
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { createHash } from 'node:crypto';
import { PublicReader } from './public-reader.service';

const KEY = /^[a-z][a-z0-9-]{0,62}$/;

export class PublicListParams {
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentType;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'section must be a section slug' }) section?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'cursor is not one this API issued' }) cursor?: string;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class FeedParams {
  @ApiPropertyOptional({ description: 'Only this section' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'section must be a section slug' }) section?: string;
}

export class PublicSearchParams {
  @ApiProperty({ example: 'nghe an' }) @IsString() @MinLength(2) @MaxLength(200) q!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: 'site must be `portal` or a unit code' }) site?: string;
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentType;
  @ApiPropertyOptional({ description: 'Legal documents: kind (quyet-dinh, …)' }) @IsOptional() @IsString() @MaxLength(50) documentKind?: string;
  @ApiPropertyOptional({ description: 'Legal documents: issuing body' }) @IsOptional() @IsString() @MaxLength(200) issuingBody?: string;
  @ApiPropertyOptional({ description: 'Procedures: field' }) @IsOptional() @IsString() @MaxLength(200) field?: string;
  @ApiPropertyOptional({ description: 'Procedures: implementing agency' }) @IsOptional() @IsString() @MaxLength(200) agency?: string;
  @ApiPropertyOptional({ default: 20, maximum: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}

interface RequestLike {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body?: unknown): unknown;
}

const CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';
const JSON_TYPE = 'application/json; charset=utf-8';

/** A public response as cached: status, type, body (and where a redirect points). */
interface Produced {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

const json = (body: unknown, status = 200, location?: string): Produced => ({ status, contentType: JSON_TYPE, body: JSON.stringify(body), location });
/** Where a citizen reads an item on the portal's web front end. */
const itemUrl = (base: string, site: string, slug: string) => `${base}${site === 'portal' ? '' : `/${site}`}/${slug}`;
const notFound = () => new DomainError('CONTENT_NOT_FOUND', 'not_found', 'Không tìm thấy tin bài.');

/**
 * The public read API (no sign-in): published items only, by site, section and type, by slug,
 * and search. Responses carry an ETag and Cache-Control and are cached per province in Redis until
 * something of that province is published, changed or withdrawn.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly reader: PublicReader,
    private readonly cache: PublicResponseCache,
    private readonly tenants: TenantContext,
    private readonly domains: TenantRepository,
  ) {}

  @Get('sites')
  @ApiOperation({ summary: 'The portal and the sub-sites of this province' })
  sites(@Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId) => json(await this.reader.sites(tenantId)));
  }

  @Get('sites/:site/items')
  @ApiOperation({ summary: 'Published items of a site, newest first, by section and type, with a cursor' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  list(@Param('site') site: string, @Query() q: PublicListParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => {
      if (!KEY.test(site)) throw notFound();
      const limit = q.limit ?? 20;
      const position = q.cursor ? decodeCursor(q.cursor, 'CONTENT_BAD_CURSOR') : undefined;
      const after = position && { publishedAt: position.at, id: position.id };
      const items = await this.reader.list(tenantId, today, site, { type: q.type, section: q.section, after, limit });
      return json({ items, nextCursor: nextCursor(items, limit, (i) => ({ at: i.publishedAt, id: i.id })) });
    });
  }

  @Get('sites/:site/items/:slug')
  @ApiOperation({ summary: 'One published item by its slug; an old slug answers 301 to the current one' })
  item(@Param('site') site: string, @Param('slug') slug: string, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => {
      if (!KEY.test(site) || !/^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)) throw notFound();
      const found = await this.reader.item(tenantId, today, site, slug);
      if (!found) throw notFound();
      if ('redirect' in found) return json({ location: found.redirect }, 301, `/api/v1/public/sites/${site}/items/${found.redirect}`);
      return json(found.item);
    });
  }

  @Get('search')
  @ApiOperation({ summary: 'Search published items; accents and case do not matter ("nghe an" finds "Nghệ An")' })
  search(@Query() q: PublicSearchParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => json({ items: await this.reader.search(tenantId, today, { ...q, limit: q.limit ?? 20 }) }));
  }

  @Get('sites/:site/feed.rss')
  @ApiOperation({ summary: 'RSS 2.0 of the newest published items of a site (or of one section)' })
  rss(@Param('site') site: string, @Query() q: FeedParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => ({ status: 200, contentType: 'application/rss+xml; charset=utf-8', body: (await this.feed(tenantId, today, site, q.section)).rss2() }));
  }

  @Get('sites/:site/feed.atom')
  @ApiOperation({ summary: 'Atom 1.0 of the newest published items of a site (or of one section)' })
  atom(@Param('site') site: string, @Query() q: FeedParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => ({ status: 200, contentType: 'application/atom+xml; charset=utf-8', body: (await this.feed(tenantId, today, site, q.section)).atom1() }));
  }

  @Get('sites/:site/sitemap.xml')
  @ApiOperation({ summary: "The site's sitemap: every published item (up to 50,000)" })
  sitemap(@Param('site') site: string, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId) => {
      const found = await this.reader.siteFor(tenantId, site);
      if (!found) throw notFound();
      const base = await this.baseUrl(tenantId);
      const entries = await this.reader.sitemapEntries(tenantId, site);
      const xml = await streamToPromise(Readable.from(entries.map((e) => ({ url: itemUrl(base, site, e.slug), lastmod: e.updatedAt.toISOString() }))).pipe(new SitemapStream({ hostname: base })));
      return { status: 200, contentType: 'application/xml; charset=utf-8', body: xml.toString('utf8') };
    });
  }

  /** The newest 50 published items of a site or section as a feed (the `feed` library writes RSS and Atom). */
  private async feed(tenantId: string, today: string, site: string, section?: string): Promise<Feed> {
    const found = KEY.test(site) ? await this.reader.siteFor(tenantId, site) : null;
    if (!found) throw notFound();
    const base = await this.baseUrl(tenantId);
    const items = await this.reader.list(tenantId, today, site, { section, limit: 50 });
    const siteUrl = `${base}${found.path === '/' ? '' : found.path}`;
    const feed = new Feed({
      id: siteUrl,
      title: found.title,
      link: siteUrl,
      language: 'vi',
      copyright: found.title,
      updated: items[0]?.publishedAt ?? new Date(0),
      feedLinks: { rss: `${base}/api/v1/public/sites/${site}/feed.rss`, atom: `${base}/api/v1/public/sites/${site}/feed.atom` },
    });
    for (const item of items) {
      const link = itemUrl(base, site, item.slug);
      feed.addItem({ id: link, title: item.title, link, description: item.summary ?? undefined, date: item.publishedAt });
    }
    return feed;
  }

  /** The province's primary domain, as the feeds and the sitemap link to it. */
  private async baseUrl(tenantId: string): Promise<string> {
    const domains = await this.domains.findDomainsOf(tenantId);
    const primary = domains.find((d) => d.isPrimary) ?? domains[0];
    return `https://${primary?.domain ?? 'localhost'}`;
  }

  /** Answers from the cache, or computes, caches and answers; 304 when the client's copy is current. */
  private async serve(req: RequestLike, reply: ReplyLike, produce: (tenantId: string, today: string) => Promise<Produced>): Promise<void> {
    const tenant = this.tenants.current();
    const key = req.url;
    const cached = await this.cache.get(tenant.id, key);
    let answer: Produced & { etag: string };
    if (cached) {
      answer = { ...(JSON.parse(cached.body) as Produced), etag: cached.etag };
    } else {
      const produced = await produce(tenant.id, todayIn(tenant.timezone));
      answer = { ...produced, etag: `"${createHash('sha1').update(produced.body).digest('base64url')}"` };
      await this.cache.set(tenant.id, key, { etag: answer.etag, body: JSON.stringify(produced) });
    }
    reply.header('cache-control', CACHE_CONTROL).header('etag', answer.etag).header('vary', 'Host, X-Tenant');
    if (answer.location) reply.header('location', answer.location);
    if (answer.status === 200 && req.headers['if-none-match'] === answer.etag) {
      reply.status(304).send();
      return;
    }
    reply.status(answer.status).header('content-type', answer.contentType).send(answer.body);
  }
}
