import { Injectable } from '@nestjs/common';
import { Actor, ExecutionScope } from '@cong/platform-context';
import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { ResolvedTenant } from '../resolution/resolved-tenant';

const RESOLVED_TENANT = 'resolvedTenant';

/** Thrown when code that needs a province runs outside one: a bug, never a user's mistake. */
export class TenantContextMissingError extends Error {
  readonly code = 'TENANCY_CONTEXT_MISSING';
  constructor() {
    super('No tenant in the current execution scope; tenant data access refused');
  }
}

/**
 * The province the current request, job or command runs for. Fails closed: `require()` throws
 * when there is none, rather than falling back to "all provinces".
 */
@Injectable()
export class TenantContext {
  constructor(
    private readonly scope: ExecutionScope,
    private readonly cls: ClsService,
  ) {}

  /** The current province's id; throws when none was resolved. */
  require(): string {
    const tenantId = this.scope.tenantId;
    if (!tenantId) throw new TenantContextMissingError();
    return tenantId;
  }

  /** The resolved province of an HTTP request (set by the tenant guard). */
  current(): ResolvedTenant {
    const tenant = this.cls.isActive() ? this.cls.get<ResolvedTenant | undefined>(RESOLVED_TENANT) : undefined;
    if (!tenant) throw new TenantContextMissingError();
    return tenant;
  }

  /** Binds the running request to a province; done once, by the tenant guard. */
  enter(tenant: ResolvedTenant): void {
    this.scope.enterTenant(tenant.id);
    this.cls.set(RESOLVED_TENANT, tenant);
  }

  /** Runs `work` as `actor` inside a province: jobs, CLI commands and tests. */
  runAs<T>(tenantId: string, actor: Actor, work: () => Promise<T>, requestId: string = randomUUID()): Promise<T> {
    return this.scope.run({ requestId, tenantId, actor }, work);
  }
}
