import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { fieldProblems, validationError } from '@cong/platform-errors';
import { TenantContext } from '@cong/tenancy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuthErrors } from '../auth.errors';
import { SignInRequest } from './auth.dto';
import { ScopedRequest } from './local.strategy';
import { AuditLog } from '@cong/platform-audit';
import { AccountScope } from '../account-scope';
import { authScopeOf, clientOf } from './request-scope';

/**
 * Runs passport-local for the sign-in routes. Guards run before pipes, so the body is validated
 * here first: a malformed sign-in is a 422 naming the field, never a vague 401.
 */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantContext,
    private readonly scope: AccountScope,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ScopedRequest>();
    req.authScope = authScopeOf(this.tenants, this.reflector, ctx);
    const body = plainToInstance(SignInRequest, req.body ?? {});
    const errors = validateSync(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      // A malformed sign-in is still a failed sign-in: audited like a wrong password.
      await this.auditMalformed(req, body);
      throw validationError(fieldProblems(errors));
    }
    return (await super.canActivate(ctx)) as boolean;
  }

  private async auditMalformed(req: ScopedRequest, body: SignInRequest): Promise<void> {
    const { tenantId } = req.authScope;
    const label = (typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '') || 'anonymous';
    await this.scope.run(tenantId, 'malformed sign-in', (m) =>
      this.audit.record(m, {
        tenantId,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: null,
        details: { username: label, reason: 'malformed request' },
        actor: { id: null, label },
        ip: clientOf(req).ip,
      }),
    );
  }

  override handleRequest<T>(error: unknown, result: T): T {
    if (error) throw error;
    if (!result) throw AuthErrors.signInFailed();
    return result;
  }
}
