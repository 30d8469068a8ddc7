import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ExecutionScope, PUBLIC_ROUTE } from '@cong/platform-context';
import { TenantContext } from '@cong/tenancy';
import { DURING_PASSWORD_CHANGE, DURING_TWO_FACTOR_ENROLMENT, REQUIRES } from '../../access/access.decorators';
import { Capability, holds } from '../../access/capabilities';
import { AuthErrors, TwoFactorErrors } from '../auth.errors';
import { Principal } from '../principal';
import { ScopedRequest } from './local.strategy';
import { authScopeOf } from './request-scope';

/**
 * Global guard, after the tenant guard: every route needs a valid access token for its scope
 * unless it is @Public, and holds the capabilities of @Requires. Closed by default.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantContext,
    private readonly scope: ExecutionScope,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = ctx.switchToHttp().getRequest<ScopedRequest & { user?: Principal }>();
    req.authScope = authScopeOf(this.tenants, this.reflector, ctx);
    await super.canActivate(ctx);
    const principal = req.user!;
    this.scope.setActor({ kind: 'user', id: principal.userId, label: principal.username });

    if (principal.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE, targets)) {
      throw AuthErrors.passwordChangeRequired();
    }
    // The one-time password is replaced first (its routes are open above); enrolment comes next.
    if (
      !principal.mustChangePassword &&
      principal.twoFactorEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(DURING_TWO_FACTOR_ENROLMENT, targets)
    ) {
      throw TwoFactorErrors.enrolmentRequired();
    }
    for (const capability of this.reflector.getAllAndOverride<Capability[] | undefined>(REQUIRES, targets) ?? []) {
      if (!holds(principal, capability)) throw AuthErrors.forbidden(capability);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error;
    if (user) return user;
    const name = (info as { name?: string; message?: string } | undefined)?.name;
    if (name === 'TokenExpiredError') throw AuthErrors.tokenExpired();
    if (name === 'JsonWebTokenError' || name === 'NotBeforeError') throw AuthErrors.tokenInvalid();
    if ((info as Error | undefined)?.message === 'No auth token') throw AuthErrors.unauthenticated();
    throw AuthErrors.tokenInvalid();
  }
}
