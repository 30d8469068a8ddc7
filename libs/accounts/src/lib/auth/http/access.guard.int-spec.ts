import { ExecutionScope, Public } from '@cong/platform-context';
import { TestContext } from '@cong/testing';
import { NoTenant, ResolvedTenant, TenantContext } from '@cong/tenancy';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtService } from '@nestjs/jwt';
import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { SessionPolicy } from '@cong/rules';
import { applyUnitTree } from '@cong/units';
import { AllowedDuringPasswordChange, AllowedDuringTwoFactorEnrolment, Requires } from '../../access/access.decorators';
import { SessionService } from '../../sessions/session.service';
import { Membership, TenantRole, UNIT_ROLES } from '../../users/membership.entity';
import { User } from '../../users/user.entity';
import { ACCESS_TOKEN_ISSUER, AccessTokenService, PLATFORM_AUDIENCE } from '../access-token.service';
import { AccountScope } from '../account-scope';
import { Principal } from '../principal';
import { AccessGuard } from './access.guard';
import { JwtStrategy } from './jwt.strategy';

/** Routes as a controller declares them; the guard reads their metadata. */
class ProvinceRoutes {
  @Public() open() {}
  read() {}
  @Requires('users.manage') manageUsers() {}
  @Requires('content.read', 'compliance.manage') readAndClose() {}
  @AllowedDuringPasswordChange() changePassword() {}
  @AllowedDuringTwoFactorEnrolment() enrol() {}
}

@NoTenant()
class PlatformRoutes {
  @Requires('platform.tenants.read') tenants() {}
}

