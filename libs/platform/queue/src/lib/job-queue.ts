import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { ExecutionScope } from '@cong/platform-context';
import { Job, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { JobDefinition, JobEnvelope, jobIdFor, jobOptions, QueueName } from './job-definition';
import { queuePrefix } from './redis-connection';

export interface EnqueueRequest<T> {
  tenantId: string | null;
  idempotencyKey: string;
  data: T;
  /** Run no earlier than this moment (scheduled publishing, reminders). */
  runAt?: Date;
  actorId?: string | null;
}

/**
 * Producer side: the API and worker enqueue through this; only the worker processes. The request
 * id of the current scope travels with the job so its logs join up with the request's.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  /** Scheduler ids this process declared, per queue: what ScheduleKeeper expects Redis to hold. */
  private readonly schedulers = new Map<QueueName, Set<string>>();

  constructor(
    private readonly config: AppConfig,
    private readonly connection: IORedis,
    private readonly scope: ExecutionScope,
  ) {}

  async enqueue<T>(def: JobDefinition<T>, req: EnqueueRequest<T>): Promise<string> {
    const jobId = jobIdFor(def.name, req.tenantId, req.idempotencyKey);
    const envelope: JobEnvelope<T> = {
      tenantId: req.tenantId,
      actorId: req.actorId ?? this.scope.actor?.id ?? null,
      requestId: this.scope.requestId ?? randomUUID(),
      idempotencyKey: req.idempotencyKey,
      data: req.data,
    };
    const delay = req.runAt ? req.runAt.getTime() - Date.now() : undefined;
    await this.queue(def.queue).add(def.name, envelope, jobOptions(def, jobId, delay));
    return jobId;
  }

  /**
   * A job that recurs: every `everyMs`, or on a cron `pattern` in a time zone (a province's
   * midnight). A BullMQ job scheduler: upserting the same id twice keeps one schedule, so every
   * worker may declare it at start.
   */
  async repeat<T>(
    def: JobDefinition<T>,
    schedulerId: string,
    when: { everyMs: number } | { pattern: string; tz: string },
    data: T,
    tenantId: string | null = null,
  ): Promise<void> {
    const envelope: JobEnvelope<T> = { tenantId, actorId: null, requestId: `schedule-${schedulerId}`, idempotencyKey: schedulerId, data };
    await this.queue(def.queue).upsertJobScheduler(
      schedulerId,
      'everyMs' in when ? { every: when.everyMs } : { pattern: when.pattern, tz: when.tz },
      {
        name: def.name,
        data: envelope,
        opts: {
          attempts: def.retry.attempts,
          backoff: def.retry.backoff,
          removeOnComplete: { count: 100 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      },
    );
    const declared = this.schedulers.get(def.queue) ?? new Set<string>();
    this.schedulers.set(def.queue, declared.add(schedulerId));
  }

  /** Removes a recurring job `repeat` declared (a province no longer active). */
  async unrepeat(def: JobDefinition<unknown>, schedulerId: string): Promise<void> {
    await this.queue(def.queue).removeJobScheduler(schedulerId);
    this.schedulers.get(def.queue)?.delete(schedulerId);
  }

  /** The scheduler ids `repeat` declared in this process, by queue. */
  declaredSchedulers(): ReadonlyMap<QueueName, ReadonlySet<string>> {
    return this.schedulers;
  }

  /** Removes a job that has not started (a cancelled schedule). True when there was one to remove. */
  async cancel(def: JobDefinition<unknown>, tenantId: string | null, idempotencyKey: string): Promise<boolean> {
    const job = await this.find(def, tenantId, idempotencyKey);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'active' || state === 'completed' || state === 'failed') return false;
    await job.remove();
    return true;
  }

  find(def: JobDefinition<unknown>, tenantId: string | null, idempotencyKey: string): Promise<Job | undefined> {
    return this.queue(def.queue).getJob(jobIdFor(def.name, tenantId, idempotencyKey));
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: queuePrefix(this.config.redis.prefix) });
      // Without a listener BullMQ prints every failed reconnect; the connection already logs an
      // outage once when it starts and once when it ends (redis-connection.ts).
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
