import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { EntityManager } from 'typeorm';

/**
 * Runs account work where the account lives: a province's accounts in its own transaction, national
 * operators' (tenant null) on the audited operator path.
 */
@Injectable()
export class AccountScope {
  constructor(private readonly db: TenantDatabase) {}

  run<T>(
    tenantId: string | null,
    why: string,
    work: (m: EntityManager) => Promise<T>,
    actor?: { id: string | null; label: string },
  ): Promise<T> {
    if (tenantId) return this.db.transaction(tenantId, work);
    return this.db.asOperator({ actorId: actor?.id ?? null, actorLabel: actor?.label ?? 'accounts', reason: why }, work);
  }
}
