import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import IORedis from 'ioredis';
import { JobQueue } from './job-queue';

interface Owner {
  name: string;
  declare: () => Promise<void>;
  /** Run at every check: declarations that follow data (a province applied since, one suspended). */
  reconcile?: () => Promise<void>;
}

/**
 * Keeps the worker's recurring work declared in Redis. Job schedulers live only in Redis: a
 * FLUSHALL, a restart without persistence or a failover to an empty replica loses them, and
 * nothing would run again until a worker restarted (issue 14: the publishing sweep and the
 * compliance schedulers gone for minutes). So each owner hands its declaration here; it runs at
 * start, and again whenever a check finds fewer schedulers in a queue than this process declared.
 * The check is one ZCARD a queue, every WORKER_SCHEDULE_CHECK_MS and at once when the connection
 * is ready again after a drop (a restarted Redis is usually an empty one).
 *
 * Declarations must be idempotent (upserting a scheduler keeps one) and may do catch-up work
 * (a sweep, a period close) that is itself safe to run twice: several workers re-declare together.
 *
 * An owner whose schedulers follow data (one per active province) also gives a `reconcile`, run at
 * every check: a province applied while the worker runs gets its schedulers within one check.
 */
@Injectable()
export class ScheduleKeeper implements OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleKeeper.name);
  private readonly owners: Owner[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** One check at a time: a reconnect and the timer may both ask. */
  private checking: Promise<void> | undefined;
  private readonly onReady = () => void this.check();

  constructor(
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    @Inject(IORedis) private readonly redis: IORedis,
  ) {}

  /** Declares now (a failure stops the worker's start, as before) and keeps it declared from then on. */
  async keep(name: string, declare: () => Promise<void>, reconcile?: () => Promise<void>): Promise<void> {
    await declare();
    this.owners.push({ name, declare, reconcile });
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.config.worker.scheduleCheckMs);
      this.timer.unref();
      this.redis.on('ready', this.onReady);
    }
  }

  /** Whether Redis still holds every scheduler this process declared; if not, everything is declared again. */
  check(): Promise<void> {
    this.checking ??= this.verifyAndRestore().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async verifyAndRestore(): Promise<void> {
    let missing: string[];
    try {
      missing = await this.missingQueues();
    } catch {
      // Redis unreachable: nothing to compare; the 'ready' after the reconnect checks again.
      return;
    }
    if (missing.length === 0) return this.reconcile();
    this.logger.warn(`Redis has lost job schedulers (queue ${missing.join(', ')}); declaring them again`);
    for (const owner of this.owners) {
      try {
        await owner.declare();
      } catch (error) {
        // The next check finds them still missing and tries again.
        this.logger.error({ owner: owner.name, err: (error as Error).message }, 'Could not declare job schedulers again');
      }
    }
  }

  private async reconcile(): Promise<void> {
    for (const owner of this.owners) {
      try {
        await owner.reconcile?.();
      } catch (error) {
        // Redis or the database away: the next check tries again.
        this.logger.warn({ owner: owner.name, err: (error as Error).message }, 'Could not bring job schedulers up to date');
      }
    }
  }

  private async missingQueues(): Promise<string[]> {
    const missing: string[] = [];
    for (const [name, ids] of this.queue.declaredSchedulers()) {
      if ((await this.queue.queue(name).getJobSchedulersCount()) < ids.size) missing.push(name);
    }
    return missing;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
  }
}
