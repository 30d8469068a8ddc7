import { AuditLog } from '@cong/platform-audit';
import { deleteRedisKeys, TestContext } from '@cong/testing';
import { FailureLocks } from '@cong/platform-throttling';
import { RuleVersionRepository } from '@cong/rules';
import { JwtService } from '@nestjs/jwt';
import IORedis from 'ioredis';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionService } from '../sessions/session.service';
import { TwoFactorSecrets } from '../two-factor/two-factor-secrets';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { User, UserStatus } from '../users/user.entity';
import { AccessTokenService } from './access-token.service';
import { AccountPolicyProvider } from './account-policy.provider';
import { AccountScope } from './account-scope';
import { AuthScope, AuthService } from './auth.service';
import { Principal } from './principal';

const PASSWORD = 'Sông Hồng chảy qua Lào Cai 2027!';

describe('AuthService: sign-in, lockout per account and address, refresh (NA-9)', () => {
  let ctx: TestContext;
  let scope: AuthScope;
  let otherScope: AuthScope;
  let locks: FailureLocks;
  let auth: AuthService;
  let passwordHash: string;
  const hasher = new PasswordHasher();
  let n = 0;

  const newUser = async (changes: Partial<User> = {}, tenantId = scope.tenantId!) =>
    ctx.db.transaction(tenantId, (m) =>
      m
        .getRepository(User)
        .save(
          m
            .getRepository(User)
            .create({ tenantId, username: `user${++n}`, displayName: `Người dùng ${n}`, status: 'active', passwordHash, ...changes }),
        ),
    );
  const audited = (userId: string, action: string) =>
    ctx.asOwner(async (c) =>
      (
        await c.query('SELECT details FROM audit_entry WHERE subject_id = $1 AND action = $2 ORDER BY occurred_at', [userId, action])
      ).rows.map((r) => r.details),
    );
  const from = (ip: string) => ({ ip, userAgent: 'jest' });

  beforeAll(async () => {
    ctx = await TestContext.create();
    const tenant = await ctx.newTenant();
    const other = await ctx.newTenant();
    scope = { tenantId: tenant.id, timezone: tenant.timezone };
    otherScope = { tenantId: other.id, timezone: other.timezone };
    passwordHash = await hasher.hash(PASSWORD);
    const accountScope = new AccountScope(ctx.db);
    const policies = new AccountPolicyProvider(new RuleVersionRepository(ctx.db));
    const audit = new AuditLog();
    locks = new FailureLocks(ctx.config);
    const twoFactor = new TwoFactorService(accountScope, policies, hasher, new TwoFactorSecrets(ctx.config), audit, locks);
    auth = new AuthService(
      accountScope,
      policies,
      hasher,
      new SessionService(),
      new AccessTokenService(ctx.config),
      audit,
      locks,
      twoFactor,
    );
  });
  afterAll(async () => {
    await locks?.onApplicationShutdown();
    if (ctx) await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
  });

  it('signs in with the right password: an access token for this province and session, and a refresh token', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, `  ${user.username.toUpperCase()} `, PASSWORD, from('198.51.100.1'));
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 15 * 60, mustChangePassword: false, twoFactorEnrolmentRequired: false });
    const claims = new JwtService({ secret: ctx.config.auth.jwtSecret }).verify(tokens!.accessToken, {
      algorithms: ['HS256'],
      issuer: 'cong',
      audience: scope.tenantId!,
    });
    expect(claims.sub).toBe(user.id);
    expect(claims.exp - claims.iat).toBe(15 * 60);
    const [session] = await audited(user.id, 'auth.sign_in');
    expect(session.session).toBe(claims.sid);
    const again = await auth.refresh(scope, tokens!.refreshToken, from('198.51.100.1'));
    expect(again.refreshToken).not.toBe(tokens!.refreshToken);
  });

  it('refuses a wrong password and an unknown user with the same error, and audits both', async () => {
    const user = await newUser();
    await expect(auth.signIn(scope, user.username, `${PASSWORD}x`, from('198.51.100.2'))).rejects.toMatchObject({
      code: 'AUTH_SIGN_IN_FAILED',
    });
    await expect(auth.signIn(scope, 'nobody-here', PASSWORD, from('198.51.100.2'))).rejects.toMatchObject({ code: 'AUTH_SIGN_IN_FAILED' });
    expect(await audited(user.id, 'auth.sign_in_failed')).toEqual([{ username: user.username, reason: 'wrong password' }]);
    const unknown = await ctx.asOwner(
      async (c) =>
        (await c.query(`SELECT details FROM audit_entry WHERE action = 'auth.sign_in_failed' AND details->>'username' = 'nobody-here'`))
          .rows,
    );
    expect(unknown.map((r) => r.details.reason)).toEqual(['unknown user']);
  });

  it('another province’s account cannot sign in here, even with its right password', async () => {
    const theirs = await newUser({}, otherScope.tenantId!);
    await expect(auth.signIn(scope, theirs.username, PASSWORD, from('198.51.100.3'))).rejects.toMatchObject({
      code: 'AUTH_SIGN_IN_FAILED',
    });
    await expect(auth.signIn(otherScope, theirs.username, PASSWORD, from('198.51.100.3'))).resolves.toHaveProperty('tokens');
  });

  it.each<[UserStatus | 'exposed', string]>([
    ['disabled', 'AUTH_ACCOUNT_DISABLED'],
    ['suspended', 'AUTH_ACCOUNT_SUSPENDED'],
    ['invited', 'AUTH_ACCOUNT_NOT_ACTIVATED'],
    ['exposed', 'AUTH_PASSWORD_EXPOSED'],
  ])('NA-9: an account in state %s is refused even with the right password (%s), and no session starts', async (state, code) => {
    const user = await newUser(
      state === 'exposed' ? { passwordExposedAt: new Date() } : { status: state, suspendedAt: state === 'suspended' ? new Date() : null },
    );
    await expect(auth.signIn(scope, user.username, PASSWORD, from('198.51.100.4'))).rejects.toMatchObject({ code });
    const sessions = await ctx.asOwner(
      async (c) => (await c.query('SELECT count(*)::int AS n FROM accounts_session WHERE user_id = $1', [user.id])).rows[0].n,
    );
    expect(sessions).toBe(0);
  });

  it('locks the account for the failing address after the threshold: even the right password is refused there, not elsewhere', async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i++)
      await expect(auth.signIn(scope, user.username, 'wrong', from('192.0.2.10'))).rejects.toMatchObject({ code: 'AUTH_SIGN_IN_FAILED' });
    expect(await audited(user.id, 'auth.locked')).toEqual([]);
    await expect(auth.signIn(scope, user.username, 'wrong', from('192.0.2.10'))).rejects.toMatchObject({ code: 'AUTH_SIGN_IN_FAILED' });
    const [lock] = await audited(user.id, 'auth.locked');
    expect(lock).toMatchObject({ minutes: 15, lockouts: 1, source: '192.0.2.10' });

    await expect(auth.signIn(scope, user.username, PASSWORD, from('192.0.2.10'))).rejects.toMatchObject({ code: 'AUTH_SIGN_IN_FAILED' });
    expect((await audited(user.id, 'auth.sign_in_failed')).at(-1)).toMatchObject({ reason: 'locked' });
    // The owner, elsewhere, is not locked out by someone failing on purpose.
    await expect(auth.signIn(scope, user.username, PASSWORD, from('192.0.2.99'))).resolves.toHaveProperty('tokens');
  });

  it('each further lock lasts twice as long', async () => {
    const user = await newUser();
    const key = `${ctx.config.redis.prefix}:lock:until:sign-in:${user.id}:192.0.2.20`;
    for (let i = 0; i < 5; i++) await auth.signIn(scope, user.username, 'wrong', from('192.0.2.20')).catch(() => undefined);
    // The first lock runs out (as 15 minutes would).
    const redis = new IORedis(ctx.config.redis.url, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.del(key)).toBe(1);
    } finally {
      redis.disconnect();
    }
    for (let i = 0; i < 5; i++) await auth.signIn(scope, user.username, 'wrong', from('192.0.2.20')).catch(() => undefined);
    expect((await audited(user.id, 'auth.locked')).map((l) => [l.minutes, l.lockouts])).toEqual([
      [15, 1],
      [30, 2],
    ]);
  });

  it('a successful sign-in forgets the failures before it', async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i++) await auth.signIn(scope, user.username, 'wrong', from('192.0.2.30')).catch(() => undefined);
    await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.30'));
    for (let i = 0; i < 4; i++) await auth.signIn(scope, user.username, 'wrong', from('192.0.2.30')).catch(() => undefined);
    await expect(auth.signIn(scope, user.username, PASSWORD, from('192.0.2.30'))).resolves.toHaveProperty('tokens');
    expect(await audited(user.id, 'auth.locked')).toEqual([]);
  });

  it('a reused refresh token ends the session for both holders, and is audited', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.40'));
    const next = await auth.refresh(scope, tokens!.refreshToken, from('192.0.2.40'));
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.41'))).rejects.toMatchObject({ code: 'AUTH_REFRESH_REUSED' });
    await expect(auth.refresh(scope, next.refreshToken, from('192.0.2.40'))).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
    expect(await audited(user.id, 'auth.refresh_reused')).toHaveLength(1);
  });

  it('a refresh sent to another province is invalid and leaves the session usable', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.50'));
    await expect(auth.refresh(otherScope, tokens!.refreshToken, from('192.0.2.50'))).rejects.toMatchObject({
      code: 'AUTH_REFRESH_INVALID',
    });
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.50'))).resolves.toHaveProperty('accessToken');
  });

  it('a session past its absolute lifetime is refused at refresh, ended and audited as expired', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.60'));
    await ctx.asOwner((c) =>
      c.query(`UPDATE accounts_session SET created_at = created_at - interval '337 hours' WHERE user_id = $1`, [user.id]),
    );
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.60'))).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    expect(await audited(user.id, 'auth.session_expired')).toEqual([expect.objectContaining({ lifetime: 'absolute' })]);
  });

  it('an access token never outlives its session', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.70'));
    // The session now ends in two minutes: the next access token is good for two minutes at most.
    await ctx.asOwner((c) =>
      c.query(`UPDATE accounts_session SET expires_at = now() + interval '2 minutes' WHERE user_id = $1`, [user.id]),
    );
    const next = await auth.refresh(scope, tokens!.refreshToken, from('192.0.2.70'));
    expect(next.expiresIn).toBeLessThanOrEqual(120);
    expect(next.expiresIn).toBeGreaterThan(100);
  });

  it('a refresh for an account deactivated since its sign-in ends the session', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.80'));
    await ctx.db.transaction(scope.tenantId!, (m) => m.getRepository(User).update({ id: user.id }, { status: 'disabled' }));
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.80'))).rejects.toMatchObject({ code: 'AUTH_SESSION_ENDED' });
    await ctx.db.transaction(scope.tenantId!, (m) => m.getRepository(User).update({ id: user.id }, { status: 'active' }));
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.80'))).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
  });

  it('changing one’s password needs the current one, refuses a weak or unchanged one, and ends the other sign-ins only', async () => {
    const user = await newUser();
    const here = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.90'));
    const elsewhere = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.91'));
    const claims = new JwtService({ secret: ctx.config.auth.jwtSecret }).decode(here.tokens!.accessToken) as { sid: string };
    const principal: Principal = {
      userId: user.id,
      tenantId: scope.tenantId,
      username: user.username,
      displayName: user.displayName,
      sessionId: claims.sid,
      memberships: [],
      mustChangePassword: false,
      twoFactorEnrolmentRequired: false,
      twoFactorEnabled: false,
    };

    await expect(auth.changePassword(principal, scope, 'not the password', 'Một mật khẩu mới rất dài 2028!')).rejects.toMatchObject({
      code: 'AUTH_WRONG_CURRENT_PASSWORD',
    });
    await expect(auth.changePassword(principal, scope, PASSWORD, 'password')).rejects.toMatchObject({
      code: 'AUTH_PASSWORD_REJECTED',
      fields: expect.arrayContaining([{ field: 'newPassword', message: 'Mật khẩu phải có ít nhất 12 ký tự.' }]),
    });
    await expect(auth.changePassword(principal, scope, PASSWORD, PASSWORD)).rejects.toMatchObject({
      code: 'AUTH_PASSWORD_REJECTED',
      message: expect.stringContaining('Mật khẩu mới phải khác mật khẩu cũ.'),
    });

    await auth.changePassword(principal, scope, PASSWORD, 'Một mật khẩu mới rất dài 2028!');
    await expect(auth.refresh(scope, here.tokens!.refreshToken, from('192.0.2.90'))).resolves.toHaveProperty('accessToken');
    await expect(auth.refresh(scope, elsewhere.tokens!.refreshToken, from('192.0.2.91'))).rejects.toMatchObject({
      code: 'AUTH_REFRESH_INVALID',
    });
    await expect(auth.signIn(scope, user.username, PASSWORD, from('192.0.2.90'))).rejects.toMatchObject({ code: 'AUTH_SIGN_IN_FAILED' });
    await expect(auth.signIn(scope, user.username, 'Một mật khẩu mới rất dài 2028!', from('192.0.2.90'))).resolves.toHaveProperty('tokens');
  });

  it('signing out ends the session: its refresh token no longer works', async () => {
    const user = await newUser();
    const { tokens } = await auth.signIn(scope, user.username, PASSWORD, from('192.0.2.95'));
    const { sid } = new JwtService({ secret: ctx.config.auth.jwtSecret }).decode(tokens!.accessToken) as { sid: string };
    await auth.signOut({
      userId: user.id,
      tenantId: scope.tenantId,
      username: user.username,
      displayName: user.displayName,
      sessionId: sid,
      memberships: [],
      mustChangePassword: false,
      twoFactorEnrolmentRequired: false,
      twoFactorEnabled: false,
    });
    await expect(auth.refresh(scope, tokens!.refreshToken, from('192.0.2.95'))).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
    expect(await audited(user.id, 'auth.sign_out')).toEqual([{ session: sid }]);
  });
});
