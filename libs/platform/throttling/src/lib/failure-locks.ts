import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { createCommandConnection } from '@cong/platform-queue';
import type IORedis from 'ioredis';

/** When failures lock, and for how long: the province's lockout rule (accountPolicy.lockout). */
export interface LockPolicy {
  threshold: number;
  durationMinutes: number;
  maxDurationMinutes: number;
}

/** Failures and locks are forgotten a day after the last one. */
const MEMORY_SECONDS = 24 * 3600;

/**
 * Consecutive failures per key, in Redis: `threshold` of them lock the key for `durationMinutes`,
 * each further lock twice as long up to `maxDurationMinutes`. Sign-in keys it by account **and**
 * source address, so an attacker who fails on purpose locks out only their own address, never the
 * account's owner signing in from elsewhere.
 *
 * While Redis is away nothing is locked (and the address rate limit, counted in memory then, still
 * holds guessing off): a lost counter must not stop officials from signing in.
 */
@Injectable()
export class FailureLocks implements OnApplicationShutdown {
  private readonly logger = new Logger('FailureLocks');
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    this.redis = createCommandConnection(config.redis.url, 'failure-locks');
    this.prefix = `${config.redis.prefix}:lock`;
  }

  /** Seconds the key stays locked; 0 when it is not. */
  async lockedFor(key: string): Promise<number> {
    try {
      const ms = await this.redis.pttl(`${this.prefix}:until:${key}`);
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    } catch (error) {
      this.logger.warn({ err: error }, 'Lock not read');
      return 0;
    }
  }

  /** Counts a failure; when it locks, says for how many minutes and the how-manieth lock it is. */
  async fail(key: string, policy: LockPolicy): Promise<{ minutes: number; lockouts: number } | null> {
    try {
      const fails = `${this.prefix}:fails:${key}`;
      const [[, count]] = (await this.redis.multi().incr(fails).expire(fails, MEMORY_SECONDS).exec()) as [[null, number], unknown];
      if (count < policy.threshold) return null;
      const lockoutsKey = `${this.prefix}:lockouts:${key}`;
      const results = (await this.redis.multi().del(fails).incr(lockoutsKey).expire(lockoutsKey, MEMORY_SECONDS).exec()) as [
        unknown,
        [null, number],
        unknown,
      ];
      const lockouts = results[1][1];
      const minutes = Math.min(policy.durationMinutes * 2 ** (lockouts - 1), policy.maxDurationMinutes);
      await this.redis.set(`${this.prefix}:until:${key}`, '1', 'PX', minutes * 60_000);
      return { minutes, lockouts };
    } catch (error) {
      this.logger.warn({ err: error }, 'Failure not counted');
      return null;
    }
  }

  /** A success forgets the key's failures and locks. */
  async succeed(key: string): Promise<void> {
    await this.redis
      .del(`${this.prefix}:fails:${key}`, `${this.prefix}:lockouts:${key}`, `${this.prefix}:until:${key}`)
      .catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
