import { Logger } from '@nestjs/common';
import { createCommandConnection } from '@cong/platform-queue';
import type IORedis from 'ioredis';

export interface CachedResponse {
  etag: string;
  body: string;
}

/** A safety net: entries also go when a province publishes or withdraws anything. */
export const PUBLIC_CACHE_TTL_SECONDS = 300;

/**
 * Public responses per province in one Redis hash, so invalidating a province is one DEL (from any
 * process: the API, or the worker publishing a scheduled item) and a read is one HGET. Redis being
 * away only makes every read a miss: the public site keeps answering from the database.
 */
export class PublicResponseCache {
  private readonly logger = new Logger('PublicResponseCache');
  private failing = false;

  /** `redis` null: caching off (benchmarks measure the uncached path this way). */
  constructor(
    private readonly redis: IORedis | null,
    private readonly prefix: string,
  ) {}

  static connect(url: string, prefix: string): PublicResponseCache {
    return new PublicResponseCache(createCommandConnection(url, 'cong-public-cache'), prefix);
  }

  static disabled(): PublicResponseCache {
    return new PublicResponseCache(null, '');
  }

  async get(tenantId: string, key: string): Promise<CachedResponse | null> {
    const redis = this.redis;
    if (!redis) return null;
    const raw = await this.guard(() => redis.hget(this.hash(tenantId), key));
    return raw ? (JSON.parse(raw) as CachedResponse) : null;
  }

  async set(tenantId: string, key: string, entry: CachedResponse): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    await this.guard(() => redis.multi().hset(this.hash(tenantId), key, JSON.stringify(entry)).expire(this.hash(tenantId), PUBLIC_CACHE_TTL_SECONDS).exec());
  }

  /** Everything cached for a province goes: its next public reads come from the database. */
  async invalidate(tenantId: string): Promise<void> {
    const redis = this.redis;
    if (redis) await this.guard(() => redis.del(this.hash(tenantId)));
  }

  async close(): Promise<void> {
    const redis = this.redis;
    if (redis) await redis.quit().then(() => undefined, () => redis.disconnect());
  }

  private hash(tenantId: string): string {
    return `${this.prefix}:public:${tenantId}`;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      const result = await work();
      if (this.failing) this.logger.log('Redis answers again; public cache back in use');
      this.failing = false;
      return result;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Public cache unavailable, serving from the database: ${(error as Error).message}`);
      this.failing = true;
      return null;
    }
  }
}
