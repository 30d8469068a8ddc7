import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SuspendInactiveAccounts } from '@cong/accounts';
import { AuditChainVerifier } from '@cong/platform-audit';
import { createCommandConnection, JobQueue, jobIdFor, queuePrefix } from '@cong/platform-queue';
import { deleteRedisKeys, TestContext } from '@cong/testing';
import { formatProblem, parseTenantDefinition } from '@cong/rules';
import { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { WorkerModule } from '../src/worker.module';

const SEED = (file: string) => readFileSync(join(__dirname, '../../../tenants/nghe-an', file), 'utf8');
const SEED_SESSIONS = '  sessions: { accessTokenMinutes: 15, absoluteHours: 336, idleMinutes: 480 }\n';

/**
 * Issue 14: accounts unused for the province's `suspendAfterInactiveDays` are suspended by a daily
 * per-province job on real BullMQ; sign-in is refused until the IT centre lifts the suspension.
 */
describe('suspension of unused accounts (issue 14; real worker, API and Redis)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let worker: INestApplicationContext;
  let queue: Queue;
  let inspector: ReturnType<typeof createCommandConnection>;
  let ngheAnId: string;
  let laoCaiId: string;
  let na: Caller;
  let lc: Caller;
  let naAdmin: { accessToken: string; user: { id: string } };
  let lcAdmin: { accessToken: string };
  let staleToken: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    if (!SEED('tenant.yaml').includes(SEED_SESSIONS)) throw new Error('the seed no longer has the sessions line this test extends');
    // Nghệ An's seed with the rule added, as a province would write it; Lào Cai's seed has none.
    const parsed = parseTenantDefinition({
      rules: SEED('tenant.yaml').replace(SEED_SESSIONS, `${SEED_SESSIONS}  suspendAfterInactiveDays: 45\n`),
      units: SEED('units.yaml'),
    });
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    ngheAnId = (await ctx.applyDefinition(parsed.definition)).tenantId!;
    laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    lc = new Caller(api, 'lao-cai');
    naAdmin = await readyAccount(ctx, na, 'it.nghean', ngheAnId);
    lcAdmin = await readyAccount(ctx, lc, 'it.laocai', laoCaiId);
    staleToken = await invitedAccount(na, naAdmin.accessToken, 'can.bo.cu', []);
    await invitedAccount(na, naAdmin.accessToken, 'can.bo.moi', []);
    await invitedAccount(lc, lcAdmin.accessToken, 'can.bo.laocai', []);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: ['error'], abortOnError: false });
    await worker.init();
    inspector = createCommandConnection(ctx.config.redis.url, 'test-inspector');
    queue = new Queue('accounts', { connection: inspector, prefix: queuePrefix(ctx.config.redis.prefix) });
  });

  afterAll(async () => {
    await queue?.close();
    inspector?.disconnect();
    await worker?.close();
    await api?.close();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
  });

  /** As if the account was last used (and created) that many days ago. */
  const lastUsed = (tenantId: string, username: string, days: number) =>
    ctx.asOwner((c) =>
      c.query(
        `UPDATE accounts_user SET created_at = now() - make_interval(days => $3), last_login_at = now() - make_interval(days => $3) WHERE tenant_id = $1 AND username = $2`,
        [tenantId, username, days],
      ),
    );
  const stored = async (tenantId: string, username: string) =>
    ctx.asOwner(
      async (c) =>
        (
          await c.query(`SELECT id, status, suspended_at, last_reinstated_at FROM accounts_user WHERE tenant_id = $1 AND username = $2`, [
            tenantId,
            username,
          ])
        ).rows[0],
    );
  const audited = (action: string, subjectId: string) =>
    ctx.asOwner(
      async (c) =>
        (
          await c.query(`SELECT actor_label, details FROM audit_entry WHERE action = $1 AND subject_id = $2 ORDER BY seq`, [
            action,
            subjectId,
          ])
        ).rows,
    );
  /** Runs the job for a province on the real worker and returns what the handler answered. */
  const runJob = async (tenantId: string, key: string): Promise<string> => {
    await worker.get(JobQueue).enqueue(SuspendInactiveAccounts, { tenantId, idempotencyKey: key, data: {} });
    const id = jobIdFor(SuspendInactiveAccounts.name, tenantId, key);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const job = await queue.getJob(id);
      const state = job ? await job.getState() : 'missing';
      // Read again once completed: the copy fetched while it ran has no return value yet.
      if (state === 'completed') return (await queue.getJob(id))!.returnvalue as string;
      if (state === 'failed') throw new Error(`job failed: ${job!.failedReason}`);
      if (Date.now() > deadline) throw new Error(`job ${id} still ${state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('is declared daily for every province at 00:30 in its own time zone', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `accounts-suspend-inactive-${ngheAnId}`, pattern: '30 0 * * *', tz: 'Asia/Ho_Chi_Minh' }),
        expect.objectContaining({ key: `accounts-suspend-inactive-${laoCaiId}`, pattern: '30 0 * * *', tz: 'Asia/Ho_Chi_Minh' }),
      ]),
    );
  });

  it('issue 14: the job suspends an account unused for 46 days (45 allowed), ends its sessions and audits it; others stay', async () => {
    await lastUsed(ngheAnId, 'can.bo.cu', 46);
    await lastUsed(ngheAnId, 'can.bo.moi', 44);
    await lastUsed(laoCaiId, 'can.bo.laocai', 400);

    expect(await runJob(ngheAnId, 'first-run')).toBe('1 suspended');
    expect(await runJob(laoCaiId, 'first-run')).toBe('0 suspended');
    const suspended = await stored(ngheAnId, 'can.bo.cu');
    expect(suspended).toMatchObject({ status: 'suspended', suspended_at: expect.any(Date) });
    expect((await stored(ngheAnId, 'can.bo.moi')).status).toBe('active');
    expect((await stored(laoCaiId, 'can.bo.laocai')).status).toBe('active');

    // Its sessions ended at once: the access token it held no longer works.
    expect((await na.send('GET', '/api/v1/auth/me', undefined, staleToken)).body.code).toBe('AUTH_SESSION_ENDED');
    const [entry] = await audited('accounts.user_suspended', suspended.id);
    expect(entry).toEqual({
      actor_label: 'platform',
      details: { username: 'can.bo.cu', inactiveDays: 45, lastActiveAt: expect.any(String) },
    });
    // Running again suspends nobody twice.
    expect(await runJob(ngheAnId, 'second-run')).toBe('0 suspended');
    expect(await audited('accounts.user_suspended', suspended.id)).toHaveLength(1);
  });

  it('issue 14: a suspended account cannot sign in: a 403 in Vietnamese saying to contact the IT centre, audited as a failed sign-in', async () => {
    const refused = await na.login('can.bo.cu', STRONG_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'AUTH_ACCOUNT_SUSPENDED',
      detail: 'Tài khoản đã bị tạm ngưng vì không được sử dụng quá 45 ngày. Hãy liên hệ Trung tâm CNTT để được mở lại tài khoản.',
    });
    // A wrong password learns nothing about the account's state.
    expect((await na.login('can.bo.cu', 'sai-mat-khau-roi')).body.code).toBe('AUTH_SIGN_IN_FAILED');
    const { id } = await stored(ngheAnId, 'can.bo.cu');
    const failures = await audited('auth.sign_in_failed', id);
    expect(failures.map((f: { details: { reason: string } }) => f.details.reason)).toEqual(['suspended for inactivity', 'wrong password']);
  });

  it("issue 14: the IT centre lists its suspended accounts; another province's admin sees none of them and cannot lift them", async () => {
    const listed = await na.send('GET', '/api/v1/users?status=suspended', undefined, naAdmin.accessToken);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ username: 'can.bo.cu', status: 'suspended', suspendedAt: expect.any(String) })]);
    const all = await na.send('GET', '/api/v1/users', undefined, naAdmin.accessToken);
    expect(all.body.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['can.bo.cu', 'can.bo.moi', 'it.nghean']));
    const bad = await na.send('GET', '/api/v1/users?status=tam-ngung', undefined, naAdmin.accessToken);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([422, 'status']);
    const misspelt = await na.send('GET', '/api/v1/users?stauts=suspended', undefined, naAdmin.accessToken);
    expect([misspelt.status, misspelt.body.errors?.[0]?.field]).toEqual([422, 'stauts']);

    const { id } = await stored(ngheAnId, 'can.bo.cu');
    const foreignList = await lc.send('GET', '/api/v1/users?status=suspended', undefined, lcAdmin.accessToken);
    expect([foreignList.status, foreignList.body]).toEqual([200, []]);
    expect((await lc.send('GET', `/api/v1/users/${id}`, undefined, lcAdmin.accessToken)).status).toBe(404);
    const foreignLift = await lc.send('POST', `/api/v1/users/${id}/lift-suspension`, undefined, lcAdmin.accessToken);
    expect([foreignLift.status, foreignLift.body.code]).toEqual([404, 'ACCOUNTS_USER_NOT_FOUND']);
    // Nor with Lào Cai's token sent to Nghệ An.
    expect((await na.send('POST', `/api/v1/users/${id}/lift-suspension`, undefined, lcAdmin.accessToken)).body.code).toBe(
      'AUTH_WRONG_SCOPE',
    );
    // Staff without users.manage cannot lift either.
    const colleague = (await na.login('can.bo.moi', STRONG_PASSWORD)).body.accessToken;
    expect((await na.send('POST', `/api/v1/users/${id}/lift-suspension`, undefined, colleague)).status).toBe(403);
    expect((await stored(ngheAnId, 'can.bo.cu')).status).toBe('suspended');
  });

  it('issue 14: the IT centre lifts the suspension (audited); the inactivity clock restarts, and the account signs in again', async () => {
    const { id } = await stored(ngheAnId, 'can.bo.cu');
    const lifted = await na.send('POST', `/api/v1/users/${id}/lift-suspension`, undefined, naAdmin.accessToken);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ username: 'can.bo.cu', status: 'active', suspendedAt: null });
    expect(await audited('accounts.user_suspension_lifted', id)).toEqual([
      { actor_label: 'it.nghean', details: { username: 'can.bo.cu', suspendedAt: expect.any(String) } },
    ]);
    const again = await na.send('POST', `/api/v1/users/${id}/lift-suspension`, undefined, naAdmin.accessToken);
    expect([again.status, again.body.code]).toEqual([409, 'ACCOUNTS_NOT_SUSPENDED']);
    expect((await na.send('POST', `/api/v1/users/${naAdmin.user.id}/lift-suspension`, undefined, naAdmin.accessToken)).status).toBe(409);

    // Its last sign-in is still 46 days back, but the clock counts from the lift: the next run leaves it.
    expect((await stored(ngheAnId, 'can.bo.cu')).last_reinstated_at).toEqual(expect.any(Date));
    expect(await runJob(ngheAnId, 'after-lift')).toBe('0 suspended');
    const signedIn = await na.login('can.bo.cu', STRONG_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect((await na.send('GET', '/api/v1/auth/me', undefined, signedIn.body.accessToken)).body.username).toBe('can.bo.cu');
  });

  it("issue 14: the province's last IT-centre account is never suspended, so someone can always lift the others", async () => {
    await lastUsed(ngheAnId, 'it.nghean', 90);
    await lastUsed(ngheAnId, 'can.bo.moi', 90);
    expect(await runJob(ngheAnId, 'everyone-idle')).toBe('1 suspended');
    expect((await stored(ngheAnId, 'it.nghean')).status).toBe('active');
    expect((await stored(ngheAnId, 'can.bo.moi')).status).toBe('suspended');
    // And every suspension, failure and lift is in Nghệ An's audit chain, which still verifies.
    const report = await ctx.db.transaction(ngheAnId, (m) => new AuditChainVerifier().verify(m, ngheAnId));
    expect(report).toMatchObject({ ok: true });
  });
});
