import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createCommandConnection, queuePrefix } from '@cong/platform-queue';
import { RedisServer, TestContext, until } from '@cong/testing';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount } from '../../api/test/auth-session';
import { WorkerModule } from '../src/worker.module';

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Requests sent back to back by a few concurrent clients until stopped; the statuses they got. */
function underLoad(send: () => Promise<{ status: number }>, clients = 4): { stop: () => Promise<number[]> } {
  const statuses: number[] = [];
  let stopped = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped)
      statuses.push(
        await send().then(
          (r) => r.status,
          () => 0,
        ),
      );
  });
  return { stop: async () => ((stopped = true), await Promise.all(loops), statuses) };
}

/**
 * Issue 14, point 9 (resilience suite): Redis loses its data — killed and restarted empty, or
 * FLUSHALL — while two workers run. Without re-declaring, the publishing sweep and the compliance
 * schedulers were gone until a worker restarted. Here the workers, never restarted, declare them
 * again and a scheduled item whose delayed job went with Redis is published, once.
 * The Redis is a private redis-server of this file (no persistence), never the shared one.
 */
describe('workers when Redis loses its data (private redis-server, two workers)', () => {
  let redis: RedisServer;
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let laoCaiId: string;
  let inspector: IORedis;
  const queues: Record<'publishing' | 'compliance', Queue> = {} as never;
  const workers: INestApplicationContext[] = [];
  let editor: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // A short check interval: FLUSHALL drops no connection, so only the periodic check sees it.
    ctx = await TestContext.create({ REDIS_URL: redis.url, WORKER_SCHEDULE_CHECK_MS: '500' });
    laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, 'lao-cai');
    const admin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    editor = await invitedAccount(lc, admin, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    for (let i = 0; i < 2; i++) {
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), {
        logger: ['error'],
        abortOnError: false,
      });
      await worker.init();
      workers.push(worker);
    }
    inspector = createCommandConnection(redis.url, 'test-inspector');
    for (const name of ['publishing', 'compliance'] as const) {
      queues[name] = new Queue(name, { connection: inspector, prefix: queuePrefix(ctx.config.redis.prefix) });
      queues[name].on('error', () => undefined); // while the server is killed, on purpose
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(queues).map((q) => q.close().catch(() => undefined)));
    inspector?.disconnect();
    while (workers.length) await workers.pop()!.close();
    await api?.close();
    await ctx?.close();
    await redis?.stop();
  });

  const as = (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, editor);
  const state = async (id: string) => (await as('GET', `/content/${id}/workflow`)).body as { status: string; version: number };
  const steps = async (id: string) => (await as('GET', `/content/${id}/transitions`)).body.map((h: { action: string }) => h.action);
  const scheduleNew = async (title: string, publishAt: string) => {
    const item = (await as('POST', '/content', { site: 'so-y-te', type: 'news', title })).body as { id: string; version: number };
    const scheduled = await as('POST', `/content/${item.id}/transitions`, { action: 'schedule', version: item.version, publishAt });
    expect(scheduled.status).toBe(200);
    return item.id;
  };
  /** The schedulers the workers own: the publishing sweep, and close and reminders of Lào Cai. */
  const schedulers = async () =>
    [
      ...(await queues.publishing.getJobSchedulers()).map((s) => s.key),
      ...(await queues.compliance.getJobSchedulers()).map((s) => s.key),
    ].sort();
  const owned = () => ['workflow-sweep-schedules', `compliance-close-${laoCaiId}`, `compliance-reminders-${laoCaiId}`];
  const allDeclared = async () => {
    const keys = await schedulers();
    return owned().every((k) => keys.includes(k));
  };

  it('declares the sweep and the compliance schedulers again after Redis is killed and restarts empty, and publishes what fell due meanwhile, once', async () => {
    await until(allDeclared, 15_000, 'schedulers declared at start');
    const publishAt = Date.now() + 1500;
    const id = await scheduleNew('Tin hẹn giờ khi Redis khởi động lại', new Date(publishAt).toISOString());
    expect((await queues.publishing.getDelayed()).some((j) => (j.data.data as { itemId: string }).itemId === id)).toBe(true);

    // Citizens keep reading throughout: with Redis gone the public path reads the database.
    const load = underLoad(() => api.request('/api/v1/public/sites/so-y-te/items', { headers: { 'x-tenant': 'lao-cai' } }));
    await redis.kill();
    // While Redis is away nothing can run; the item falls due unpublished.
    await until(async () => Date.now() > publishAt + 300, 5_000, 'the publication time passing');
    expect((await state(id)).status).toBe('scheduled');

    await redis.restartEmpty();
    await until(allDeclared, 20_000, 'schedulers declared again');
    const close = await queues.compliance.getJobScheduler(`compliance-close-${laoCaiId}`);
    expect(close).toMatchObject({ pattern: '5 0 * * *', tz: 'Asia/Ho_Chi_Minh' });

    await until(async () => (await state(id)).status === 'published', 20_000, 'publication after the restart');
    // Both workers re-declared and swept at once: still one publication.
    expect(await steps(id)).toEqual(['schedule', 'publish-scheduled']);
    const statuses = await load.stop();
    expect(statuses.length).toBeGreaterThan(20);
    expect([...new Set(statuses)]).toEqual([200]);
  }, 60_000);

  it('declares them again after FLUSHALL (no reconnect: the periodic check sees it) and publishes an item that was due, once', async () => {
    await until(allDeclared, 15_000, 'schedulers declared');
    const id = await scheduleNew('Tin hẹn giờ khi Redis bị xóa sạch', inMs(10 * 60_000));
    // As if its time had come, then Redis loses everything, its delayed job included.
    await ctx.asOwner((c) => c.query(`UPDATE content_item SET publish_at = now() - interval '1 second' WHERE id = $1`, [id]));
    await inspector.flushall();

    await until(allDeclared, 15_000, 'schedulers declared after FLUSHALL');
    await until(async () => (await state(id)).status === 'published', 15_000, 'publication after FLUSHALL');
    expect(await steps(id)).toEqual(['schedule', 'publish-scheduled']);
  }, 60_000);
});
