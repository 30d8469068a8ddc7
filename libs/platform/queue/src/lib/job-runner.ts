import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AppConfig } from '@cong/platform-config';
import { ExecutionScope } from '@cong/platform-context';
import { Job, Worker } from 'bullmq';
import { definedJobs, JobDefinition, JobEnvelope, QueueName } from './job-definition';
import { HANDLES_JOB } from './handles-job.decorator';
import { createWorkerConnection, queuePrefix } from './redis-connection';

type Handler = (data: unknown, job: Job<JobEnvelope<unknown>>) => Promise<unknown>;

/** Thrown at worker start when jobs and handlers do not pair up one to one. */
export class JobHandlerRegistryError extends Error {}

/**
 * Consumer side (apps/worker only): discovers @HandlesJob methods at start, refuses to start when a
 * declared job has no handler or two, then runs one BullMQ worker per queue. On shutdown it lets
 * in-flight jobs finish for SHUTDOWN_TIMEOUT_MS, then closes hard: unfinished jobs go back to the
 * queue through BullMQ's stalled-job check and run again elsewhere.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly scope: ExecutionScope,
  ) {}

  onApplicationBootstrap(): void {
    this.discoverHandlers();
    const queues = new Set<QueueName>(definedJobs().map((d) => d.queue));
    for (const queue of queues) this.workers.push(this.startWorker(queue));
    this.logger.log(`Processing ${this.handlers.size} job type(s) on queue(s): ${[...queues].join(', ') || 'none'}`);
  }

  /** The handler names found, for tests and the start-up log. */
  handledJobs(): string[] {
    return [...this.handlers.keys()].sort();
  }

  private discoverHandlers(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const def = this.reflector.get<JobDefinition<unknown> | undefined>(HANDLES_JOB, fn);
        if (!def) continue;
        found.set(def.name, [...(found.get(def.name) ?? []), `${wrapper.name}.${method}`]);
        this.handlers.set(def.name, (data, job) => (fn as Handler).call(instance, data, job));
      }
    }
    const problems: string[] = [];
    for (const def of definedJobs()) {
      const where = found.get(def.name) ?? [];
      if (where.length === 0) problems.push(`job "${def.name}" has no handler`);
      if (where.length > 1) problems.push(`job "${def.name}" has ${where.length} handlers: ${where.join(', ')}`);
    }
    for (const name of found.keys()) {
      if (!definedJobs().some((d) => d.name === name)) problems.push(`handler for undeclared job "${name}"`);
    }
    if (problems.length) throw new JobHandlerRegistryError(`Worker cannot start: ${problems.join('; ')}`);
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker(queue, (job: Job<JobEnvelope<unknown>>) => this.process(job), {
      connection: createWorkerConnection(this.config.redis.url, `cong-worker-${queue}`),
      prefix: queuePrefix(this.config.redis.prefix),
      concurrency: this.config.worker.concurrency,
      autorun: true,
    });
    worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message }, 'Job failed'),
    );
    worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'Worker error'));
    return worker;
  }

  private process(job: Job<JobEnvelope<unknown>>): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    const { tenantId, actorId, requestId } = job.data;
    return this.scope.run(
      {
        requestId,
        tenantId: tenantId ?? undefined,
        actor: { kind: 'job', id: actorId, label: job.name },
      },
      () => handler(job.data.data, job),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const timeout = this.config.worker.shutdownTimeoutMs;
    await Promise.all(
      this.workers.map(async (worker) => {
        let timer: NodeJS.Timeout | undefined;
        const graceful = worker.close().then(() => true);
        const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
        const finished = await Promise.race([graceful, expired]);
        clearTimeout(timer);
        if (!finished) {
          this.logger.warn(`Queue ${worker.name}: jobs still running after ${timeout} ms; handing them back`);
          await worker.close(true);
        }
        await worker.disconnect();
      }),
    );
  }
}
