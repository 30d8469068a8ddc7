import { TestContext } from '@cong/testing';
import { Tenant } from '@cong/tenancy';
import { Unit } from '@cong/units';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount, STRONG_PASSWORD } from './auth-session';

const NEW_PASSWORD = 'Cầu-Kiền-bắc-qua-sông-Cấm-2027!';

describe('accounts managed by the IT centre: invitations, roles, deactivation, leaked passwords (NA-9), audit', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let laoCai: Tenant;
  let ngheAn: Tenant;
  let lc: Caller;
  let na: Caller;
  let admin: { accessToken: string; user: { id: string } };
  let otherAdmin: { accessToken: string };

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCai = await ctx.newTenant({ name: 'Tỉnh Lào Cai' });
    ngheAn = await ctx.newTenant({ name: 'Tỉnh Nghệ An' });
    for (const [tenant, code, name] of [
      [laoCai, 'so-y-te', 'Sở Y tế'],
      [ngheAn, 'so-y-te', 'Sở Y tế Nghệ An'],
    ] as const) {
      await ctx.db.transaction(tenant.id, (m) =>
        m.getRepository(Unit).save({ tenantId: tenant.id, code, name, kind: 'department', tags: [], parentId: null, active: true }),
      );
    }
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, laoCai.code);
    na = new Caller(api, ngheAn.code);
    admin = await readyAccount(ctx, lc, 'it.laocai', laoCai.id);
    otherAdmin = await readyAccount(ctx, na, 'it.nghean', ngheAn.id);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  const asAdmin = (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, admin.accessToken);

  it('invites a person with unit roles; the invitation activates once, with a password the policy accepts', async () => {
    const invited = await asAdmin('POST', '/users/invitations', {
      username: 'Bien.Tap.Vien',
      displayName: 'Biên tập viên',
      roles: [{ role: 'unit_editor', unit: 'so-y-te' }],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({
      username: 'bien.tap.vien',
      status: 'invited',
      roles: [{ role: 'unit_editor', unit: 'so-y-te' }],
    });
    const token = invited.body.invitation.token;

    expect((await lc.login('bien.tap.vien', STRONG_PASSWORD)).status).toBe(401);
    const weak = await lc.send('POST', '/api/v1/auth/activate', { token, password: 'password' });
    expect([weak.status, weak.body.errors[0].field]).toEqual([422, 'password']);
    expect((await lc.send('POST', '/api/v1/auth/activate', { token, password: STRONG_PASSWORD })).status).toBe(204);
    expect((await lc.send('POST', '/api/v1/auth/activate', { token, password: STRONG_PASSWORD })).body.code).toBe('ACCOUNTS_TOKEN_INVALID');
    const signedIn = await lc.login('bien.tap.vien', STRONG_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, signedIn.body.accessToken)).body.roles).toEqual(['unit_editor']);
  });

  it('an expired invitation is refused (410) and a new one replaces it', async () => {
    const invited = await asAdmin('POST', '/users/invitations', { username: 'tre.han', displayName: 'Trễ hạn', roles: [] });
    await ctx.asOwner((c) =>
      c.query(`UPDATE accounts_user_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [invited.body.user.id]),
    );
    const late = await lc.send('POST', '/api/v1/auth/activate', { token: invited.body.invitation.token, password: STRONG_PASSWORD });
    expect([late.status, late.body.code]).toEqual([410, 'ACCOUNTS_TOKEN_EXPIRED']);
    const again = await asAdmin('POST', `/users/${invited.body.user.id}/invitation`);
    expect(again.status).toBe(201);
    expect((await lc.send('POST', '/api/v1/auth/activate', { token: again.body.token, password: STRONG_PASSWORD })).status).toBe(204);
  });

  it('refuses bad invitations and role grants with the field at fault', async () => {
    const noUnit = await asAdmin('POST', '/users/invitations', {
      username: 'khong.don.vi',
      displayName: 'Không đơn vị',
      roles: [{ role: 'unit_head' }],
    });
    expect([noUnit.status, noUnit.body.code, noUnit.body.errors[0].field]).toEqual([422, 'ACCOUNTS_UNIT_REQUIRED', 'roles[0].unit']);
    const unknownUnit = await asAdmin('POST', '/users/invitations', {
      username: 'sai.don.vi',
      displayName: 'Sai đơn vị',
      roles: [{ role: 'unit_head', unit: 'so-khong-co' }],
    });
    expect(unknownUnit.body.code).toBe('ACCOUNTS_UNKNOWN_UNIT');
    const badRole = await asAdmin('POST', '/users/invitations', {
      username: 'sai.vai.tro',
      displayName: 'Sai vai trò',
      roles: [{ role: 'webmaster' }],
    });
    expect([badRole.status, badRole.body.errors[0].field]).toEqual([422, 'roles[0].role']);
    const taken = await asAdmin('POST', '/users/invitations', { username: 'it.laocai', displayName: 'Trùng', roles: [] });
    expect([taken.status, taken.body.code]).toEqual([409, 'ACCOUNTS_USERNAME_TAKEN']);
    const list = await asAdmin('GET', '/users');
    expect(list.body.map((u: { username: string }) => u.username)).not.toContain('khong.don.vi');
  });

  it('changes roles, keeps at least one admin, deactivates with immediate effect and reactivates', async () => {
    const person = await readyAccount(ctx, lc, 'truong.phong', laoCai.id);
    const roles = await asAdmin('PUT', `/users/${person.user.id}/roles`, {
      roles: [{ role: 'unit_head', unit: 'so-y-te' }, { role: 'editorial_board' }],
    });
    expect(roles.body.roles).toEqual([
      { role: 'editorial_board', unit: null },
      { role: 'unit_head', unit: 'so-y-te' },
    ]);
    expect((await asAdmin('PUT', `/users/${admin.user.id}/roles`, { roles: [] })).body.code).toBe('ACCOUNTS_LAST_ADMIN');
    expect((await asAdmin('POST', `/users/${admin.user.id}/deactivate`)).body.code).toBe('ACCOUNTS_NOT_YOURSELF');

    expect((await asAdmin('POST', `/users/${person.user.id}/deactivate`)).body.status).toBe('disabled');
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, person.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await lc.login('truong.phong', STRONG_PASSWORD)).body.code).toBe('AUTH_ACCOUNT_DISABLED');
    expect((await asAdmin('POST', `/users/${person.user.id}/reactivate`)).body.status).toBe('active');
    expect((await lc.login('truong.phong', STRONG_PASSWORD)).status).toBe(200);
  });

  it('NA-9: a leaked password ends every session at once; sign-in waits for a reset; the new password must differ', async () => {
    const person = await readyAccount(ctx, lc, 'lo.mat.khau', laoCai.id);
    const second = (await lc.login('lo.mat.khau', STRONG_PASSWORD)).body;
    expect((await lc.send('POST', '/api/v1/auth/password/exposed', undefined, person.accessToken)).status).toBe(204);
    for (const token of [person.accessToken, second.accessToken]) {
      expect((await lc.send('GET', '/api/v1/auth/me', undefined, token)).body.code).toBe('AUTH_SESSION_ENDED');
    }
    expect((await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    expect((await lc.login('lo.mat.khau', STRONG_PASSWORD)).body.code).toBe('AUTH_PASSWORD_EXPOSED');
    expect((await asAdmin('GET', `/users/${person.user.id}`)).body.passwordExposed).toBe(true);

    const reset = await asAdmin('POST', `/users/${person.user.id}/password-reset`);
    expect(reset.status).toBe(201);
    const same = await lc.send('POST', '/api/v1/auth/reset', { token: reset.body.token, password: STRONG_PASSWORD });
    expect([same.status, same.body.errors.map((e: { message: string }) => e.message)]).toEqual([
      422,
      ['Mật khẩu mới phải khác mật khẩu cũ.'],
    ]);
    expect((await lc.send('POST', '/api/v1/auth/reset', { token: reset.body.token, password: NEW_PASSWORD })).status).toBe(204);
    expect((await lc.login('lo.mat.khau', STRONG_PASSWORD)).status).toBe(401);
    expect((await lc.login('lo.mat.khau', NEW_PASSWORD)).status).toBe(200);

    // Reported by the IT centre on the user's behalf, with the same effect.
    const third = (await lc.login('lo.mat.khau', NEW_PASSWORD)).body;
    expect((await asAdmin('POST', `/users/${person.user.id}/password-exposed`)).status).toBe(204);
    expect((await lc.send('GET', '/api/v1/auth/me', undefined, third.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it("a tenant admin of one province cannot read or change another province's users or audit log, even with their ids", async () => {
    const theirs = (await na.send('GET', '/api/v1/users', undefined, otherAdmin.accessToken)).body;
    const theirAdminId = theirs.find((u: { username: string }) => u.username === 'it.nghean').id;
    expect((await asAdmin('GET', `/users/${theirAdminId}`)).status).toBe(404);
    expect((await asAdmin('POST', `/users/${theirAdminId}/deactivate`)).status).toBe(404);
    expect((await asAdmin('POST', `/users/${theirAdminId}/password-reset`)).status).toBe(404);
    expect((await asAdmin('PUT', `/users/${theirAdminId}/roles`, { roles: [] })).status).toBe(404);
    // The Lào Cai token on Nghệ An's side is not even a valid caller there.
    expect((await na.send('GET', '/api/v1/users', undefined, admin.accessToken)).status).toBe(401);
    const audit = await asAdmin('GET', '/audit?limit=200');
    expect(audit.body.items.every((e: { tenantId: string }) => e.tenantId === laoCai.id)).toBe(true);
    expect(audit.body.items.some((e: { subjectId: string }) => e.subjectId === theirAdminId)).toBe(false);
  });

  it('keeps an audit trail the IT centre can filter and page', async () => {
    const failed = await asAdmin('GET', '/audit?action=auth.sign_in_failed,auth.password_exposed&limit=2');
    expect(failed.status).toBe(200);
    expect(failed.body.items).toHaveLength(2);
    expect(failed.body.nextCursor).toEqual(expect.any(String));
    const next = await asAdmin('GET', `/audit?action=auth.sign_in_failed,auth.password_exposed&limit=2&cursor=${failed.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(failed.body.items[0].id);
    const actions = new Set((await asAdmin('GET', '/audit?limit=200')).body.items.map((e: { action: string }) => e.action));
    for (const action of [
      'auth.sign_in',
      'auth.sign_in_failed',
      'accounts.user_invited',
      'accounts.user_activated',
      'accounts.role_granted',
      'accounts.role_revoked',
      'accounts.user_deactivated',
      'auth.password_exposed',
      'auth.password_reset_issued',
      'auth.password_changed',
    ]) {
      expect({ action, present: actions.has(action) }).toEqual({ action, present: true });
    }
    expect((await asAdmin('GET', '/audit?action=auth.hacked')).status).toBe(422);
    expect((await asAdmin('GET', '/audit?cursor=bm90LWEtY3Vyc29y')).body.code).toBe('AUDIT_BAD_CURSOR');
    await expect(ctx.asOwner((c) => c.query(`DELETE FROM audit_entry`))).rejects.toThrow(/append-only/);
  });

  it('refuses these endpoints to roles that do not hold the capability (403)', async () => {
    const editor = await asAdmin('POST', '/users/invitations', {
      username: 'chi.bien.tap',
      displayName: 'Chỉ biên tập',
      roles: [{ role: 'unit_editor', unit: 'so-y-te' }],
    });
    await lc.send('POST', '/api/v1/auth/activate', { token: editor.body.invitation.token, password: STRONG_PASSWORD });
    const token = (await lc.login('chi.bien.tap', STRONG_PASSWORD)).body.accessToken;
    for (const [method, path] of [
      ['GET', '/users'],
      ['POST', '/users/invitations'],
      ['GET', '/audit'],
    ]) {
      const res = await lc.send(
        method,
        `/api/v1${path}`,
        method === 'POST' ? { username: 'x.y.z', displayName: 'X Y', roles: [] } : undefined,
        token,
      );
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'AUTH_FORBIDDEN' });
    }
  });
});
