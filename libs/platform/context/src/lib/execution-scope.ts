import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/** Who is acting: a signed-in user, a job, the CLI or the platform itself. */
export interface Actor {
  kind: 'user' | 'system' | 'cli' | 'job';
  id: string | null;
  /** Shown in audit entries and logs: a username, a job name, `cli:root`. */
  label: string;
}

export interface ScopeValues {
  requestId: string;
  tenantId?: string;
  actor?: Actor;
}

const REQUEST_ID = 'requestId';
const TENANT_ID = 'tenantId';
const ACTOR = 'actor';

/**
 * What the current request, job or CLI command runs as, carried in AsyncLocalStorage. It knows
 * nothing of provinces: tenancy builds `TenantContext` (which fails closed) on top of it.
 */
@Injectable()
export class ExecutionScope {
  constructor(private readonly cls: ClsService) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.get(REQUEST_ID) : undefined;
  }

  get tenantId(): string | undefined {
    return this.cls.isActive() ? this.cls.get(TENANT_ID) : undefined;
  }

  get actor(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get(ACTOR) : undefined;
  }

  isActive(): boolean {
    return this.cls.isActive();
  }

  /** Sets the tenant of the scope already running (the HTTP tenant guard does this once per request). */
  enterTenant(tenantId: string): void {
    this.cls.set(TENANT_ID, tenantId);
  }

  setActor(actor: Actor): void {
    this.cls.set(ACTOR, actor);
  }

  /** Runs `work` in a fresh scope: jobs, CLI commands and tests. */
  run<T>(values: ScopeValues, work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'override' }, () => {
      this.cls.set(REQUEST_ID, values.requestId);
      if (values.tenantId) this.cls.set(TENANT_ID, values.tenantId);
      if (values.actor) this.cls.set(ACTOR, values.actor);
      return work();
    });
  }
}
