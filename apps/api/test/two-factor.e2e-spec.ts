import { TestContext } from '@cong/testing';
import { formatProblem, parseTenantDefinition } from '@cong/rules';
import { authenticator } from 'otplib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount, STRONG_PASSWORD } from './auth-session';

/** The code an authenticator app shows now, computed with the same library as the API. */
const codeOf = (secret: string) => authenticator.generate(secret);

describe('two-step verification over HTTP (issue 14)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let laoCaiId: string;
  let ngheAnId: string;
  let lc: Caller;
  let na: Caller;
  let naAdmin: string;
  let lcAdmin: string;

  /** Nghệ An's seed, with its rule requiring two-step verification of the editorial board. */
  const ngheAnRequiringBoard = () => {
    const seed = (file: string) => readFileSync(join(__dirname, '../../../tenants/nghe-an', file), 'utf8');
    const SESSIONS = '  sessions: { accessTokenMinutes: 15, absoluteHours: 336, idleMinutes: 480 }';
    if (!seed('tenant.yaml').includes(SESSIONS)) throw new Error('the seed no longer has the sessions line this test extends');
    const parsed = parseTenantDefinition({
      rules: seed('tenant.yaml').replace(SESSIONS, `${SESSIONS}\n  twoFactor: { requiredFor: [editorial_board] }`),
      units: seed('units.yaml'),
    });
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    return parsed.definition;
  };

  /** As if a minute had passed since the account's last code: the next code is a new one. */
  const aMinuteLater = (userId: string) =>
    ctx.asOwner((c) => c.query(`UPDATE accounts_user SET two_factor_last_step = two_factor_last_step - 2 WHERE id = $1`, [userId]));
  const userIdOf = async (username: string) =>
    (await ctx.asOwner((c) => c.query(`SELECT id FROM accounts_user WHERE username = $1`, [username]))).rows[0].id as string;
  const auditOf = async (userId: string, action: string) =>
    (
      await ctx.asOwner((c) =>
        c.query(`SELECT details, actor_label, tenant_id FROM audit_entry WHERE subject_id = $1 AND action = $2 ORDER BY seq`, [
          userId,
          action,
        ]),
      )
    ).rows;

  /** Turns two-step verification on for a signed-in account: its secret and recovery codes. */
  const enrol = async (caller: Caller, token: string) => {
    const started = await caller.send('POST', `${caller.authBase}/two-factor/enrolment`, undefined, token);
    expect(started.status).toBe(201);
    const confirmed = await caller.send(
      'POST',
      `${caller.authBase}/two-factor/enrolment/confirm`,
      { code: codeOf(started.body.secret) },
      token,
    );
    expect(confirmed.status).toBe(200);
    return {
      secret: started.body.secret as string,
      recoveryCodes: confirmed.body.recoveryCodes as string[],
      otpauthUri: started.body.otpauthUri as string,
    };
  };
  const challengeOf = async (caller: Caller, username: string) => {
    const first = await caller.login(username, STRONG_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String), expiresIn: 300 });
    return first.body.challenge as string;
  };
  const answer = (caller: Caller, challenge: string, code: string) =>
    caller.send('POST', `${caller.authBase}/login/two-factor`, { challenge, code });

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCaiId = await ctx.applySeed('lao-cai');
    ngheAnId = (await ctx.applyDefinition(ngheAnRequiringBoard())).tenantId!;
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, 'lao-cai');
    na = new Caller(api, 'nghe-an');
    lcAdmin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    naAdmin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('enrols: a secret and an otpauth:// URI, nothing asked until a code confirms it; ten recovery codes once; the secret is stored sealed', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.enrol', laoCaiId);
    const started = await lc.send('POST', '/api/v1/auth/two-factor/enrolment', undefined, accessToken);
    expect(started.status).toBe(201);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/${encodeURIComponent('Cổng Tỉnh Lào Cai')}:totp.enrol?secret=${started.body.secret}&period=30&digits=6&algorithm=SHA1&issuer=${encodeURIComponent('Cổng Tỉnh Lào Cai')}`,
    );
    // Not confirmed: the password alone still signs in.
    expect((await lc.login('totp.enrol', STRONG_PASSWORD)).body.accessToken).toEqual(expect.any(String));

    const wrong = await lc.send(
      'POST',
      '/api/v1/auth/two-factor/enrolment/confirm',
      { code: codeOf(started.body.secret) === '000000' ? '111111' : '000000' },
      accessToken,
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'AUTH_TWO_FACTOR_CODE_WRONG', detail: 'Mã xác thực không đúng hoặc đã hết hạn.' });
    const malformed = await lc.send('POST', '/api/v1/auth/two-factor/enrolment/confirm', { code: 'abc' }, accessToken);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].field).toBe('code');

    const confirmed = await lc.send(
      'POST',
      '/api/v1/auth/two-factor/enrolment/confirm',
      { code: codeOf(started.body.secret) },
      accessToken,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    for (const code of confirmed.body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const again = await lc.send('POST', '/api/v1/auth/two-factor/enrolment', undefined, accessToken);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTH_TWO_FACTOR_ALREADY_ENABLED');

    const stored = (
      await ctx.asOwner((c) => c.query(`SELECT two_factor_secret, two_factor_pending_secret FROM accounts_user WHERE id = $1`, [user.id]))
    ).rows[0];
    expect(stored.two_factor_pending_secret).toBeNull();
    expect(stored.two_factor_secret).toMatch(/^v1\./);
    expect(stored.two_factor_secret).not.toContain(started.body.secret);
    const hashes = (
      await ctx.asOwner((c) => c.query(`SELECT code_hash FROM accounts_recovery_code WHERE user_id = $1`, [user.id]))
    ).rows.map((r) => r.code_hash);
    expect(hashes).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes) expect(hashes).not.toContain(code);
    expect(await auditOf(user.id, 'auth.two_factor_enabled')).toEqual([
      expect.objectContaining({ details: { recoveryCodes: 10 }, actor_label: 'totp.enrol' }),
    ]);
    const view = await lc.send('GET', `/api/v1/users/${user.id}`, undefined, lcAdmin);
    expect(view.body.twoFactorEnabled).toBe(true);
    expect(JSON.stringify(view.body)).not.toContain(started.body.secret);
  });

  it('signs in with the password then a code; the challenge and the code each work once', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.signin', laoCaiId);
    const { secret } = await enrol(lc, accessToken);
    await aMinuteLater(user.id);

    const challenge = await challengeOf(lc, 'totp.signin');
    const code = codeOf(secret);
    const signedIn = await answer(lc, challenge, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false, twoFactorEnrolmentRequired: false });
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, signedIn.body.accessToken)).body.username).toBe('totp.signin');
    expect((await auditOf(user.id, 'auth.sign_in')).at(-1).details).toMatchObject({ twoFactor: 'totp' });

    const reused = await answer(lc, challenge, code);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({
      code: 'AUTH_TWO_FACTOR_CHALLENGE_INVALID',
      detail: 'Phiên xác thực hai bước không hợp lệ hoặc đã được dùng; hãy đăng nhập lại bằng mật khẩu.',
    });
    // The same code with a fresh challenge: someone who watched it typed cannot use it again.
    const replayed = await answer(lc, await challengeOf(lc, 'totp.signin'), code);
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('AUTH_TWO_FACTOR_FAILED');
    const forged = await answer(lc, `${challenge.split('.')[0]}.${'A'.repeat(43)}`, codeOf(secret));
    expect(forged.body.code).toBe('AUTH_TWO_FACTOR_CHALLENGE_INVALID');
  });

  it('signs in with a recovery code, once only', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.recovery', laoCaiId);
    const { recoveryCodes } = await enrol(lc, accessToken);
    const withRecovery = await answer(lc, await challengeOf(lc, 'totp.recovery'), recoveryCodes[3].toUpperCase());
    expect(withRecovery.status).toBe(200);
    expect(withRecovery.body.accessToken).toEqual(expect.any(String));
    expect((await auditOf(user.id, 'auth.sign_in')).at(-1).details).toMatchObject({ twoFactor: 'recovery_code', recoveryCodesLeft: 9 });
    const twice = await answer(lc, await challengeOf(lc, 'totp.recovery'), recoveryCodes[3]);
    expect(twice.status).toBe(401);
    expect(twice.body.code).toBe('AUTH_TWO_FACTOR_FAILED');
    expect((await answer(lc, await challengeOf(lc, 'totp.recovery'), recoveryCodes[4])).status).toBe(200);
  });

  it('refuses wrong codes, audits each and counts them: five lock the account from this address, a right code included', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.wrong', laoCaiId);
    const { secret } = await enrol(lc, accessToken);
    await aMinuteLater(user.id);
    const challenge = await challengeOf(lc, 'totp.wrong');
    const wrongCode = codeOf(secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      const refused = await answer(lc, challenge, i % 2 ? wrongCode : 'zzzzz-zzzzz');
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        code: 'AUTH_TWO_FACTOR_FAILED',
        detail: 'Mã xác thực không đúng hoặc đã được dùng, hoặc tài khoản đang tạm khóa do nhập sai nhiều lần.',
      });
    }
    expect(await auditOf(user.id, 'auth.two_factor_failed')).toHaveLength(5);
    expect(await auditOf(user.id, 'auth.locked')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ minutes: 15, during: 'sign-in' }) }),
    ]);
    const locked = await answer(lc, challenge, codeOf(secret));
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('AUTH_TWO_FACTOR_FAILED');
    // Refused while locked without being checked or counted again: no second, longer lock.
    expect((await auditOf(user.id, 'auth.two_factor_failed')).at(-1).details).toEqual({ during: 'sign-in', reason: 'locked' });
    expect(await auditOf(user.id, 'auth.locked')).toHaveLength(1);
    // One lock for both steps: the password step from this address is locked too.
    expect((await lc.login('totp.wrong', STRONG_PASSWORD)).body.code).toBe('AUTH_SIGN_IN_FAILED');
  });

  it('refuses an expired challenge, saying so', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.expired', laoCaiId);
    const { secret } = await enrol(lc, accessToken);
    await aMinuteLater(user.id);
    const challenge = await challengeOf(lc, 'totp.expired');
    await ctx.asOwner((c) =>
      c.query(`UPDATE accounts_sign_in_challenge SET expires_at = now() - interval '1 second' WHERE id = $1`, [challenge.split('.')[0]]),
    );
    const late = await answer(lc, challenge, codeOf(secret));
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({
      code: 'AUTH_TWO_FACTOR_CHALLENGE_EXPIRED',
      detail: 'Phiên xác thực hai bước đã hết hạn (5 phút sau khi nhập mật khẩu); hãy đăng nhập lại.',
    });
  });

  it('turns off with the password or a code; a wrong proof is refused and counted', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.off', laoCaiId);
    const { secret } = await enrol(lc, accessToken);
    const none = await lc.send('POST', '/api/v1/auth/two-factor/disable', {}, accessToken);
    expect(none.body.code).toBe('AUTH_TWO_FACTOR_PROOF_REQUIRED');
    const wrong = await lc.send('POST', '/api/v1/auth/two-factor/disable', { password: 'Không-phải-mật-khẩu-1' }, accessToken);
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('AUTH_TWO_FACTOR_PROOF_WRONG');
    expect(await auditOf(user.id, 'auth.two_factor_failed')).toEqual([expect.objectContaining({ details: { during: 'disable' } })]);
    await aMinuteLater(user.id);
    expect((await lc.send('POST', '/api/v1/auth/two-factor/disable', { code: codeOf(secret) }, accessToken)).status).toBe(204);
    expect(await auditOf(user.id, 'auth.two_factor_disabled')).toEqual([expect.objectContaining({ details: { via: 'code' } })]);
    expect((await lc.login('totp.off', STRONG_PASSWORD)).body.accessToken).toEqual(expect.any(String));
    expect((await lc.send('POST', '/api/v1/auth/two-factor/disable', { password: STRONG_PASSWORD }, accessToken)).body.code).toBe(
      'AUTH_TWO_FACTOR_NOT_ENABLED',
    );
  });

  it("a role the province's rule names must enrol: until then its tokens allow only enrolling; it cannot turn it off", async () => {
    const token = await invitedAccount(na, naAdmin, 'board.na', [{ role: 'editorial_board' }]);
    const signedIn = await na.login('board.na', STRONG_PASSWORD);
    expect(signedIn.body).toMatchObject({ twoFactorEnrolmentRequired: true, mustChangePassword: false });
    const blocked = await na.send('GET', '/api/v1/auth/me', undefined, token);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'AUTH_TWO_FACTOR_ENROLMENT_REQUIRED' });
    // Refreshing does not lift it: the rule is checked again.
    const refreshed = await na.send('POST', '/api/v1/auth/refresh', { refreshToken: signedIn.body.refreshToken });
    expect(refreshed.body.twoFactorEnrolmentRequired).toBe(true);

    const { secret } = await enrol(na, token);
    // Lifted at once for the session that enrolled.
    expect((await na.send('GET', '/api/v1/auth/me', undefined, token)).body.username).toBe('board.na');
    const off = await na.send('POST', '/api/v1/auth/two-factor/disable', { password: STRONG_PASSWORD }, token);
    expect(off.status).toBe(409);
    expect(off.body).toMatchObject({
      code: 'AUTH_TWO_FACTOR_REQUIRED_BY_ROLE',
      detail: 'Không thể tắt xác thực hai bước: quy định của tỉnh bắt buộc cho vai trò editorial_board.',
    });
    await aMinuteLater(await userIdOf('board.na'));
    expect((await answer(na, await challengeOf(na, 'board.na'), codeOf(secret))).body.twoFactorEnrolmentRequired).toBe(false);
    // The IT centre's own role is not named: optional for it.
    expect((await na.login('it.nghean', STRONG_PASSWORD)).body.twoFactorEnrolmentRequired).toBe(false);
  });

  it("the IT centre resets a user's verification (audited, sessions end, enrolment again where required); another province's admin cannot", async () => {
    const token = await invitedAccount(na, naAdmin, 'board.reset', [{ role: 'editorial_board' }]);
    await enrol(na, token);
    const userId = await userIdOf('board.reset');

    const fromLaoCai = await lc.send('POST', `/api/v1/users/${userId}/two-factor/reset`, undefined, lcAdmin);
    expect(fromLaoCai.status).toBe(404);
    expect(fromLaoCai.body.code).toBe('ACCOUNTS_USER_NOT_FOUND');
    expect(await auditOf(userId, 'auth.two_factor_reset')).toEqual([]);
    const byBoard = await na.send('POST', `/api/v1/users/${userId}/two-factor/reset`, undefined, token);
    expect(byBoard.body.code).toBe('AUTH_FORBIDDEN');
    const own = await na.send('POST', `/api/v1/users/${await userIdOf('it.nghean')}/two-factor/reset`, undefined, naAdmin);
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('ACCOUNTS_OWN_TWO_FACTOR_RESET');

    expect((await na.send('POST', `/api/v1/users/${userId}/two-factor/reset`, undefined, naAdmin)).status).toBe(204);
    expect(await auditOf(userId, 'auth.two_factor_reset')).toEqual([
      expect.objectContaining({ actor_label: 'it.nghean', tenant_id: ngheAnId, details: { username: 'board.reset', wasEnabled: true } }),
    ]);
    expect((await na.send('GET', '/api/v1/auth/me', undefined, token)).body.code).toBe('AUTH_SESSION_ENDED');
    const again = await na.login('board.reset', STRONG_PASSWORD);
    expect(again.body).toMatchObject({ twoFactorEnrolmentRequired: true, accessToken: expect.any(String) });
    const twice = await na.send('POST', `/api/v1/users/${userId}/two-factor/reset`, undefined, naAdmin);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('AUTH_TWO_FACTOR_NOT_ENABLED');
  });

  it('national operators enrol and sign in with a code at the platform; their challenge is useless in a province', async () => {
    const platform = new Caller(api, null);
    const { accessToken, user } = await readyAccount(ctx, platform, 'op.totp', null);
    const { secret, otpauthUri } = await enrol(platform, accessToken);
    expect(otpauthUri).toContain(`issuer=${encodeURIComponent('Cổng — điều hành quốc gia')}`);
    await aMinuteLater(user.id);
    const challenge = await challengeOf(platform, 'op.totp');
    expect((await answer(lc, challenge, codeOf(secret))).body.code).toBe('AUTH_TWO_FACTOR_CHALLENGE_INVALID');
    const signedIn = await answer(platform, challenge, codeOf(secret));
    expect(signedIn.status).toBe(200);
    expect((await platform.send('GET', '/api/v1/operator/auth/me', undefined, signedIn.body.accessToken)).body).toMatchObject({
      username: 'op.totp',
      tenantId: null,
    });
  });

  it('documents each new route with its response shape', async () => {
    const doc = (await lc.send('GET', '/docs/openapi.json')).body;
    const schemaOf = (path: string, status: string) => doc.paths[path].post.responses[status].content['application/json'].schema;
    expect(schemaOf('/api/v1/auth/login', '200').oneOf).toEqual([
      { $ref: '#/components/schemas/TokenResponse' },
      { $ref: '#/components/schemas/TwoFactorChallengeResponse' },
    ]);
    expect(doc.components.schemas.TwoFactorChallengeResponse.required).toEqual(
      expect.arrayContaining(['twoFactorRequired', 'challenge', 'expiresIn']),
    );
    expect(schemaOf('/api/v1/auth/login/two-factor', '200')).toEqual({ $ref: '#/components/schemas/TokenResponse' });
    expect(schemaOf('/api/v1/auth/two-factor/enrolment', '201')).toEqual({ $ref: '#/components/schemas/TwoFactorEnrolmentResponse' });
    expect(schemaOf('/api/v1/auth/two-factor/enrolment/confirm', '200')).toEqual({ $ref: '#/components/schemas/RecoveryCodesResponse' });
    expect(schemaOf('/api/v1/operator/auth/login/two-factor', '200')).toEqual({ $ref: '#/components/schemas/TokenResponse' });
    expect(Object.keys(doc.paths['/api/v1/users/{id}/two-factor/reset'].post.responses)).toContain('204');
    expect(Object.keys(doc.paths['/api/v1/auth/two-factor/disable'].post.responses)).toContain('204');
  });

  it('a challenge of one province is useless in another and at the platform, and stays good where it was issued', async () => {
    const { accessToken, user } = await readyAccount(ctx, lc, 'totp.cross', laoCaiId);
    const { secret } = await enrol(lc, accessToken);
    await aMinuteLater(user.id);
    const challenge = await challengeOf(lc, 'totp.cross');
    const inNgheAn = await answer(na, challenge, codeOf(secret));
    expect(inNgheAn.status).toBe(401);
    expect(inNgheAn.body.code).toBe('AUTH_TWO_FACTOR_CHALLENGE_INVALID');
    const atPlatform = await answer(new Caller(api, null), challenge, codeOf(secret));
    expect(atPlatform.body.code).toBe('AUTH_TWO_FACTOR_CHALLENGE_INVALID');
    expect((await answer(lc, challenge, codeOf(secret))).status).toBe(200);
  });
});
