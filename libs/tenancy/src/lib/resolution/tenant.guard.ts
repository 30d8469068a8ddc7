import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TenantContext } from '../context/tenant-context';
import { NO_TENANT } from './no-tenant.decorator';
import { TenantResolver } from './tenant-resolver';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  host?: string;
  hostname?: string;
}

/** Global guard: resolves the province of every request (unless the route is @NoTenant) before anything else. */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: TenantResolver,
    private readonly context: TenantContext,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const exempt = this.reflector.getAllAndOverride<boolean>(NO_TENANT, [ctx.getHandler(), ctx.getClass()]);
    if (exempt) return true;
    const req = ctx.switchToHttp().getRequest<RequestLike>();
    const host = req.host ?? (req.headers['host'] as string | undefined);
    const tenant = await this.resolver.resolve({ host, tenantHeader: req.headers['x-tenant'] });
    this.context.enter(tenant);
    return true;
  }
}
