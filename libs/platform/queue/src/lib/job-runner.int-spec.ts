import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { ConfigModule } from '@cong/platform-config';
import { ContextModule, ExecutionScope } from '@cong/platform-context';
import { AppConfig } from '@cong/platform-config';
import { deleteRedisKeys, until } from '@cong/testing/redis';
import { randomBytes } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import { HandlesJob } from './handles-job.decorator';
import { defineJob, JobEnvelope, jobIdFor } from './job-definition';
import { JobQueue } from './job-queue';
import { JobHandlerRegistryError, JobRunner } from './job-runner';
import { QueueModule } from './queue.module';
import { queuePrefix } from './redis-connection';
import { RetryPolicies } from './retry-policies';

const RecordVisit = defineJob<{ note: string }>('testing.record-visit', 'notifications', RetryPolicies.standard);
const SlowWork = defineJob<{ ms: number }>('testing.slow-work', 'reports', RetryPolicies.once);

const seen: { note: string; tenantId?: string; requestId?: string; actor?: string }[] = [];
const slow = { started: 0, finished: 0 };

@Injectable()
class TestHandlers {
  constructor(private readonly scope: ExecutionScope) {}

  @HandlesJob(RecordVisit)
  async recordVisit(data: { note: string }) {
    seen.push({ note: data.note, tenantId: this.scope.tenantId, requestId: this.scope.requestId, actor: this.scope.actor?.label });
  }

  @HandlesJob(SlowWork)
  async slowWork(data: { ms: number }, _job: Job<JobEnvelope<{ ms: number }>>) {
    slow.started++;
    await new Promise((r) => setTimeout(r, data.ms));
    slow.finished++;
    return 'done';
  }
}

describe('jobs on BullMQ (real Redis)', () => {
  // No TestContext: it loads every domain library, and those declare jobs this worker has no handlers for.
  let ctx: { config: AppConfig };
  let worker: INestApplicationContext;

  const startWorker = async () => {
    @Module({ providers: [TestHandlers] })
    class HandlersModule {}
    const app = await NestFactory.createApplicationContext(
      {
        module: class WorkerUnderTest {},
        imports: [ConfigModule.forRoot(ctx.config), ContextModule, QueueModule.forWorker(), HandlersModule],
      },
      { logger: false },
    );
    app.enableShutdownHooks();
    await app.init();
    return app;
  };

  beforeAll(async () => {
    ctx = {
      config: AppConfig.fromEnvironment({
        NODE_ENV: 'test',
        REDIS_URL: process.env.REDIS_URL,
        REDIS_PREFIX: `cong-test:${randomBytes(6).toString('hex')}`,
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: '5000',
      }),
    };
  });
  afterAll(async () => {
    await worker?.close();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
  });

  it('discovers exactly the declared handlers', async () => {
    worker = await startWorker();
    expect(worker.get(JobRunner).handledJobs()).toEqual(['testing.record-visit', 'testing.slow-work']);
  });

  it('runs a job enqueued twice with the same idempotency key once, in its tenant scope', async () => {
    const queue = worker.get(JobQueue);
    const scope = worker.get(ExecutionScope);
    const tenantId = '7a1c2d9e-0000-4000-8000-000000000001';
    const ids = await scope.run({ requestId: 'req-from-http-1' }, async () => [
      await queue.enqueue(RecordVisit, { tenantId, idempotencyKey: 'item-1:rev-3', data: { note: 'first' } }),
      await queue.enqueue(RecordVisit, { tenantId, idempotencyKey: 'item-1:rev-3', data: { note: 'second' } }),
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]).not.toContain(':');
    await until(() => seen.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([{ note: 'first', tenantId, requestId: 'req-from-http-1', actor: 'testing.record-visit' }]);
  });

  it('runs a scheduled job no earlier than asked, and a cancelled one never', async () => {
    const queue = worker.get(JobQueue);
    const tenantId = '7a1c2d9e-0000-4000-8000-000000000002';
    const runAt = new Date(Date.now() + 400);
    await queue.enqueue(RecordVisit, { tenantId, idempotencyKey: 'scheduled', data: { note: 'scheduled' }, runAt });
    await queue.enqueue(RecordVisit, { tenantId, idempotencyKey: 'cancelled', data: { note: 'cancelled' }, runAt });
    expect(await queue.cancel(RecordVisit, tenantId, 'cancelled')).toBe(true);
    await until(() => seen.some((s) => s.note === 'scheduled'));
    expect(Date.now()).toBeGreaterThanOrEqual(runAt.getTime());
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((s) => s.note === 'cancelled')).toEqual([]);
  });

  it('lets an in-flight job finish when the worker shuts down', async () => {
    const queue = worker.get(JobQueue);
    await queue.enqueue(SlowWork, { tenantId: null, idempotencyKey: 'slow-1', data: { ms: 700 } });
    await until(() => slow.started === 1);
    await worker.close();
    expect(slow.finished).toBe(1);
    const fresh = new Queue(SlowWork.queue, { connection: { url: ctx.config.redis.url }, prefix: queuePrefix(ctx.config.redis.prefix) });
    try {
      const job = await fresh.getJob(jobIdFor(SlowWork.name, null, 'slow-1'));
      expect(await job?.getState()).toBe('completed');
      expect(job?.returnvalue).toBe('done');
    } finally {
      await fresh.close();
    }
  });
});

describe('worker start-up checks', () => {
  it('refuses to start when a declared job has no handler', async () => {
    await jest.isolateModulesAsync(async () => {
      const q = await import('./job-definition');
      const { RetryPolicies: R } = await import('./retry-policies');
      q.defineJob('testing.orphan-job', 'feeds', R.once);
      const { JobRunner: IsolatedRunner } = await import('./job-runner');
      const runner = new IsolatedRunner(
        { getProviders: () => [] } as never,
        { getAllMethodNames: () => [] } as never,
        { get: () => undefined } as never,
        {} as never,
        {} as never,
      );
      expect(() => runner.onApplicationBootstrap()).toThrow(/job "testing.orphan-job" has no handler/);
    });
  });

  it('refuses to start when a job has two handlers', async () => {
    const def = defineJob('testing.twice-handled', 'feeds', RetryPolicies.once);
    class A {
      @HandlesJob(def) handle() {}
    }
    class B {
      @HandlesJob(def) handle() {}
    }
    const { Reflector, MetadataScanner } = await import('@nestjs/core');
    const providers = [new A(), new B()].map((instance) => ({
      instance,
      name: instance.constructor.name,
      isDependencyTreeStatic: () => true,
    }));
    const runner = new JobRunner(
      { getProviders: () => providers } as never,
      new MetadataScanner(),
      new Reflector(),
      {} as never,
      {} as never,
    );
    expect(() => runner.onApplicationBootstrap()).toThrow(JobHandlerRegistryError);
    expect(() => runner.onApplicationBootstrap()).toThrow(/"testing.twice-handled" has 2 handlers: A.handle, B.handle/);
  });
});
