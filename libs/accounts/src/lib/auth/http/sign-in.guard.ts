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
import { authScopeOf } from './request-scope';

/**
 * Runs passport-local for the sign-in routes. Guards run before pipes, so the body is validated
 * here first: a malformed sign-in is a 422 naming the field, never a vague 401.
 */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantContext,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ScopedRequest>();
    const body = plainToInstance(SignInRequest, req.body ?? {});
    const errors = validateSync(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationError(fieldProblems(errors));
    req.authScope = authScopeOf(this.tenants, this.reflector, ctx);
    return (await super.canActivate(ctx)) as boolean;
  }

  override handleRequest<T>(error: unknown, result: T): T {
    if (error) throw error;
    if (!result) throw AuthErrors.signInFailed();
    return result;
  }
}
