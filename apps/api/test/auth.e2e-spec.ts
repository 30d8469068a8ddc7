import IORedis from 'ioredis';
import { AuditLog } from '@cong/platform-audit';
import { TestContext, until } from '@cong/testing';
import { AccountAdmin, PasswordHasher } from '@cong/accounts';
import { canonicalDocument, checksumOf, formatProblem, parseTenantDefinition } from '@cong/rules';
import { Tenant } from '@cong/tenancy';
import { sign } from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount, STRONG_PASSWORD } from './auth-session';

/** A problem body without what differs between any two responses (request id). */
const sameness = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('authentication over HTTP (NA-6.1, NA-9, LC-3.1b)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let laoCai: Tenant;
  let ngheAn: Tenant;
  let lc: Caller;
  let na: Caller;
  let platform: Caller;

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCai = await ctx.newTenant({ name: 'Tỉnh Lào Cai' });
    ngheAn = await ctx.newTenant({ name: 'Tỉnh Nghệ An' });
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, laoCai.code);
    na = new Caller(api, ngheAn.code);
    platform = new Caller(api, null);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('an issued one-time password only allows changing it; the policy refuses weak and reused passwords', async () => {
    const admin = new AccountAdmin(ctx.db, new PasswordHasher(), new AuditLog());
    const { oneTimePassword } = await admin.createTenantAdmin(
      laoCai.id,
      { username: 'it.laocai', displayName: 'Trung tâm CNTT' },
      { actorId: null, actorLabel: 'test', reason: 'test fixture' },
    );
    const first = await lc.login('it.laocai', oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, mustChangePassword: true });
    const token = first.body.accessToken;

    expect((await lc.send('GET', '/api/v1/auth/me', undefined, token)).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const weak = await lc.send(
      'POST',
      '/api/v1/auth/password',
      { currentPassword: oneTimePassword, newPassword: 'it.laocai.abcdef' },
      token,
    );
    expect(weak.status).toBe(422);
    expect(weak.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Mật khẩu phải kết hợp ít nhất 3 loại ký tự: chữ thường, chữ hoa, chữ số, ký hiệu.',
      'Mật khẩu không được chứa tên đăng nhập.',
    ]);
    const same = await lc.send('POST', '/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword }, token);
    expect(same.body.errors.map((e: { message: string }) => e.message)).toContain('Mật khẩu mới phải khác mật khẩu cũ.');
    const wrongCurrent = await lc.send('POST', '/api/v1/auth/password', { currentPassword: 'not-it', newPassword: STRONG_PASSWORD }, token);
    expect(wrongCurrent.body.code).toBe('AUTH_WRONG_CURRENT_PASSWORD');

    expect(
      (await lc.send('POST', '/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: STRONG_PASSWORD }, token)).status,
    ).toBe(204);
    const me = await lc.send('GET', '/api/v1/auth/me', undefined, token);
    expect(me.body).toMatchObject({
      username: 'it.laocai',
      tenantId: laoCai.id,
      roles: ['tenant_admin'],
      memberships: [{ role: 'tenant_admin', unitId: null }],
    });
    expect((await lc.login('it.laocai', oneTimePassword)).status).toBe(401);
  });

  it('answers an unknown user, a wrong password and a locked account identically; locks after 5 failures, longer each time', async () => {
    await readyAccount(ctx, lc, 'editor.lock', laoCai.id);
    const unknown = await lc.login('nobody.here', STRONG_PASSWORD);
    const wrong = await lc.login('editor.lock', 'Sai-mật-khẩu-1');
    expect(unknown.status).toBe(401);
    expect(sameness(wrong.body)).toEqual(sameness(unknown.body));
    for (let i = 0; i < 4; i++) await lc.login('editor.lock', 'Sai-mật-khẩu-1');
    const locked = await lc.login('editor.lock', STRONG_PASSWORD);
    expect(locked.status).toBe(401);
    expect(sameness(locked.body)).toEqual(sameness(unknown.body));

    const locks = async () =>
      ctx.asOwner(async (c) =>
        (
          await c.query(
            `SELECT details FROM audit_entry WHERE action = 'auth.locked' AND details->>'source' IS NOT NULL ORDER BY occurred_at`,
          )
        ).rows.map((r) => r.details),
      );
    const [first] = await locks();
    expect(first).toMatchObject({ minutes: 15, lockouts: 1 });

    // The lock expires; five more failures lock it for twice as long.
    const redis = new IORedis(ctx.config.redis.url);
    const expire = async () => {
      for (const key of await redis.keys(`${ctx.config.redis.prefix}:lock:until:*`)) await redis.del(key);
    };
    try {
      await expire();
      for (let i = 0; i < 5; i++) await lc.login('editor.lock', 'Sai-mật-khẩu-1');
      expect((await locks())[1]).toMatchObject({ minutes: 30, lockouts: 2 });
      await expire();
    } finally {
      redis.disconnect();
    }
    expect((await lc.login('editor.lock', STRONG_PASSWORD)).status).toBe(200);
  });

  it('rotates refresh tokens; a reused one revokes the whole session at once', async () => {
    const session = await readyAccount(ctx, lc, 'editor.refresh', laoCai.id);
    const r1 = session.refreshToken;
    const second = await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: r1 });
    expect(second.status).toBe(200);
    const r2 = second.body.refreshToken;
    expect(r2).not.toBe(r1);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, second.body.accessToken)).status).toBe(200);

    const replay = await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: r1 });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_REUSED');
    expect((await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: r2 })).body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, second.body.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: 'not-a-token' })).body.code).toBe('AUTH_REFRESH_INVALID');
  });

  it('signs out at once, lists own sessions and revokes one of them', async () => {
    const a = await readyAccount(ctx, lc, 'editor.sessions', laoCai.id);
    const b = (await lc.login('editor.sessions', STRONG_PASSWORD)).body;
    const listed = await lc.send('GET', '/api/v1/auth/sessions', undefined, b.accessToken);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const other = listed.body.find((s: { current: boolean }) => !s.current);
    expect((await lc.send('DELETE', `/api/v1/auth/sessions/${other.id}`, undefined, b.accessToken)).status).toBe(204);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, a.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await lc.send('DELETE', `/api/v1/auth/sessions/${other.id}`, undefined, b.accessToken)).status).toBe(404);
    expect((await lc.send('DELETE', '/api/v1/auth/sessions/not-a-uuid', undefined, b.accessToken)).status).toBe(400);

    // Someone else's session id is "not found", not a way to sign them out.
    const stranger = await readyAccount(ctx, lc, 'editor.stranger', laoCai.id);
    const strangers = await lc.send('GET', '/api/v1/auth/sessions', undefined, stranger.accessToken);
    expect((await lc.send('DELETE', `/api/v1/auth/sessions/${strangers.body[0].id}`, undefined, b.accessToken)).status).toBe(404);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, stranger.accessToken)).status).toBe(200);

    expect((await lc.send('POST', '/api/v1/auth/logout', undefined, b.accessToken)).status).toBe(204);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, b.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it('never lets a token or refresh token of one province work in another, or at the platform', async () => {
    const session = await readyAccount(ctx, lc, 'editor.cross', laoCai.id);
    await readyAccount(ctx, na, 'editor.cross', ngheAn.id); // the same username in another province is another account
    const elsewhere = await na.send('GET', '/api/v1/auth/me', undefined, session.accessToken);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.code).toBe('AUTH_WRONG_SCOPE');
    expect((await platform.send('GET', '/api/v1/operator/auth/me', undefined, session.accessToken)).body.code).toBe('AUTH_WRONG_SCOPE');
    expect((await na.send('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, session.accessToken)).status).toBe(200);

    // Issue 14: a refusal changes nothing. Shown to the operators' refresh, the token is not retired,
    // so the owner's next refresh is no "reuse"; a rotated-out one shown elsewhere ends nothing.
    expect((await platform.send('POST', '/api/v1/operator/auth/refresh', { refreshToken: session.refreshToken })).body.code).toBe(
      'AUTH_REFRESH_INVALID',
    );
    const next = await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(next.status).toBe(200);
    expect((await platform.send('POST', '/api/v1/operator/auth/refresh', { refreshToken: session.refreshToken })).body.code).toBe(
      'AUTH_REFRESH_INVALID',
    );
    expect((await na.send('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).body.code).toBe('AUTH_REFRESH_INVALID');
    expect((await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: next.body.refreshToken })).status).toBe(200);
  });

  it('refuses bad credentials and bad bodies with a clear 4xx', async () => {
    const session = await readyAccount(ctx, lc, 'editor.input', laoCai.id);
    const missing = await lc.send('GET', '/api/v1/auth/me');
    expect([missing.status, missing.body.code]).toEqual([401, 'AUTH_UNAUTHENTICATED']);
    const malformed = await lc.send('GET', '/api/v1/auth/me', undefined, 'not.a.jwt');
    expect([malformed.status, malformed.body.code]).toEqual([401, 'AUTH_TOKEN_INVALID']);
    const forged = sign({ sid: 'x' }, 'some-other-secret-of-at-least-32-chars!', {
      subject: session.user.id,
      audience: laoCai.id,
      issuer: 'cong',
    });
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, forged)).body.code).toBe('AUTH_TOKEN_INVALID');
    const expired = sign({ sid: 'x', exp: Math.floor(Date.now() / 1000) - 60 }, ctx.config.auth.jwtSecret, {
      subject: session.user.id,
      audience: laoCai.id,
      issuer: 'cong',
    });
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, expired)).body.code).toBe('AUTH_TOKEN_EXPIRED');
    // Issue 14: signed with our key but not what we issue — no expiry, ids that are no ids — a 401, never a 500.
    const sid = (await ctx.asOwner((c) => c.query(`SELECT family_id FROM accounts_session WHERE user_id = $1 LIMIT 1`, [session.user.id])))
      .rows[0].family_id;
    const ours = (claims: object, subject: string) =>
      sign(claims, ctx.config.auth.jwtSecret, { subject, audience: laoCai.id, issuer: 'cong' });
    for (const token of [
      ours({ sid }, session.user.id),
      ours({ sid: 'x', exp: 9e9 }, session.user.id),
      ours({ sid, exp: 9e9 }, 'not-a-uuid'),
      ours({ sid: "1' OR 1=1", exp: 9e9 }, "'; DROP TABLE x; --"),
    ]) {
      const res = await lc.send('GET', '/api/v1/auth/me', undefined, token);
      expect([res.status, res.body.code]).toEqual([401, 'AUTH_TOKEN_INVALID']);
    }

    const unknownField = await lc.send('POST', '/api/v1/auth/login', {
      username: 'editor.input',
      password: STRONG_PASSWORD,
      remember: true,
    });
    expect([unknownField.status, unknownField.body.code, unknownField.body.errors[0].field]).toEqual([
      422,
      'PLATFORM_VALIDATION_FAILED',
      'remember',
    ]);
    const noPassword = await lc.send('POST', '/api/v1/auth/login', { username: 'editor.input' });
    expect([noPassword.status, noPassword.body.errors.map((e: { field: string }) => e.field)[0]]).toEqual([422, 'password']);
    // Issue 14: a malformed sign-in is still a failed one, audited.
    const audited = await ctx.asOwner((c) =>
      c.query(
        `SELECT details FROM audit_entry WHERE action = 'auth.sign_in_failed' AND details->>'reason' = 'malformed request' AND details->>'username' = 'editor.input'`,
      ),
    );
    expect(audited.rows.length).toBeGreaterThanOrEqual(1);
    // Refused before the route runs (a NUL in the username): audited all the same.
    const nul = await lc.send('POST', '/api/v1/auth/login', { username: 'editor.input\u0000', password: STRONG_PASSWORD });
    expect([nul.status, nul.body.code]).toEqual([400, 'PLATFORM_BODY_UNSAFE_TEXT']);
    const refusedEarly = async () =>
      (
        await ctx.asOwner((c) =>
          c.query(
            `SELECT 1 FROM audit_entry WHERE tenant_id = $1 AND action = 'auth.sign_in_failed' AND details->>'reason' = 'malformed request (PLATFORM_BODY_UNSAFE_TEXT)'`,
            [laoCai.id],
          ),
        )
      ).rows.length;
    await until(async () => (await refusedEarly()) > 0, 5_000, 'the audit entry of a malformed sign-in');
    expect(await refusedEarly()).toBe(1);
    const badJson = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': laoCai.code, 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect([badJson.status, badJson.body.code]).toEqual([400, 'PLATFORM_MALFORMED_JSON']);
    const notUtf8 = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': laoCai.code, 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"username": "editor.input", "password": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    });
    expect([notUtf8.status, notUtf8.body.code]).toEqual([400, 'PLATFORM_BODY_NOT_UTF8']);
    const poisoned = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': laoCai.code, 'content-type': 'application/json' },
      body: '{"username": "a", "__proto__": {"admin": true}}',
    });
    expect([poisoned.status, poisoned.body.code]).toEqual([400, 'PLATFORM_MALFORMED_JSON']);
    const empty = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': laoCai.code, 'content-type': 'application/json' },
      body: '',
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'PLATFORM_EMPTY_BODY']);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const other = await api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'x-tenant': laoCai.code, 'content-type': type },
        body: 'username=a',
      });
      expect([type, other.status, other.body.code]).toEqual([type, 415, 'PLATFORM_UNSUPPORTED_MEDIA_TYPE']);
    }
    const huge = await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: 'x'.repeat(2 * 1024 * 1024) });
    expect([huge.status, huge.body.code]).toEqual([413, 'PLATFORM_BODY_TOO_LARGE']);
    const badRefresh = await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: 42 });
    expect([badRefresh.status, badRefresh.body.errors[0].field]).toEqual([422, 'refreshToken']);
  });

  it('national operators sign in at the platform (no province) and are audited on the operator path', async () => {
    const operator = await readyAccount(ctx, platform, 'op.quocgia', null);
    const me = await platform.send('GET', '/api/v1/operator/auth/me', undefined, operator.accessToken);
    expect(me.body).toMatchObject({ username: 'op.quocgia', tenantId: null, roles: ['national_operator'] });
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, operator.accessToken)).body.code).toBe('AUTH_WRONG_SCOPE');
    // A province's sign-in never finds a national operator.
    expect((await lc.login('op.quocgia', STRONG_PASSWORD)).status).toBe(401);
    const audited = await ctx.asOwner(
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM platform_operator_access WHERE reason = 'national operator sign-in'`)).rows[0].n,
    );
    expect(audited).toBeGreaterThanOrEqual(2);
  });

  describe('session lifetimes from the rules (NA-9)', () => {
    const seed = (file: string) => readFileSync(join(__dirname, '../../../tenants/nghe-an', file), 'utf8');
    const SEED_SESSIONS = '  sessions: { accessTokenMinutes: 15, absoluteHours: 336, idleMinutes: 480 }';
    /** Nghệ An's seed with its session line replaced, as another province would write it. */
    const definitionWith = (sessions: string) => {
      if (!seed('tenant.yaml').includes(SEED_SESSIONS)) throw new Error('the seed no longer has the sessions line this test edits');
      const parsed = parseTenantDefinition({ rules: seed('tenant.yaml').replace(SEED_SESSIONS, sessions), units: seed('units.yaml') });
      if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
      return parsed.definition;
    };
    const familyOf = (refreshToken: string) => refreshToken.split('.')[0];
    /** Moves a session's rows back in time (as if signed in / last refreshed that long ago). */
    const age = (refreshToken: string, which: 'all' | 'first', interval: string) =>
      ctx.asOwner((c) =>
        c.query(
          `UPDATE accounts_session SET created_at = created_at - $2::interval
            WHERE family_id = (SELECT family_id FROM accounts_session WHERE id = $1)
              AND ($3 = 'all' OR created_at = (SELECT min(created_at) FROM accounts_session s WHERE s.family_id = accounts_session.family_id))`,
          [familyOf(refreshToken), interval, which],
        ),
      );
    const revokedReason = async (refreshToken: string) =>
      ctx.asOwner(
        async (c) =>
          (await c.query(`SELECT revoked_reason FROM accounts_session WHERE id = $1`, [familyOf(refreshToken)])).rows[0].revoked_reason,
      );
    let province: Caller;
    let provinceId: string;

    beforeAll(async () => {
      provinceId = (
        await ctx.applyDefinition(definitionWith('  sessions: { accessTokenMinutes: 15, absoluteHours: 8, idleMinutes: 30 }'), {
          actorLabel: 'test-fixture',
        })
      ).tenantId!;
      province = new Caller(api, 'nghe-an');
    });

    it('NA-9: an 8-hour session lasts 8 hours from its sign-in; a refresh after 30 idle minutes is a 401 saying so, and the session ends', async () => {
      const session = await readyAccount(ctx, province, 'totin.nghi', provinceId);
      const lifetime = await ctx.asOwner(
        async (c) =>
          (
            await c.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM accounts_session WHERE id = $1`, [
              familyOf(session.refreshToken),
            ])
          ).rows[0].seconds,
      );
      // The end is the sign-in's instant plus 8 hours; the row's created_at is its transaction's clock, which may differ by a second.
      expect(Math.abs(lifetime - 8 * 3600)).toBeLessThanOrEqual(1);
      const fresh = await province.send('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect([fresh.status, fresh.body.expiresIn]).toEqual([200, 900]);

      await age(fresh.body.refreshToken, 'all', '31 minutes');
      const idle = await province.send('POST', '/api/v1/auth/refresh', { refreshToken: fresh.body.refreshToken });
      expect(idle.status).toBe(401);
      expect(idle.headers['content-type']).toContain('application/problem+json');
      expect(idle.body).toMatchObject({
        code: 'AUTH_SESSION_IDLE',
        detail: 'Phiên đăng nhập đã kết thúc vì không được sử dụng quá 30 phút; hãy đăng nhập lại.',
      });
      // The session has ended: its access token stops at once, it is no longer listed, and a retry finds nothing.
      expect((await province.send('GET', '/api/v1/auth/me', undefined, fresh.body.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
      expect(await revokedReason(fresh.body.refreshToken)).toBe('idle lifetime reached');
      expect((await province.send('POST', '/api/v1/auth/refresh', { refreshToken: fresh.body.refreshToken })).body.code).toBe(
        'AUTH_REFRESH_INVALID',
      );
      const audited = await ctx.asOwner(
        async (c) =>
          (await c.query(`SELECT details FROM audit_entry WHERE action = 'auth.session_expired' AND subject_id = $1`, [session.user.id]))
            .rows,
      );
      expect(audited.map((r: { details: { lifetime: string } }) => r.details.lifetime)).toEqual(['idle']);
    });

    it('NA-9: past its absolute lifetime a session is refused however recently it was used; an access token never outlives it', async () => {
      await readyAccount(ctx, province, 'totin.cadai', provinceId);
      const signedIn = (await province.login('totin.cadai', STRONG_PASSWORD)).body;
      const used = (await province.send('POST', '/api/v1/auth/refresh', { refreshToken: signedIn.refreshToken })).body;
      // Signed in 7 h 55 min ago and refreshed just now: the next tokens last the 5 minutes left.
      await age(used.refreshToken, 'first', '7 hours 55 minutes');
      const nearEnd = await province.send('POST', '/api/v1/auth/refresh', { refreshToken: used.refreshToken });
      expect(nearEnd.status).toBe(200);
      expect(nearEnd.body.expiresIn).toBeGreaterThan(240);
      expect(nearEnd.body.expiresIn).toBeLessThanOrEqual(300);

      await age(nearEnd.body.refreshToken, 'first', '6 minutes');
      const expired = await province.send('POST', '/api/v1/auth/refresh', { refreshToken: nearEnd.body.refreshToken });
      expect([expired.status, expired.body.code]).toEqual([401, 'AUTH_SESSION_EXPIRED']);
      expect(expired.body.detail).toBe(
        'Phiên đăng nhập đã hết thời hạn tối đa (8 giờ kể từ khi đăng nhập) và đã kết thúc; hãy đăng nhập lại.',
      );
      expect(await revokedReason(nearEnd.body.refreshToken)).toBe('absolute lifetime reached');
      expect((await province.send('GET', '/api/v1/auth/me', undefined, nearEnd.body.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
      // Another sign-in is a new session with its own 8 hours.
      const again = await province.login('totin.cadai', STRONG_PASSWORD);
      expect((await province.send('POST', '/api/v1/auth/refresh', { refreshToken: again.body.refreshToken })).status).toBe(200);
    });

    it('a rule version stored with the retired refreshTokenDays still governs sessions: its length is the absolute lifetime', async () => {
      const older = await ctx.newTenant({ name: 'Tỉnh có phiên bản quy tắc cũ' });
      const document = canonicalDocument(definitionWith(SEED_SESSIONS).ruleSet) as { accountPolicy: Record<string, unknown> };
      const stored = {
        ...document,
        accountPolicy: { ...document.accountPolicy, sessions: { accessTokenMinutes: 10, refreshTokenDays: 1, idleMinutes: 60 } },
      };
      await ctx.asOwner((c) =>
        c.query(
          `INSERT INTO rules_rule_version (tenant_id, version, effective_from, checksum, document, source, applied_by) VALUES ($1, 1, '2006-11-16', $2, $3, $4, 'test-fixture')`,
          [older.id, checksumOf(stored), JSON.stringify(stored), seed('tenant.yaml')],
        ),
      );
      const session = await readyAccount(ctx, new Caller(api, older.code), 'totin.cu', older.id);
      const row = await ctx.asOwner(
        async (c) =>
          (
            await c.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM accounts_session WHERE id = $1`, [
              familyOf(session.refreshToken),
            ])
          ).rows[0],
      );
      expect(row.seconds).toBe(24 * 3600);
      const refreshed = await new Caller(api, older.code).send('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect([refreshed.status, refreshed.body.expiresIn]).toEqual([200, 600]);
    });
  });
});
