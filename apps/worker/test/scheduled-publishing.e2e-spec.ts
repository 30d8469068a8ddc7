import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { deleteRedisKeys, MailCatcher, TestContext, until } from '@cong/testing';
import { createCommandConnection, queuePrefix } from '@cong/platform-queue';
import { Queue } from 'bullmq';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount } from '../../api/test/auth-session';
import { ItemWorkflow } from '@cong/workflow';
import { WorkerModule } from '../src/worker.module';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Scheduled publishing and unpublishing on BullMQ with real workers (issue 6), and notifications:
 * in-app, and e-mail through a real SMTP server (smtp-server) read back with mailparser.
 */
describe('scheduled publishing, embargoes and notifications (real workers, Redis, SMTP)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let smtp: MailCatcher;
  const workers: INestApplicationContext[] = [];
  const token: Record<string, string> = {};

  const startWorker = async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: ['error'], abortOnError: false });
    worker.enableShutdownHooks();
    await worker.init();
    workers.push(worker);
    return worker;
  };
  const stopWorkers = async () => {
    while (workers.length) await workers.pop()!.close();
  };

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    ctx = await TestContext.create({ SMTP_URL: smtp.url, SMTP_FROM: 'Cổng Lào Cai <congtt@laocai.gov.vn>' });
    const laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, 'lao-cai');
    token.admin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    for (const [username, roles, email] of [
      ['bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }], 'bientap.yte@laocai.gov.vn'],
      ['bbt.cong', [{ role: 'editorial_board' }], 'bbt@laocai.gov.vn'],
    ] as const) {
      token[username] = await invitedAccount(lc, token.admin, username, [...roles], { email });
    }
  });

  afterAll(async () => {
    await stopWorkers();
    await api?.close();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
    await smtp?.close();
  });

  const as = (user: string) => (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, token[user]);
  const draft = async (title: string) =>
    (await as('bientap.yte')('POST', '/content', { site: 'so-y-te', type: 'news', title })).body as { id: string; version: number };
  const state = async (id: string) => (await as('bientap.yte')('GET', `/content/${id}/workflow`)).body;
  const steps = async (id: string) =>
    (await as('bientap.yte')('GET', `/content/${id}/transitions`)).body.map(
      (h: { action: string; actionLabel: string; actorLabel: string }) => `${h.action} «${h.actionLabel}» (${h.actorLabel})`,
    );
  const publicIds = async () =>
    (await api.request('/api/v1/public/sites/so-y-te/items', { headers: { 'x-tenant': 'lao-cai' } })).body.items.map(
      (i: { id: string }) => i.id,
    );
  const schedule = (id: string, version: number, publishAt: string, unpublishAt?: string) =>
    as('bientap.yte')('POST', `/content/${id}/transitions`, {
      action: 'schedule',
      version,
      publishAt,
      ...(unpublishAt ? { unpublishAt } : {}),
    });

  it('publishes a scheduled item once, with two workers running; the public sees it at once', async () => {
    await startWorker();
    await startWorker();
    const item = await draft('Lịch tiêm chủng tuần tới');
    const scheduled = await schedule(item.id, item.version, inMs(1500));
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ state: { id: 'scheduled' }, status: 'scheduled' });
    expect(scheduled.body.publishAtLocal).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(GMT\+7\)$/);
    // Scheduling the same version again is refused, and enqueuing the same job twice runs it once.
    expect((await schedule(item.id, item.version, inMs(1500))).status).toBe(409);
    await until(async () => (await state(item.id)).status === 'published', 15_000, 'publication');
    await sleep(1000);
    expect(await steps(item.id)).toEqual(['schedule «Hẹn giờ đăng» (bientap.yte)', 'publish-scheduled «Đăng theo lịch» (Đăng theo lịch)']);
    expect(await publicIds()).toContain(item.id);
  });

  it('two workers running the same scheduled step at the same moment publish it once', async () => {
    const item = await draft('Hai worker cùng chạy một lịch');
    await schedule(item.id, item.version, inMs(60_000));
    const laoCai = (await ctx.tenants.findByCode('lao-cai'))!;
    const later = new Date(Date.now() + 120_000); // as if the time had come
    const results = await Promise.all(
      workers.slice(0, 2).map((w) => w.get(ItemWorkflow).runSchedule(laoCai.id, laoCai.timezone, item.id, 'publish', later)),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await steps(item.id)).toEqual(['schedule «Hẹn giờ đăng» (bientap.yte)', 'publish-scheduled «Đăng theo lịch» (Đăng theo lịch)']);
  });

  it('a cancelled schedule never fires; a moved one fires at its new time only', async () => {
    const cancelled = await draft('Thông báo sẽ bị hủy hẹn giờ');
    const s1 = await schedule(cancelled.id, cancelled.version, inMs(1200));
    expect(
      (await as('bientap.yte')('POST', `/content/${cancelled.id}/transitions`, { action: 'unschedule', version: s1.body.version })).status,
    ).toBe(200);

    const moved = await draft('Tin được dời giờ đăng');
    const s2 = await schedule(moved.id, moved.version, inMs(60_000));
    const rescheduled = await as('bientap.yte')('PUT', `/content/${moved.id}/schedule`, {
      version: s2.body.version,
      publishAt: inMs(1200),
    });
    expect(rescheduled.status).toBe(200);
    await until(async () => (await state(moved.id)).status === 'published', 15_000, 'moved publication');
    await sleep(1000);
    expect((await state(cancelled.id)).status).toBe('draft');
    expect(await steps(cancelled.id)).toEqual(['schedule «Hẹn giờ đăng» (bientap.yte)', 'unschedule «Hủy hẹn giờ» (bientap.yte)']);
    expect(await steps(moved.id)).toEqual([
      'schedule «Hẹn giờ đăng» (bientap.yte)',
      'reschedule «Đổi lịch đăng» (bientap.yte)',
      'publish-scheduled «Đăng theo lịch» (Đăng theo lịch)',
    ]);
    const past = await as('bientap.yte')('PUT', `/content/${moved.id}/schedule`, {
      version: (await state(moved.id)).version,
      publishAt: inMs(60_000),
    });
    expect([past.status, past.body.code]).toEqual([409, 'WORKFLOW_ACTION_NOT_POSSIBLE']);
  });

  it('publishes what fell due while no worker ran, once one starts — from its delayed job, or from the sweep if Redis lost the job', async () => {
    await stopWorkers();
    const waited = await draft('Tin hẹn giờ khi worker tạm dừng');
    const lost = await draft('Tin hẹn giờ mà Redis làm mất lịch');
    await schedule(waited.id, waited.version, inMs(800));
    await schedule(lost.id, lost.version, inMs(800));
    const connection = createCommandConnection(ctx.config.redis.url, 'test-inspector');
    const publishing = new Queue('publishing', { connection, prefix: queuePrefix(ctx.config.redis.prefix) });
    const lostJob = (await publishing.getDelayed()).find((j) => (j.data.data as { itemId: string }).itemId === lost.id)!;
    await lostJob.remove();
    await publishing.close();
    connection.disconnect();
    await sleep(1500);
    expect((await state(waited.id)).status).toBe('scheduled');
    await startWorker();
    await until(async () => (await state(waited.id)).status === 'published', 15_000, 'late publication from its job');
    await until(async () => (await state(lost.id)).status === 'published', 15_000, 'late publication by the sweep');
  });

  it('takes an item down at its embargo’s end, with the reason recorded', async () => {
    const item = await draft('Thông tin có thời hạn');
    const published = await as('bientap.yte')('POST', `/content/${item.id}/transitions`, {
      action: 'publish',
      version: item.version,
      unpublishAt: inMs(1200),
    });
    expect(published.body.unpublishAt).not.toBeNull();
    expect(await publicIds()).toContain(item.id);
    await until(async () => (await state(item.id)).status === 'withdrawn', 15_000, 'embargo end');
    // The worker clears the public cache after its commit and tells the API's process over Redis: a read in between may still be the cached one.
    await until(async () => !(await publicIds()).includes(item.id), 5_000, 'the public list without the item');
    const history = (await as('bientap.yte')('GET', `/content/${item.id}/transitions`)).body;
    expect(history[1]).toMatchObject({
      action: 'take-down',
      actorLabel: 'Gỡ theo lịch',
      comment: 'Hết thời hạn đăng: gỡ theo lịch đã đặt.',
    });
  });

  it('tells reviewers when something awaits them and authors what became of theirs, in-app and by e-mail', async () => {
    const item = (
      await as('bientap.yte')('POST', '/content', {
        site: 'portal',
        unit: 'so-y-te',
        type: 'news',
        title: 'Đóng góp cho Cổng: hội nghị y tế',
      })
    ).body;
    const submitted = await as('bientap.yte')('POST', `/content/${item.id}/transitions`, { action: 'submit', version: item.version });
    const board = await as('bbt.cong')('GET', '/notifications?unread=true');
    expect(board.body.unread).toBeGreaterThanOrEqual(1);
    expect(board.body.items[0]).toMatchObject({
      kind: 'workflow.awaiting_review',
      title: 'Tin bài chờ xử lý: Đóng góp cho Cổng: hội nghị y tế',
      subjectId: item.id,
    });
    const queue = await as('bbt.cong')('GET', '/workflow/queue');
    expect(queue.body.counts).toEqual(
      expect.arrayContaining([{ workflow: 'portal-contribution', state: 'board-review', label: 'Chờ Ban biên tập duyệt', count: 1 }]),
    );
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await as('bientap.yte')('GET', '/workflow/queue')).body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);

    await as('bbt.cong')('POST', `/content/${item.id}/transitions`, {
      action: 'return',
      version: submitted.body.version,
      comment: 'Cần bổ sung ảnh',
    });
    const author = await as('bientap.yte')('GET', '/notifications');
    expect(author.body.items[0]).toMatchObject({
      kind: 'workflow.returned',
      title: 'Tin bài bị trả lại: Đóng góp cho Cổng: hội nghị y tế',
    });
    expect(author.body.items[0].body).toContain('Cần bổ sung ảnh');
    // Returned to its author: it is in the author's queue now.
    expect((await as('bientap.yte')('GET', '/workflow/queue')).body.items.map((i: { id: string }) => i.id)).toContain(item.id);

    await until(
      async () => smtp.mail.some((m) => m.subject?.includes('bị trả lại')) && smtp.mail.some((m) => m.subject?.includes('chờ xử lý')),
      15_000,
      'e-mails',
    );
    const toBoard = smtp.mail.find((m) => m.subject === 'Tin bài chờ xử lý: Đóng góp cho Cổng: hội nghị y tế')!;
    expect(toBoard.to).toMatchObject({ value: [{ address: 'bbt@laocai.gov.vn', name: 'Cán bộ bbt.cong' }] });
    expect(toBoard.from?.value[0].address).toBe('congtt@laocai.gov.vn');
    expect(smtp.mail.find((m) => m.subject?.includes('bị trả lại'))!.text).toContain('Cần bổ sung ảnh');

    const id = author.body.items[0].id;
    expect((await as('bientap.yte')('POST', `/notifications/${id}/read`)).status).toBe(204);
    expect((await as('bbt.cong')('POST', `/notifications/${id}/read`)).status).toBe(404); // not theirs
    expect((await as('bientap.yte')('POST', '/notifications/read-all')).status).toBe(204);
    expect((await as('bientap.yte')('GET', '/notifications')).body.unread).toBe(0);
    expect((await as('bientap.yte')('GET', '/notifications?unread=maybe')).status).toBe(422);

    const resubmitted = await as('bientap.yte')('POST', `/content/${item.id}/transitions`, {
      action: 'submit',
      version: (await state(item.id)).version,
    });
    await as('bbt.cong')('POST', `/content/${item.id}/transitions`, { action: 'approve', version: resubmitted.body.version });
    expect((await as('bientap.yte')('GET', '/notifications?unread=true')).body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'workflow.published',
    ]);
  });
});
