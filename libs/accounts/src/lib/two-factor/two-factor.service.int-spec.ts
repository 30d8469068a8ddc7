import { AuditLog } from '@cong/platform-audit';
import { deleteRedisKeys, TestContext } from '@cong/testing';
import { FailureLocks } from '@cong/platform-throttling';
import { RuleVersionRepository } from '@cong/rules';
import { authenticator } from 'otplib';
import { AccessTokenService } from '../auth/access-token.service';
import { AccountPolicyProvider } from '../auth/account-policy.provider';
import { AccountScope } from '../auth/account-scope';
import { AuthScope, AuthService } from '../auth/auth.service';
import { Principal } from '../auth/principal';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionService } from '../sessions/session.service';
import { User } from '../users/user.entity';
import { RECOVERY_CODE_COUNT, TwoFactorService } from './two-factor.service';
import { TwoFactorSecrets } from './two-factor-secrets';

const PASSWORD = 'Sông Hồng chảy qua Lào Cai 2027!';
/** A code of the time step `steps` after now (the verifier accepts one step either side). */
const codeAt = (secret: string, steps: number) => authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);

describe('two-step verification: TOTP enrolment, sign-in codes, recovery codes', () => {
  let ctx: TestContext;
  let scope: AuthScope;
  let locks: FailureLocks;
  let auth: AuthService;
  let twoFactor: TwoFactorService;
  let passwordHash: string;
  const hasher = new PasswordHasher();
  let n = 0;

  /** An account with verification on: its TOTP secret and recovery codes. */
  const enrolled = async () => {
    const user = await ctx.db.transaction(scope.tenantId!, (m) =>
      m
        .getRepository(User)
        .save(
          m
            .getRepository(User)
            .create({ tenantId: scope.tenantId, username: `tf${++n}`, displayName: `Người ${n}`, status: 'active', passwordHash }),
        ),
    );
    const principal: Principal = {
      userId: user.id,
      tenantId: scope.tenantId,
      username: user.username,
      displayName: user.displayName,
      sessionId: user.id,
      memberships: [],
      mustChangePassword: false,
      twoFactorEnrolmentRequired: false,
      twoFactorEnabled: false,
    };
    const { secret, otpauthUri } = await twoFactor.start(principal, 'Cổng Thử');
    const { recoveryCodes } = await twoFactor.confirm(principal, codeAt(secret, 0));
    return { user, principal, secret, otpauthUri, recoveryCodes };
  };
  const challengeFor = async (username: string, ip = '198.51.100.1') => {
    const result = await auth.signIn(scope, username, PASSWORD, { ip });
    expect(result.tokens).toBeUndefined();
    return result.challenge!.challenge;
  };

  beforeAll(async () => {
    ctx = await TestContext.create();
    const tenant = await ctx.newTenant();
    scope = { tenantId: tenant.id, timezone: tenant.timezone };
    passwordHash = await hasher.hash(PASSWORD);
    const accountScope = new AccountScope(ctx.db);
    const policies = new AccountPolicyProvider(new RuleVersionRepository(ctx.db));
    const audit = new AuditLog();
    locks = new FailureLocks(ctx.config);
    twoFactor = new TwoFactorService(accountScope, policies, hasher, new TwoFactorSecrets(ctx.config), audit, locks);
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

  it('enrolment turns on only with a code from the new secret; the secret is stored sealed, never in clear', async () => {
    const user = await ctx.db.transaction(scope.tenantId!, (m) =>
      m
        .getRepository(User)
        .save(
          m
            .getRepository(User)
            .create({ tenantId: scope.tenantId, username: 'enrol', displayName: 'Enrol', status: 'active', passwordHash }),
        ),
    );
    const principal: Principal = {
      userId: user.id,
      tenantId: scope.tenantId,
      username: 'enrol',
      displayName: 'Enrol',
      sessionId: user.id,
      memberships: [],
      mustChangePassword: false,
      twoFactorEnrolmentRequired: false,
      twoFactorEnabled: false,
    };
    await expect(twoFactor.confirm(principal, '123456')).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_NOT_STARTED' });
    const { secret, otpauthUri } = await twoFactor.start(principal, 'Cổng Thử');
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*enrol\?secret=/);
    // Pending: sign-in still needs only the password.
    await expect(auth.signIn(scope, 'enrol', PASSWORD, { ip: '198.51.100.9' })).resolves.toHaveProperty('tokens');
    await expect(twoFactor.confirm(principal, codeAt(secret, 3))).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_CODE_WRONG' });
    const { recoveryCodes } = await twoFactor.confirm(principal, codeAt(secret, 0));
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const [row] = (
      await ctx.asOwner((c) => c.query('SELECT two_factor_secret, two_factor_pending_secret FROM accounts_user WHERE id = $1', [user.id]))
    ).rows;
    expect(row.two_factor_pending_secret).toBeNull();
    expect(row.two_factor_secret).toMatch(/^v1\./);
    expect(row.two_factor_secret).not.toContain(secret);
    const stored = (
      await ctx.asOwner((c) => c.query('SELECT code_hash FROM accounts_recovery_code WHERE user_id = $1', [user.id]))
    ).rows.map((r) => r.code_hash);
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const c of recoveryCodes) expect(stored.join()).not.toContain(c.replace('-', ''));
    await expect(twoFactor.start(principal, 'Cổng Thử')).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_ALREADY_ENABLED' });
  });

  it('the password alone gives a challenge, not tokens; a current code completes the sign-in', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.username);
    const tokens = await auth.completeSignIn(scope, challenge, codeAt(secret, 1), { ip: '198.51.100.1' });
    expect(tokens.accessToken).toEqual(expect.any(String));
  });

  it('a TOTP code is accepted once: the same code again, or an older one, is refused', async () => {
    const { user, secret } = await enrolled();
    const code = codeAt(secret, 1);
    await auth.completeSignIn(scope, await challengeFor(user.username), code, { ip: '198.51.100.2' });
    await expect(auth.completeSignIn(scope, await challengeFor(user.username), code, { ip: '198.51.100.2' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_FAILED',
    });
    await expect(
      auth.completeSignIn(scope, await challengeFor(user.username), codeAt(secret, 0), { ip: '198.51.100.2' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_FAILED' });
  });

  it('a code from another secret or far from now is refused', async () => {
    const { user, secret } = await enrolled();
    const other = authenticator.generateSecret(20);
    await expect(
      auth.completeSignIn(scope, await challengeFor(user.username), codeAt(other, 1), { ip: '198.51.100.3' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_FAILED' });
    await expect(
      auth.completeSignIn(scope, await challengeFor(user.username), codeAt(secret, 4), { ip: '198.51.100.3' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_FAILED' });
  });

  it('a recovery code works once, typed in any case and with spaces, and the sign-in says how many are left', async () => {
    const { user, recoveryCodes } = await enrolled();
    const typed = ` ${recoveryCodes[0].toUpperCase().replace('-', ' - ')} `;
    await auth.completeSignIn(scope, await challengeFor(user.username), typed, { ip: '198.51.100.4' });
    const [signIn] = (
      await ctx.asOwner((c) => c.query(`SELECT details FROM audit_entry WHERE subject_id = $1 AND action = 'auth.sign_in'`, [user.id]))
    ).rows;
    expect(signIn.details).toMatchObject({ twoFactor: 'recovery_code', recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });
    await expect(
      auth.completeSignIn(scope, await challengeFor(user.username), recoveryCodes[0], { ip: '198.51.100.4' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_FAILED' });
    await expect(
      auth.completeSignIn(scope, await challengeFor(user.username), recoveryCodes[1], { ip: '198.51.100.4' }),
    ).resolves.toHaveProperty('accessToken');
  });

  it('a challenge is spent by a successful code step, and refused past its five minutes', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.username);
    await auth.completeSignIn(scope, challenge, codeAt(secret, 1), { ip: '198.51.100.5' });
    await expect(auth.completeSignIn(scope, challenge, codeAt(secret, 1), { ip: '198.51.100.5' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_CHALLENGE_INVALID',
    });

    const late = await challengeFor(user.username);
    await ctx.asOwner((c) =>
      c.query(`UPDATE accounts_sign_in_challenge SET expires_at = now() - interval '1 second' WHERE id = $1`, [late.split('.')[0]]),
    );
    await expect(auth.completeSignIn(scope, late, codeAt(secret, 1), { ip: '198.51.100.5' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_CHALLENGE_EXPIRED',
    });
  });

  it('a challenge is only good in its own scope, and a forged one is invalid', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.username);
    await expect(
      auth.completeSignIn({ tenantId: null, timezone: 'Asia/Ho_Chi_Minh' }, challenge, codeAt(secret, 1), { ip: '198.51.100.6' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_CHALLENGE_INVALID' });
    await expect(
      auth.completeSignIn(scope, `${challenge.split('.')[0]}.${'A'.repeat(43)}`, codeAt(secret, 1), { ip: '198.51.100.6' }),
    ).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_CHALLENGE_INVALID' });
    await expect(auth.completeSignIn(scope, challenge, codeAt(secret, 1), { ip: '198.51.100.6' })).resolves.toHaveProperty('accessToken');
  });

  it('wrong codes count towards the sign-in lockout of the address: once locked, even the right code is refused there', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.username, '192.0.2.7');
    for (let i = 0; i < 5; i++)
      await expect(auth.completeSignIn(scope, challenge, '000000', { ip: '192.0.2.7' })).rejects.toMatchObject({
        code: 'AUTH_TWO_FACTOR_FAILED',
      });
    const locked = (
      await ctx.asOwner((c) => c.query(`SELECT details FROM audit_entry WHERE subject_id = $1 AND action = 'auth.locked'`, [user.id]))
    ).rows;
    expect(locked.map((r) => r.details)).toEqual([expect.objectContaining({ during: 'sign-in', lockouts: 1 })]);
    await expect(auth.completeSignIn(scope, challenge, codeAt(secret, 1), { ip: '192.0.2.7' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_FAILED',
    });
  });

  it('turning verification off needs a current code or the password; afterwards the password alone signs in', async () => {
    const { user, principal } = await enrolled();
    await expect(twoFactor.disable(principal, scope, {}, { ip: '198.51.100.8' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_PROOF_REQUIRED',
    });
    await expect(twoFactor.disable(principal, scope, { password: 'wrong' }, { ip: '198.51.100.8' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_PROOF_WRONG',
    });
    await twoFactor.disable(principal, scope, { password: PASSWORD }, { ip: '198.51.100.8' });
    const left = (await ctx.asOwner((c) => c.query('SELECT count(*)::int AS n FROM accounts_recovery_code WHERE user_id = $1', [user.id])))
      .rows[0].n;
    expect(left).toBe(0);
    await expect(auth.signIn(scope, user.username, PASSWORD, { ip: '198.51.100.8' })).resolves.toHaveProperty('tokens');
    await expect(twoFactor.disable(principal, scope, { password: PASSWORD }, { ip: '198.51.100.8' })).rejects.toMatchObject({
      code: 'AUTH_TWO_FACTOR_NOT_ENABLED',
    });
  });
});
