import { Logger } from '@nestjs/common';
import { createCommandConnection, createWorkerConnection } from '@cong/platform-queue';
import type IORedis from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A public response as it is answered again: status, type, body, validator (and a redirect's target). */
export interface CachedResponse {
  status: number;
  contentType: string;
  body: string;
  etag: string;
  location?: string;
  /** When it was computed (ms since the epoch): its age, for freshness and the Age header. */
  storedAt: number;
}

/** Default freshness (PUBLIC_CACHE_TTL_SECONDS), a safety net: entries also go when a province publishes or withdraws anything. */
export const PUBLIC_CACHE_TTL_SECONDS = 300;
/**
 * Default stale-if-error window (PUBLIC_CACHE_STALE_IF_ERROR_SECONDS): how long past its freshness
 * an entry is kept, to be answered (marked stale) while the database cannot be reached. Entries a
 * province's change invalidated are never kept: a withdrawn item does not come back during an outage.
 */
export const PUBLIC_CACHE_STALE_IF_ERROR_SECONDS = 3600;

export interface PublicCacheTimes {
  freshSeconds: number;
  staleIfErrorSeconds: number;
}
const DEFAULT_TIMES: PublicCacheTimes = {
  freshSeconds: PUBLIC_CACHE_TTL_SECONDS,
  staleIfErrorSeconds: PUBLIC_CACHE_STALE_IF_ERROR_SECONDS,
};
/** Bounds the in-process copy: entries and bytes (bodies are strings, two bytes a character at most). */
const LOCAL_MAX_ENTRIES = 20_000;
const LOCAL_MAX_BYTES = 256 * 1024 * 1024;
/**
 * How long a process trusts its own copy without hearing from Redis. Invalidations arrive by
 * pub/sub at once; this only bounds staleness if one were lost while the subscriber reconnected
 * (it also clears everything when it reconnects).
 */
const LOCAL_TTL_MS = 60_000;

interface LocalEntry extends CachedResponse {
  generation: number;
}

/**
 * Public responses per province, in two layers:
 * - in this process (an LRU), so a hit costs no round trip;
 * - in Redis (one hash per province), shared by every API process.
 *
 * Invalidating a province (from any process: the API, or the worker publishing a scheduled item)
 * deletes its hash, bumps its generation here and tells the other processes over Redis pub/sub.
 * Redis being away only makes every read a miss: the public site keeps answering from the database.
 * The database being away is the opposite case: `stale` gives the last answers past their freshness
 * (the stale-if-error window), so cached pages keep being served, marked stale.
 */
export class PublicResponseCache {
  private readonly logger = new Logger('PublicResponseCache');
  private failing = false;
  private readonly local = new LRUCache<string, LocalEntry>({
    max: LOCAL_MAX_ENTRIES,
    maxSize: LOCAL_MAX_BYTES,
    sizeCalculation: (e) => 2 * (e.body.length + e.etag.length) + 64,
    ttl: LOCAL_TTL_MS,
    // Past its TTL an entry is a miss, but stays (until the LRU needs room) for `stale`, should
    // Redis and the database both be away.
    noDeleteOnStaleGet: true,
  });
  /** Per province: bumped on every invalidation; an entry of an older generation is a miss. */
  private readonly generations = new Map<string, number>();

  /** `redis` null: caching off (benchmarks measure the uncached path this way). */
  constructor(
    private readonly redis: IORedis | null,
    private readonly prefix: string,
    private readonly subscriber: IORedis | null = null,
    readonly times: PublicCacheTimes = DEFAULT_TIMES,
  ) {
    if (subscriber) {
      void subscriber.subscribe(this.channel()).catch(() => undefined);
      subscriber.on('message', (_channel: string, tenantId: string) => this.forgetLocally(tenantId));
      // While disconnected, invalidations may have been missed: start afresh.
      subscriber.on('ready', () => this.local.clear());
    }
  }

  static connect(url: string, prefix: string, times: PublicCacheTimes = DEFAULT_TIMES): PublicResponseCache {
    return new PublicResponseCache(
      createCommandConnection(url, 'cong-public-cache'),
      prefix,
      createWorkerConnection(url, 'cong-public-cache-invalidations'),
      times,
    );
  }

  static disabled(): PublicResponseCache {
    return new PublicResponseCache(null, '');
  }

  get enabled(): boolean {
    return this.redis !== null;
  }

  /** The province's current generation: pass it back to `set`, so a response computed before an
   * invalidation is not stored after it. */
  generation(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }

  /** This process's copy, without waiting (the hot path answers these synchronously). */
  peek(tenantId: string, key: string): CachedResponse | undefined {
    if (!this.redis) return undefined;
    const near = this.local.get(`${tenantId} ${key}`);
    return near && near.generation === this.generation(tenantId) && this.fresh(near) ? near : undefined;
  }

  /** A fresh entry, here or in Redis. */
  async get(tenantId: string, key: string): Promise<CachedResponse | null> {
    const redis = this.redis;
    if (!redis) return null;
    const near = this.peek(tenantId, key);
    if (near) return near;
    const localKey = `${tenantId} ${key}`;
    const generation = this.generation(tenantId);
    const raw = await this.guard(() => redis.hget(this.hash(tenantId), key));
    const entry = raw ? parseEntry(raw) : null;
    if (!entry || !this.fresh(entry)) return null;
    if (this.generation(tenantId) === generation) this.local.set(localKey, { ...entry, generation });
    return entry;
  }

  /**
   * The last answer for this key, past its freshness but within the stale-if-error window
   * and not invalidated since: for when the database cannot be reached. Redis decides when it
   * answers (an invalidation from any process deleted the entry there); only when Redis is away too
   * does this process's own copy serve, if its generation is still current.
   */
  async stale(tenantId: string, key: string): Promise<CachedResponse | null> {
    const redis = this.redis;
    if (!redis) return null;
    const keptFor = (this.times.freshSeconds + this.times.staleIfErrorSeconds) * 1000;
    const usable = (e: CachedResponse | null | undefined) => (e && Date.now() - e.storedAt <= keptFor ? e : null);
    const generation = this.generation(tenantId);
    let unreachable = false;
    const raw = await this.guard(
      () => redis.hget(this.hash(tenantId), key),
      () => (unreachable = true),
    );
    if (!unreachable) return this.generation(tenantId) === generation ? usable(raw ? parseEntry(raw) : null) : null;
    const near = this.local.get(`${tenantId} ${key}`, { allowStale: true });
    return near && near.generation === this.generation(tenantId) ? usable(near) : null;
  }

  async set(tenantId: string, key: string, entry: CachedResponse, generation = this.generation(tenantId)): Promise<void> {
    const redis = this.redis;
    if (!redis || this.generation(tenantId) !== generation) return;
    this.local.set(`${tenantId} ${key}`, { ...entry, generation });
    await this.guard(() =>
      redis
        .multi()
        .hset(this.hash(tenantId), key, JSON.stringify(entry))
        .expire(this.hash(tenantId), this.times.freshSeconds + this.times.staleIfErrorSeconds)
        .exec(),
    );
  }

  /** Everything cached for a province goes, here and in every other process. */
  async invalidate(tenantId: string): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    this.forgetLocally(tenantId);
    await this.guard(() => redis.multi().del(this.hash(tenantId)).publish(this.channel(), tenantId).exec());
  }

  async close(): Promise<void> {
    // QUIT only on a live connection: on one still reconnecting (Redis away) it would wait forever.
    await Promise.all(
      [this.redis, this.subscriber].map((r) =>
        !r
          ? undefined
          : r.status === 'ready'
            ? r.quit().then(
                () => undefined,
                () => r.disconnect(),
              )
            : r.disconnect(),
      ),
    );
  }

  /** Computed less than `freshSeconds` ago. */
  private fresh(entry: CachedResponse): boolean {
    return Date.now() - entry.storedAt < this.times.freshSeconds * 1000;
  }

  private forgetLocally(tenantId: string): void {
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }

  private hash(tenantId: string): string {
    // v3: entries carry `storedAt` (v2 had no age; v1 held a serialised response in `body`).
    return `${this.prefix}:public:v3:${tenantId}`;
  }

  private channel(): string {
    return `${this.prefix}:public-invalidations`;
  }

  private async guard<T>(work: () => Promise<T>, onFailure?: () => void): Promise<T | null> {
    try {
      const result = await work();
      if (this.failing) this.logger.log('Redis answers again; public cache back in use');
      this.failing = false;
      return result;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Public cache unavailable, serving from the database: ${(error as Error).message}`);
      this.failing = true;
      onFailure?.();
      return null;
    }
  }
}

function parseEntry(raw: string): CachedResponse | null {
  const entry = JSON.parse(raw) as Partial<CachedResponse>;
  return typeof entry.storedAt === 'number' && typeof entry.body === 'string' ? (entry as CachedResponse) : null;
}
