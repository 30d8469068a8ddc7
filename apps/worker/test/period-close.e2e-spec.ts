import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClosePeriods } from '@cong/compliance';
import { createCommandConnection, JobQueue, queuePrefix } from '@cong/platform-queue';
import { deleteRedisKeys, TestContext, until } from '@cong/testing';
import { todayIn } from '@cong/rules';
import { Queue } from 'bullmq';
import { WorkerModule } from '../src/worker.module';

/** Period close on BullMQ (issue 7): a scheduler per province in its time zone, catch-up at start, idempotent. */
describe('period close jobs (real worker and Redis)', () => {
  let ctx: TestContext;
  let laoCaiId: string;
  let worker: INestApplicationContext | undefined;

  const start = async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: ['error'], abortOnError: false });
    await worker.init();
    return worker;
  };
  // What the close jobs stored (the reports delivered after a close store the trend's earlier periods, `computed_by = 'report'`).
  const snapshots = () =>
    ctx.asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT period_kind, period_start::text, period_end::text FROM compliance_period_snapshot WHERE tenant_id = $1 AND computed_by = 'scheduled' ORDER BY period_kind`,
            [laoCaiId],
          )
        ).rows,
    );

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCaiId = await ctx.applySeed('lao-cai');
  });

  afterAll(async () => {
    await worker?.close();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
  });

  it('declares a close for each province at five past its midnight, in its own time zone, and catches up what ended while no worker ran', async () => {
    await start();
    await until(async () => (await snapshots()).length === 5, 15_000, 'catch-up close');
    const today = todayIn('Asia/Ho_Chi_Minh');
    for (const s of await snapshots()) expect(s.period_end <= today).toBe(true);
    expect((await snapshots()).map((s: { period_kind: string }) => s.period_kind).sort()).toEqual([
      'half-year',
      'month',
      'quarter',
      'week',
      'year',
    ]);

    const connection = createCommandConnection(ctx.config.redis.url, 'test-inspector');
    const compliance = new Queue('compliance', { connection, prefix: queuePrefix(ctx.config.redis.prefix) });
    const schedulers = await compliance.getJobSchedulers();
    expect(schedulers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `compliance-close-${laoCaiId}`, pattern: '5 0 * * *', tz: 'Asia/Ho_Chi_Minh' }),
        expect.objectContaining({ key: `compliance-reminders-${laoCaiId}`, pattern: '0 * * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]),
    );
    await compliance.close();
    connection.disconnect();
  });

  it('closing again — a second run, a restarted worker — stores nothing twice', async () => {
    const before = await snapshots();
    await worker!.get(JobQueue).enqueue(ClosePeriods, { tenantId: laoCaiId, idempotencyKey: 'run-again', data: {} });
    await worker!.close();
    await start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await snapshots()).toEqual(before);
  });
});
