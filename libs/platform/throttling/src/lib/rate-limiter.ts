import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { DomainError } from '@cong/platform-errors';
import { createCommandConnection } from '@cong/platform-queue';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RATE_LIMITS, RateLimitName } from './rate-limits';

/** A 429: how long to wait is in `retryAfterSeconds` (and the Retry-After header). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(
      'PLATFORM_RATE_LIMITED',
      'too_many_requests',
      `Có quá nhiều yêu cầu ${what} từ nơi bạn gửi. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    );
  }
}

/**
 * Counts with `rate-limiter-flexible` in Redis, so the limits hold across API processes. While
 * Redis is away each process counts in memory (the insurance limiter): limits stay, per process,
 * and no request fails because of the counter.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: IORedis;
  private readonly limiters: Map<RateLimitName, RateLimiterRedis>;

  constructor(config: AppConfig) {
    this.redis = createCommandConnection(config.redis.url, 'rate-limits');
    this.limiters = new Map(
      (Object.keys(RATE_LIMITS) as RateLimitName[]).map((name) => {
        const { points, seconds } = RATE_LIMITS[name];
        return [
          name,
          new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `${config.redis.prefix}:rate:${name}`,
            points,
            duration: seconds,
            useRedisPackage: false,
            insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rate:${name}`, points, duration: seconds }),
          }),
        ];
      }),
    );
  }

  /** Takes one from each key's allowance; throws RateLimitedError when any is spent. */
  async consume(name: RateLimitName, keys: string[]): Promise<void> {
    const limiter = this.limiters.get(name)!;
    for (const key of keys) {
      try {
        await limiter.consume(key);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes)
          throw new RateLimitedError(Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)), RATE_LIMITS[name].what);
        // Neither Redis nor the insurance counter answered: let the request through, say so.
        this.logger.warn({ err: outcome, limit: name }, 'Rate limit not counted');
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