describe('AccessGuard: closed by default, @Public, @Requires, the token’s scope and session (real sessions)', () => {
  let ctx: TestContext;
  let tenant: ResolvedTenant;
  let other: ResolvedTenant;
  let guard: AccessGuard;
  let tokens: AccessTokenService;
  let cls: ClsService;
  let tenants: TenantContext;
  let scope: ExecutionScope;
  const sessions = new SessionService();
  /** One unit per province, for the unit roles. */
  const unitOf: Record<string, string> = {};
  let n = 0;

  /** An account with these roles and a live session: its access token. */
  const signedIn = async (
    roles: TenantRole[],
    claims: { pwc?: boolean; tfe?: boolean; seconds?: number } = {},
    inTenant: ResolvedTenant = tenant,
  ) => {
    const { user, familyId } = await ctx.db.transaction(inTenant.id, async (m) => {
      const u = await m.getRepository(User).save(
        m.getRepository(User).create({
          tenantId: inTenant.id,
          username: `guard${++n}`,
          displayName: `G ${n}`,
          status: 'active',
          mustChangePassword: claims.pwc ?? false,
        }),
      );
      for (const role of roles) {
        const unitId = UNIT_ROLES.includes(role) ? unitOf[inTenant.id] : null;
        await m.getRepository(Membership).save(m.getRepository(Membership).create({ tenantId: inTenant.id, userId: u.id, role, unitId }));
      }
      const { record } = await sessions.start(m, u, new SessionPolicy(), {});
      return { user: u, familyId: record.familyId };
    });
    return {
      user,
      familyId,
      token: tokens.sign({ sub: user.id, sid: familyId, aud: inTenant.id, pwc: claims.pwc, tfe: claims.tfe }, claims.seconds ?? 60),
    };
  };

  /** Runs the guard for `handler` as the tenant guard would leave a request of `province`. */
  const check = (routes: object, handler: string, authorization?: string, province: ResolvedTenant | null = tenant) => {
    const req: { headers: Record<string, string>; user?: Principal } = { headers: authorization ? { authorization } : {} };
    const Routes = routes.constructor as new () => object;
    const context = new ExecutionContextHost([req, {}, () => undefined], Routes, (routes as Record<string, () => void>)[handler]);
    return scope.run({ requestId: `r${++n}` }, async () => {
      if (province) tenants.enter(province);
      const allowed = await guard.canActivate(context);
      return { allowed, user: req.user, actor: scope.actor };
    });
  };
  const province = new ProvinceRoutes();
  const platform = new PlatformRoutes();

  beforeAll(async () => {
    ctx = await TestContext.create();
    const t = await ctx.newTenant();
    const o = await ctx.newTenant();
    tenant = { id: t.id, code: t.code, name: t.name, timezone: t.timezone, status: 'active' };
    other = { id: o.id, code: o.code, name: o.name, timezone: o.timezone, status: 'active' };
    for (const p of [tenant, other]) {
      await ctx.db.transaction(p.id, (m) => applyUnitTree(m, p.id, [{ code: 'so-y-te', name: 'Sở Y tế', kind: 'so', tags: [] }]));
      unitOf[p.id] = (await ctx.db.transaction(p.id, (m) => m.query('SELECT id FROM units_unit WHERE tenant_id = $1', [p.id])))[0].id;
    }
    cls = new ClsService(new AsyncLocalStorage());
    scope = new ExecutionScope(cls);
    tenants = new TenantContext(scope, cls);
    tokens = new AccessTokenService(ctx.config);
    // Registers the 'jwt' strategy with passport, as Nest does when it instantiates the provider.
    new JwtStrategy(ctx.config, new AccountScope(ctx.db), sessions);
    guard = new AccessGuard(new Reflector(), tenants, scope);
  });
  afterAll(() => ctx?.close());

  it('@Public routes need no token', async () => {
    await expect(check(province, 'open')).resolves.toMatchObject({ allowed: true, user: undefined });
  });

  it('every other route needs a token: none is a 401', async () => {
    await expect(check(province, 'read')).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED', kind: 'unauthorized' });
    await expect(check(province, 'read', 'Basic dXNlcjpwYXNz')).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
  });

  it('a valid token of this province lets its holder in, as the request’s actor', async () => {
    const { user, familyId, token } = await signedIn(['unit_editor']);
    const result = await check(province, 'read', `Bearer ${token}`);
    expect(result.allowed).toBe(true);
    expect(result.user).toMatchObject({
      userId: user.id,
      tenantId: tenant.id,
      sessionId: familyId,
      memberships: [{ role: 'unit_editor', unitId: unitOf[tenant.id] }],
    });
    expect(result.actor).toEqual({ kind: 'user', id: user.id, label: user.username });
  });

  it('@Requires: every listed capability must be held through a role, or it is a 403 naming the capability', async () => {
    const { token: editor } = await signedIn(['unit_editor']);
    await expect(check(province, 'manageUsers', `Bearer ${editor}`)).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
      kind: 'forbidden',
      message: expect.stringContaining('users.manage'),
    });
    const { token: admin } = await signedIn(['tenant_admin']);
    await expect(check(province, 'manageUsers', `Bearer ${admin}`)).resolves.toMatchObject({ allowed: true });
    await expect(check(province, 'readAndClose', `Bearer ${admin}`)).resolves.toMatchObject({ allowed: true });
    const { token: board } = await signedIn(['editorial_board']);
    await expect(check(province, 'readAndClose', `Bearer ${board}`)).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
      message: expect.stringContaining('compliance.manage'),
    });
    const { token: none } = await signedIn([]);
    await expect(check(province, 'manageUsers', `Bearer ${none}`)).rejects.toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });

  it('a token of another province, or of the platform, is refused here', async () => {
    const { token: theirs } = await signedIn(['tenant_admin'], {}, other);
    await expect(check(province, 'read', `Bearer ${theirs}`)).rejects.toMatchObject({ code: 'AUTH_WRONG_SCOPE' });
    await expect(check(platform, 'tenants', `Bearer ${theirs}`, null)).rejects.toMatchObject({ code: 'AUTH_WRONG_SCOPE' });
  });

  it('an expired, forged or malformed token is a 401 that says which', async () => {
    const { user, familyId } = await signedIn(['tenant_admin']);
    const expired = tokens.sign({ sub: user.id, sid: familyId, aud: tenant.id }, -10);
    await expect(check(province, 'read', `Bearer ${expired}`)).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    const forged = new JwtService({ secret: 'not-our-key-'.repeat(4) }).sign(
      { sid: familyId },
      { subject: user.id, audience: tenant.id, issuer: ACCESS_TOKEN_ISSUER, expiresIn: 60 },
    );
    await expect(check(province, 'read', `Bearer ${forged}`)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    await expect(check(province, 'read', 'Bearer not.a.jwt')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    // Signed with our key but not what we issue: no expiry.
    const timeless = new JwtService({ secret: ctx.config.auth.jwtSecret }).sign(
      { sid: familyId },
      { subject: user.id, audience: tenant.id, issuer: ACCESS_TOKEN_ISSUER },
    );
    await expect(check(province, 'read', `Bearer ${timeless}`)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('NA-9: a token whose session was revoked stops working at once, before it expires', async () => {
    const { familyId, token } = await signedIn(['tenant_admin']);
    await expect(check(province, 'read', `Bearer ${token}`)).resolves.toMatchObject({ allowed: true });
    await ctx.db.transaction(tenant.id, (m) => sessions.revokeFamily(m, familyId, 'signed out'));
    await expect(check(province, 'read', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_SESSION_ENDED' });
  });

  it('NA-9: a token of an account deactivated or reported leaked since is refused', async () => {
    const disabled = await signedIn(['tenant_admin']);
    await ctx.db.transaction(tenant.id, (m) => m.getRepository(User).update({ id: disabled.user.id }, { status: 'disabled' }));
    await expect(check(province, 'read', `Bearer ${disabled.token}`)).rejects.toMatchObject({ code: 'AUTH_SESSION_ENDED' });
    const leaked = await signedIn(['tenant_admin']);
    await ctx.db.transaction(tenant.id, (m) => m.getRepository(User).update({ id: leaked.user.id }, { passwordExposedAt: new Date() }));
    await expect(check(province, 'read', `Bearer ${leaked.token}`)).rejects.toMatchObject({ code: 'AUTH_SESSION_ENDED' });
  });

  it('while a one-time password must be changed, only the routes for changing it are open', async () => {
    const { token } = await signedIn(['tenant_admin'], { pwc: true });
    await expect(check(province, 'read', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_PASSWORD_CHANGE_REQUIRED' });
    await expect(check(province, 'manageUsers', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_PASSWORD_CHANGE_REQUIRED' });
    await expect(check(province, 'changePassword', `Bearer ${token}`)).resolves.toMatchObject({ allowed: true });
    // The password comes first: enrolment routes stay closed until it is changed.
    await expect(check(province, 'enrol', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_PASSWORD_CHANGE_REQUIRED' });
  });

  it('while a role’s required two-step verification is off, only enrolling is open', async () => {
    const { token } = await signedIn(['tenant_admin'], { tfe: true });
    await expect(check(province, 'read', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_TWO_FACTOR_ENROLMENT_REQUIRED' });
    await expect(check(province, 'enrol', `Bearer ${token}`)).resolves.toMatchObject({ allowed: true });
  });

  it('a national operator reaches @NoTenant platform routes with a platform token, and province routes refuse it', async () => {
    const access = { actorId: null, actorLabel: 'spec', reason: 'guard spec fixture' };
    const { user, familyId } = await ctx.db.asOperator(access, async (m) => {
      const u = await m
        .getRepository(User)
        .save(m.getRepository(User).create({ tenantId: null, username: `operator${++n}`, displayName: 'Operator', status: 'active' }));
      const { record } = await sessions.start(m, u, new SessionPolicy(), {});
      return { user: u, familyId: record.familyId };
    });
    const token = tokens.sign({ sub: user.id, sid: familyId, aud: PLATFORM_AUDIENCE }, 60);
    await expect(check(platform, 'tenants', `Bearer ${token}`, null)).resolves.toMatchObject({ allowed: true, user: { tenantId: null } });
    await expect(check(province, 'read', `Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_WRONG_SCOPE' });
    const { token: admin } = await signedIn(['tenant_admin']);
    await expect(check(platform, 'tenants', `Bearer ${admin}`, null)).rejects.toMatchObject({ code: 'AUTH_WRONG_SCOPE' });
  });
});
