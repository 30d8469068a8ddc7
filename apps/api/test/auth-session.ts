import { AuditLog } from '@cong/platform-audit';
import { AccountAdmin, PasswordHasher } from '@cong/accounts';
import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';

export const STRONG_PASSWORD = 'Rừng-thông-Sa-Pa-mùa-đông-2026!';

/** Talks to the API as one province (by X-Tenant) or as the national operators' platform (code null). */
export class Caller {
  constructor(
    private readonly api: ApiUnderTest,
    readonly tenantCode: string | null,
  ) {}

  get authBase(): string {
    return this.tenantCode ? '/api/v1/auth' : '/api/v1/operator/auth';
  }

  send(method: string, path: string, body?: unknown, token?: string, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.tenantCode) headers['x-tenant'] = this.tenantCode;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.api.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  login(username: string, password: string) {
    return this.send('POST', `${this.authBase}/login`, { username, password });
  }
}

/**
 * Issues an account the way the CLI does (one-time password), signs in, replaces the password with
 * STRONG_PASSWORD and returns a usable session.
 */
export async function readyAccount(ctx: TestContext, caller: Caller, username: string, tenantId: string | null) {
  const admin = new AccountAdmin(ctx.db, new PasswordHasher(), new AuditLog());
  const access = { actorId: null, actorLabel: 'test-fixture', reason: 'test fixture' };
  const issued = tenantId
    ? await admin.createTenantAdmin(tenantId, { username, displayName: `Cán bộ ${username}` }, access)
    : await admin.createNationalOperator({ username, displayName: `Điều hành ${username}` }, access);
  const first = await caller.login(username, issued.oneTimePassword);
  if (first.status !== 200) throw new Error(`sign-in failed: ${first.text}`);
  const changed = await caller.send(
    'POST',
    `${caller.authBase}/password`,
    { currentPassword: issued.oneTimePassword, newPassword: STRONG_PASSWORD },
    first.body.accessToken,
  );
  if (changed.status !== 204) throw new Error(`password change failed: ${changed.text}`);
  await caller.send('POST', `${caller.authBase}/logout`, undefined, first.body.accessToken);
  const signedIn = await caller.login(username, STRONG_PASSWORD);
  return {
    user: issued.user,
    oneTimePassword: issued.oneTimePassword,
    accessToken: signedIn.body.accessToken as string,
    refreshToken: signedIn.body.refreshToken as string,
  };
}

/**
 * An account invited by a province's admin with these roles, activated with STRONG_PASSWORD and
 * signed in: its access token.
 */
export async function invitedAccount(
  caller: Caller,
  adminToken: string,
  username: string,
  roles: { role: string; unit?: string }[],
  extra: { displayName?: string; email?: string } = {},
): Promise<string> {
  const invited = await caller.send(
    'POST',
    '/api/v1/users/invitations',
    { username, displayName: extra.displayName ?? `Cán bộ ${username}`, roles, ...(extra.email ? { email: extra.email } : {}) },
    adminToken,
  );
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.text}`);
  await caller.send('POST', '/api/v1/auth/activate', { token: invited.body.invitation.token, password: STRONG_PASSWORD });
  return (await caller.login(username, STRONG_PASSWORD)).body.accessToken;
}
