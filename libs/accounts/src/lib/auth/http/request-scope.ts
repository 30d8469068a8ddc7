import { NO_TENANT, TenantContext } from '@cong/tenancy';
import { Reflector } from '@nestjs/core';
import { ExecutionContext } from '@nestjs/common';
import { ClientInfo } from '../../sessions/session.service';
import { AuthScope, PLATFORM_SCOPE } from '../auth.service';

export interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  user?: unknown;
}

/** A province's request is scoped to it; a @NoTenant request to the national operators' platform. */
export function authScopeOf(tenants: TenantContext, reflector: Reflector, ctx: ExecutionContext): AuthScope {
  const platform = reflector.getAllAndOverride<boolean>(NO_TENANT, [ctx.getHandler(), ctx.getClass()]);
  if (platform) return PLATFORM_SCOPE;
  const tenant = tenants.current();
  return { tenantId: tenant.id, timezone: tenant.timezone };
}

export function clientOf(req: RequestLike): ClientInfo {
  const agent = req.headers['user-agent'];
  return { ip: req.ip, userAgent: Array.isArray(agent) ? agent[0] : agent };
}
