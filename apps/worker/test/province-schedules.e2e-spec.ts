import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createCommandConnection, JobQueue, queuePrefix } from '@cong/platform-queue';
import { deleteRedisKeys, TestContext, until } from '@cong/testing';
import { SweepSchedules } from '@cong/workflow';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { WorkerModule } from '../src/worker.module';

/**
 * Issue 15, point 5: per-province recurring jobs follow the provinces while the worker runs — a
 * province applied since gets its schedulers (and its catch-up) within one check, one suspended
 * loses them — and the publishing sweep fans out, one job per province.
 */
describe('per-province schedules follow the provinces (real worker and Redis)', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let connection: IORedis;
  let compliance: Queue;
  let publishing: Queue;
  let laoCaiId: string;

  const schedulerKeys = async () => [...(await compliance.getJobSchedulers()), ...(await publishing.getJobSchedulers())].map((s) => s.key);
  const closedPeriods = (tenantId: string) =>
    ctx.asOwner(async (c) =>
      Number(
        (await c.query(`SELECT count(*) FROM compliance_period_snapshot WHERE tenant_id = $1 AND computed_by = 'scheduled'`, [tenantId]))
          .rows[0].count,
      ),
    );

  beforeAll(async () => {
    ctx = await TestContext.create({ WORKER_SCHEDULE_CHECK_MS: '300' });
    laoCaiId = await ctx.applySeed('lao-cai');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: ['error'], abortOnError: false });
    await worker.init();
    connection = createCommandConnection(ctx.config.redis.url, 'test-inspector');
    compliance = new Queue('compliance', { connection, prefix: queuePrefix(ctx.config.redis.prefix) });
    publishing = new Queue('publishing', { connection, prefix: queuePrefix(ctx.config.redis.prefix) });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await compliance?.close();
    await publishing?.close();
    connection?.disconnect();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
  });

  it('a province applied while the worker runs gets its close and reminder schedulers and its catch-up close, without a restart', async () => {
    await until(async () => (await schedulerKeys()).includes(`compliance-close-${laoCaiId}`), 15_000, "Lào Cai's schedulers at start");
    const ngheAnId = await ctx.applySeed('nghe-an');
    await until(
      async () => {
        const keys = await schedulerKeys();
        return keys.includes(`compliance-close-${ngheAnId}`) && keys.includes(`compliance-reminders-${ngheAnId}`);
      },
      15_000,
      "Nghệ An's schedulers after it was applied",
    );
    await until(async () => (await closedPeriods(ngheAnId)) === 5, 15_000, "Nghệ An's catch-up close");
    const close = (await compliance.getJobSchedulers()).find((s) => s.key === `compliance-close-${ngheAnId}`);
    expect(close).toMatchObject({ pattern: '5 0 * * *', tz: 'Asia/Ho_Chi_Minh' });

    // Suspended: its schedulers go; Lào Cai's stay.
    await ctx.asOwner((c) => c.query(`UPDATE tenancy_tenant SET status = 'suspended' WHERE id = $1`, [ngheAnId]));
    await until(async () => !(await schedulerKeys()).some((k) => k.endsWith(ngheAnId)), 15_000, "Nghệ An's schedulers removed");
    expect(await schedulerKeys()).toEqual(
      expect.arrayContaining([`compliance-close-${laoCaiId}`, `compliance-reminders-${laoCaiId}`, 'workflow-sweep-schedules']),
    );
    await ctx.asOwner((c) => c.query(`UPDATE tenancy_tenant SET status = 'active' WHERE id = $1`, [ngheAnId]));
    await until(async () => (await schedulerKeys()).includes(`compliance-close-${ngheAnId}`), 15_000, "Nghệ An's schedulers back");
  });

  it('the sweep fans out: one job per active province, each run once however often the sweep is enqueued', async () => {
    const queue = worker.get(JobQueue);
    await queue.enqueue(SweepSchedules, { tenantId: null, idempotencyKey: 'test-sweep', data: {} });
    const provinceSweeps = async () =>
      (await publishing.getJobs(['completed', 'active', 'waiting'])).filter(
        (j) => j.name === 'workflow.sweep-province' && j.id?.includes('test-sweep'),
      );
    await until(async () => (await provinceSweeps()).length === 2, 15_000, 'one sweep per province');
    expect(new Set((await provinceSweeps()).map((j) => j.data.tenantId)).size).toBe(2);
    await queue.enqueue(SweepSchedules, { tenantId: null, idempotencyKey: 'test-sweep', data: {} });
    await new Promise((r) => setTimeout(r, 500));
    expect(await provinceSweeps()).toHaveLength(2);
  });
});
