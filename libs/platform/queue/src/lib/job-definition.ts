import { JobsOptions } from 'bullmq';
import { RetryPolicy } from './retry-policies';

/** The queues of ARCHITECTURE.md. A job belongs to exactly one. */
export const QUEUE_NAMES = ['publishing', 'compliance', 'reports', 'notifications', 'feeds', 'accounts', 'citizens'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** What every job carries: which province, who asked, the request it came from, and its idempotency key. */
export interface JobEnvelope<T> {
  tenantId: string | null;
  actorId: string | null;
  requestId: string;
  idempotencyKey: string;
  data: T;
}

export interface JobDefinition<T> {
  /** `<lib>.<verb-noun>`, e.g. `content.publish-item`. */
  readonly name: string;
  readonly queue: QueueName;
  readonly retry: RetryPolicy;
  /** Type carrier only; never set. */
  readonly _data?: T;
}

const JOB_NAME = /^[a-z][a-z0-9]*\.[a-z][a-z0-9-]*$/;
const definitions = new Map<string, JobDefinition<unknown>>();

/** Declares a job. Every declared job needs exactly one handler, or the worker refuses to start. */
export function defineJob<T>(name: string, queue: QueueName, retry: RetryPolicy): JobDefinition<T> {
  if (!JOB_NAME.test(name)) throw new Error(`Job name "${name}" must look like <lib>.<verb-noun>`);
  const existing = definitions.get(name);
  if (existing && (existing.queue !== queue || existing.retry !== retry)) {
    throw new Error(`Job "${name}" is defined twice with different settings`);
  }
  const definition: JobDefinition<T> = Object.freeze({ name, queue, retry });
  definitions.set(name, definition);
  return definition;
}

export function definedJobs(): JobDefinition<unknown>[] {
  return [...definitions.values()];
}

/**
 * The BullMQ job id: derived from name, province and idempotency key, so enqueuing twice runs once.
 * BullMQ reserves ':' (Redis key separator), so it never appears.
 */
export function jobIdFor(name: string, tenantId: string | null, idempotencyKey: string): string {
  if (!idempotencyKey) throw new Error(`Job "${name}" needs an idempotency key`);
  return [name, tenantId ?? 'platform', idempotencyKey].join('|').replace(/:/g, '_');
}

export function jobOptions(def: JobDefinition<unknown>, jobId: string, delayMs?: number): JobsOptions {
  return {
    jobId,
    attempts: def.retry.attempts,
    backoff: def.retry.backoff,
    delay: delayMs && delayMs > 0 ? Math.round(delayMs) : undefined,
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
