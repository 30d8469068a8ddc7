import { Membership, TenantRole, User } from '@cong/accounts';
import { ExecutionScope } from '@cong/platform-context';
import { createCommandConnection, JobQueue } from '@cong/platform-queue';
import { deleteRedisKeys, MailCatcher, TestContext, until } from '@cong/testing';
import { applyUnitTree } from '@cong/units';
import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import type IORedis from 'ioredis';
import { EntityManager } from 'typeorm';
import { MailDelivery, SendNotificationEmail } from './mail-delivery';
import { Notification } from './notification.entity';
import { Notifier } from './notifier.service';

describe('Notifier: who holds a role for a unit, notifications in the caller’s transaction, e-mail after commit', () => {
  let ctx: TestContext;
  let tenantId: string;
  let otherTenantId: string;
  let redis: IORedis;
  let queue: JobQueue;
  let notifier: Notifier;
  let catcher: MailCatcher;
  const unit: Record<string, string> = {};
  const people: Record<string, string> = {};
  const inTenant = <T>(work: (m: EntityManager) => Promise<T>) => ctx.db.transaction(tenantId, work);

  const person = async (name: string, roles: [TenantRole, string | null][], changes: Partial<User> = {}, tenant = tenantId) =>
    ctx.db.transaction(tenant, async (m) => {
      const user = await m.getRepository(User).save(
        m.getRepository(User).create({
          tenantId: tenant,
          username: name,
          displayName: `Ông ${name}`,
          email: `${name}@example.vn`,
          status: 'active',
          ...changes,
        }),
      );
      for (const [role, unitId] of roles)
        await m.getRepository(Membership).save(m.getRepository(Membership).create({ tenantId: tenant, userId: user.id, role, unitId }));
      return user.id;
    });

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    ctx = await TestContext.create({ SMTP_URL: catcher.url });
    tenantId = (await ctx.newTenant()).id;
    otherTenantId = (await ctx.newTenant()).id;
    await inTenant((m) =>
      applyUnitTree(m, tenantId, [
        { code: 'ubnd', name: 'UBND', kind: 'ubnd', tags: [] },
        { code: 'so-y-te', name: 'Sở Y tế', kind: 'so', parent: 'ubnd', tags: [] },
        { code: 'bv', name: 'Bệnh viện', kind: 'bv', parent: 'so-y-te', tags: [] },
        { code: 'so-gd', name: 'Sở GD', kind: 'so', parent: 'ubnd', tags: [] },
      ]),
    );
    for (const u of await inTenant((m) => m.query('SELECT id, code FROM units_unit WHERE tenant_id = $1', [tenantId]))) unit[u.code] = u.id;
    people.board = await person('board', [['editorial_board', null]]);
    people.headYTe = await person('head-yte', [['unit_head', unit['so-y-te']]]);
    people.headBv = await person('head-bv', [['unit_head', unit.bv]]);
    people.headGd = await person('head-gd', [['unit_head', unit['so-gd']]]);
    people.editorYTe = await person('editor-yte', [['unit_editor', unit['so-y-te']]]);
    people.disabledHead = await person('disabled-head', [['unit_head', unit['so-y-te']]], { status: 'disabled' });
    people.twoRoles = await person('two-roles', [
      ['unit_head', unit['so-y-te']],
      ['editorial_board', null],
    ]);
    people.noEmail = await person('no-email', [], { email: null });
    people.elsewhere = await person('elsewhere', [['editorial_board', null]], {}, otherTenantId);

    redis = createCommandConnection(ctx.config.redis.url, 'notifier-spec');
    queue = new JobQueue(ctx.config, redis, new ExecutionScope(new ClsService(new AsyncLocalStorage())));
    notifier = new Notifier(queue);
  });
  afterAll(async () => {
    await queue?.onApplicationShutdown();
    await redis?.quit();
    if (ctx) await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
    await catcher?.close();
  });

  it('holders: active people with the role province-wide, or at the unit or a unit above it — each once', async () => {
    const lineageOfBv = [unit.bv, unit['so-y-te'], unit.ubnd];
    const heads = await inTenant((m) => notifier.holders(m, tenantId, ['unit_head'], lineageOfBv));
    expect(heads.sort()).toEqual([people.headBv, people.headYTe, people.twoRoles].sort());
    const reviewers = await inTenant((m) => notifier.holders(m, tenantId, ['unit_head', 'editorial_board'], lineageOfBv));
    expect(reviewers.sort()).toEqual([people.board, people.headBv, people.headYTe, people.twoRoles].sort());
  });

  it('holders: a unit role does not reach up or sideways, and a disabled account is left out', async () => {
    const atSoYTe = await inTenant((m) => notifier.holders(m, tenantId, ['unit_head'], [unit['so-y-te'], unit.ubnd]));
    expect(atSoYTe).not.toContain(people.headBv);
    expect(atSoYTe).not.toContain(people.headGd);
    expect(atSoYTe).not.toContain(people.disabledHead);
    expect(atSoYTe.sort()).toEqual([people.headYTe, people.twoRoles].sort());
    await expect(inTenant((m) => notifier.holders(m, tenantId, [], [unit.bv]))).resolves.toEqual([]);
  });

  it('holders: never someone of another province, even with the same role', async () => {
    const board = await inTenant((m) => notifier.holders(m, tenantId, ['editorial_board'], []));
    expect(board.sort()).toEqual([people.board, people.twoRoles].sort());
  });

  it('notify writes one notification per person inside the caller’s transaction: rolled back with it, kept when it commits', async () => {
    await expect(
      inTenant(async (m) => {
        const written = await notifier.notify(m, tenantId, [people.board, people.board, people.headYTe], {
          kind: 'spec.rolled-back',
          title: 'Không còn',
        });
        expect(written).toHaveLength(2);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    await expect(inTenant((m) => m.getRepository(Notification).countBy({ tenantId, kind: 'spec.rolled-back' }))).resolves.toBe(0);

    const subject = { type: 'content_item', id: '00000000-0000-4000-8000-000000000042' };
    const kept = await inTenant((m) =>
      notifier.notify(m, tenantId, new Set([people.headYTe]), { kind: 'spec.kept', title: 'Có bài chờ duyệt', body: 'Mời xem.', subject }),
    );
    const [stored] = await inTenant((m) => m.getRepository(Notification).findBy({ tenantId, kind: 'spec.kept' }));
    expect(stored).toMatchObject({
      id: kept[0].id,
      userId: people.headYTe,
      title: 'Có bài chờ duyệt',
      body: 'Mời xem.',
      subjectType: 'content_item',
      subjectId: subject.id,
      readAt: null,
    });
    await expect(inTenant((m) => notifier.notify(m, tenantId, [], { kind: 'spec.none', title: 'x' }))).resolves.toEqual([]);
  });

  it('mail queues one job per committed notification, keyed by its id: queuing twice sends once', async () => {
    const written = await inTenant((m) => notifier.notify(m, tenantId, [people.board, people.headGd], { kind: 'spec.mail', title: 'Thư' }));
    await notifier.mail(written);
    await notifier.mail(written);
    for (const n of written) {
      const job = await queue.find(SendNotificationEmail, tenantId, n.id);
      expect(job?.data).toMatchObject({ tenantId, idempotencyKey: n.id, data: { notificationId: n.id } });
    }
    const waiting = await queue.queue('notifications').getJobs(['waiting', 'delayed', 'prioritized']);
    expect(waiting.filter((j) => written.some((n) => j.data.data.notificationId === n.id))).toHaveLength(2);
  });

  it('the worker’s delivery e-mails an active recipient with an address, and nobody else', async () => {
    const delivery = new MailDelivery(ctx.config, ctx.db);
    try {
      const [toHead, toNobody, toDisabled] = await inTenant(async (m) => [
        ...(await notifier.notify(m, tenantId, [people.headYTe], {
          kind: 'spec.smtp',
          title: 'Bài mới chờ duyệt',
          body: 'Có một bài mới.',
        })),
        ...(await notifier.notify(m, tenantId, [people.noEmail], { kind: 'spec.smtp', title: 'Không gửi' })),
        ...(await notifier.notify(m, tenantId, [people.disabledHead], { kind: 'spec.smtp', title: 'Không gửi' })),
      ]);
      await expect(delivery.send({ notificationId: toHead.id }, { data: { tenantId } })).resolves.toBe('sent');
      await expect(delivery.send({ notificationId: toNobody.id }, { data: { tenantId } })).resolves.toBe('no-recipient');
      await expect(delivery.send({ notificationId: toDisabled.id }, { data: { tenantId } })).resolves.toBe('no-recipient');
      // Another province's transaction cannot see the notification: nothing is sent from there.
      await expect(delivery.send({ notificationId: toHead.id }, { data: { tenantId: otherTenantId } })).resolves.toBe('no-recipient');
      await until(() => catcher.mail.length >= 1, 5_000, 'the e-mail');
      expect(catcher.mail).toHaveLength(1);
      const [mail] = catcher.mail;
      expect(mail.subject).toBe('Bài mới chờ duyệt');
      expect(mail.text?.trim()).toBe('Có một bài mới.');
      expect(mail.headers.get('x-cong-notification')).toBe(toHead.id);
      expect(JSON.stringify(mail.to)).toContain('head-yte@example.vn');
    } finally {
      delivery.onApplicationShutdown();
    }
  });
});
