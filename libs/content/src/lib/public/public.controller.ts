import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { PublicResponseCache } from '@cong/platform-cache';
import { DomainError } from '@cong/platform-errors';
import { CONTENT_TYPES, ContentType, todayIn } from '@cong/rules';
import { TenantContext } from '@cong/tenancy';
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
const notFound = () => new DomainError('CONTENT_NOT_FOUND', 'not_found', 'Không tìm thấy tin bài.');
const badCursor = () => new DomainError('CONTENT_BAD_CURSOR', 'bad_request', 'Con trỏ phân trang không hợp lệ.', [{ field: 'cursor', message: 'is not one this API issued' }]);

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
  ) {}

  @Get('sites')
  @ApiOperation({ summary: 'The portal and the sub-sites of this province' })
  sites(@Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId) => ({ status: 200, body: await this.reader.sites(tenantId) }));
  }

  @Get('sites/:site/items')
  @ApiOperation({ summary: 'Published items of a site, newest first, by section and type, with a cursor' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  list(@Param('site') site: string, @Query() q: PublicListParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => {
      if (!KEY.test(site)) throw notFound();
      const limit = q.limit ?? 20;
      let after: { publishedAt: Date; id: string } | undefined;
      if (q.cursor) {
        const [at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
        if (!/^[0-9a-f-]{36}$/.test(id ?? '') || Number.isNaN(new Date(at).getTime())) throw badCursor();
        after = { publishedAt: new Date(at), id };
      }
      const items = await this.reader.list(tenantId, today, site, { type: q.type, section: q.section, after, limit });
      const last = items.length === limit ? items[items.length - 1] : undefined;
      return { status: 200, body: { items, nextCursor: last ? Buffer.from(`${last.publishedAt.toISOString()}|${last.id}`).toString('base64url') : null } };
    });
  }

  @Get('sites/:site/items/:slug')
  @ApiOperation({ summary: 'One published item by its slug; an old slug answers 301 to the current one' })
  item(@Param('site') site: string, @Param('slug') slug: string, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => {
      if (!KEY.test(site) || !/^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)) throw notFound();
      const found = await this.reader.item(tenantId, today, site, slug);
      if (!found) throw notFound();
      if ('redirect' in found) return { status: 301, location: `/api/v1/public/sites/${site}/items/${found.redirect}`, body: { location: found.redirect } };
      return { status: 200, body: found.item };
    });
  }

  @Get('search')
  @ApiOperation({ summary: 'Search published items; accents and case do not matter ("nghe an" finds "Nghệ An")' })
  search(@Query() q: PublicSearchParams, @Req() req: RequestLike, @Res() reply: ReplyLike): Promise<void> {
    return this.serve(req, reply, async (tenantId, today) => ({ status: 200, body: { items: await this.reader.search(tenantId, today, { ...q, limit: q.limit ?? 20 }) } }));
  }

  /** Answers from the cache, or computes, caches and answers; 304 when the client's copy is current. */
  private async serve(req: RequestLike, reply: ReplyLike, produce: (tenantId: string, today: string) => Promise<{ status: number; body: unknown; location?: string }>): Promise<void> {
    const tenant = this.tenants.current();
    const key = req.url;
    let entry = await this.cache.get(tenant.id, key);
    let status = 200;
    let location: string | undefined;
    if (entry) {
      const cached = JSON.parse(entry.body) as { status: number; location?: string; payload: unknown };
      status = cached.status;
      location = cached.location;
      entry = { etag: entry.etag, body: JSON.stringify(cached.payload) };
    } else {
      const result = await produce(tenant.id, todayIn(tenant.timezone));
      status = result.status;
      location = result.location;
      const body = JSON.stringify(result.body);
      entry = { etag: `"${createHash('sha1').update(body).digest('base64url')}"`, body };
      await this.cache.set(tenant.id, key, { etag: entry.etag, body: JSON.stringify({ status, location, payload: result.body }) });
    }
    reply.header('cache-control', CACHE_CONTROL).header('etag', entry.etag).header('vary', 'Host, X-Tenant');
    if (location) reply.header('location', location);
    if (status === 200 && req.headers['if-none-match'] === entry.etag) {
      reply.status(304).send();
      return;
    }
    reply.status(status).header('content-type', 'application/json; charset=utf-8').send(entry.body);
  }
}
