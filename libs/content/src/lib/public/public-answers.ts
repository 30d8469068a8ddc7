import { Injectable } from '@nestjs/common';
import { CachedResponse, PublicResponseCache } from '@cong/platform-cache';
import { isDependencyUnavailable } from '@cong/platform-errors';
import { hash } from 'node:crypto';

/** A public answer as computed: status, type, body (and where a redirect points). */
export interface Produced {
  status: number;
  contentType: string;
  body: string;
  location?: string;
}

/** What a public answer is sent with (the public routes' and the portal's are the same shape). */
export interface AnswerRequest {
  headers: Record<string, string | string[] | undefined>;
}
export interface AnswerReply {
  status(code: number): AnswerReply;
  header(name: string, value: string): AnswerReply;
  send(body?: unknown): unknown;
}

/** A CDN in front may also keep answering its copy while we cannot (stale-if-error, RFC 5861). */
const cacheControl = (staleIfError: number) => `public, max-age=30, stale-while-revalidate=60, stale-if-error=${staleIfError}`;
/** A stale answer (the database unreachable): no cache may take it as fresh. */
const staleCacheControl = (staleIfError: number) => `public, max-age=0, stale-if-error=${staleIfError}`;

/**
 * After a read failed for want of the database, for this long a read that has a stale answer gets
 * it at once instead of waiting again for a connection that will likely not come; reads with none
 * still try (and so notice when the database is back).
 */
const DATABASE_DOWN_MS = 3_000;

/**
 * Citizens' answers through the public response cache, for the JSON read API and the portal's
 * pages alike: this process's copy, then Redis, then computed and cached; with the database
 * unreachable, the last answer marked stale (or the failure, for the caller to turn into a 503).
 * Sent with an ETag (304 when the client's copy is current) and Cache-Control fit for a CDN.
 */
@Injectable()
export class PublicAnswers {
  /** Until when reads answer stale without trying the database (see DATABASE_DOWN_MS). */
  private databaseDownUntil = 0;

  constructor(private readonly cache: PublicResponseCache) {}

  /** The cache key of an answer, or '' when caching is off. */
  keyFor(key: () => string): string {
    return this.cache.enabled ? key() : '';
  }

  /** This process's fresh copy, without waiting. */
  peek(tenantId: string, key: string): CachedResponse | undefined {
    return key ? this.cache.peek(tenantId, key) : undefined;
  }

  /**
   * From Redis if another process cached it, else computed (and cached when `key` is given and
   * `cacheable` agrees). The database unreachable: the last answer for this province and key, past
   * its freshness, marked stale; without one, the failure is thrown on.
   */
  async obtain(
    tenantId: string,
    key: string,
    produce: () => Promise<Produced>,
    cacheable: (p: Produced) => boolean = () => true,
  ): Promise<{ answer: CachedResponse; stale: boolean }> {
    const cached = key ? await this.cache.get(tenantId, key) : null;
    if (cached) return { answer: cached, stale: false };
    if (key && Date.now() < this.databaseDownUntil) {
      const stale = await this.cache.stale(tenantId, key);
      if (stale) return { answer: stale, stale: true };
    }
    const generation = this.cache.generation(tenantId);
    let produced: Produced;
    try {
      produced = await produce();
    } catch (error) {
      if (!isDependencyUnavailable(error)) throw error;
      this.databaseDownUntil = Date.now() + DATABASE_DOWN_MS;
      const stale = key ? await this.cache.stale(tenantId, key) : null;
      if (!stale) throw error;
      return { answer: stale, stale: true };
    }
    // The database answered: stale answers stop at once.
    this.databaseDownUntil = 0;
    const answer = { ...produced, etag: `"${hash('sha1', produced.body, 'base64url')}"`, storedAt: Date.now() };
    if (key && cacheable(produced)) await this.cache.set(tenantId, key, answer, generation);
    return { answer, stale: false };
  }

  /**
   * The answer with its validators; 304 when the client's copy is current. A stale one says so:
   * its Age, the Warning of RFC 7234 (110, still read by caches and monitors) and a Cache-Control
   * no cache may take as fresh.
   */
  send(req: AnswerRequest, reply: AnswerReply, answer: CachedResponse, stale = false): void {
    const staleIfError = this.cache.times.staleIfErrorSeconds;
    reply
      .header('cache-control', stale ? staleCacheControl(staleIfError) : cacheControl(staleIfError))
      .header('etag', answer.etag)
      .header('vary', 'Host, X-Tenant');
    if (stale)
      reply
        .header('age', String(Math.max(0, Math.floor((Date.now() - answer.storedAt) / 1000))))
        .header('warning', '110 - "Response is Stale"');
    if (answer.location) reply.header('location', answer.location);
    if (answer.status === 200 && req.headers['if-none-match'] === answer.etag) {
      reply.status(304).send();
      return;
    }
    reply.status(answer.status).header('content-type', answer.contentType).send(answer.body);
  }
}
