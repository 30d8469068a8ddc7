import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseErrors } from './database.errors';

interface OpenTransaction {
  /** The tenant the transaction is bound to; null for an operator transaction. */
  tenantId: string | null;
  manager: EntityManager;
}

export interface OperatorAccessRequest {
  /** The operator's user id, when a signed-in person acts. */
  actorId: string | null;
  /** Who acts, as shown in the audit trail: a username or `cli:<os-user>`. */
  actorLabel: string;
  /** Why access across provinces is needed; stored with the audit entry. */
  reason: string;
  /** The province concerned, when the work is about one. */
  tenantId?: string | null;
}

export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !isUUID(tenantId)) throw DatabaseErrors.invalidTenantId(tenantId);
}

/**
 * The one path to tenant-owned data. Every unit of work runs in a transaction that first sets
 * `app.tenant_id`, so row-level security admits that province's rows and no others. Repositories
 * call `transaction(tenantId, …)`; nested calls for the same tenant join the open transaction, so a
 * service can span several repositories atomically.
 */
@Injectable()
export class TenantDatabase {
  private readonly open = new AsyncLocalStorage<OpenTransaction>();

  constructor(readonly dataSource: DataSource) {}

  async transaction<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    const current = this.open.getStore();
    if (current) {
      if (current.tenantId !== null && current.tenantId !== tenantId) {
        throw DatabaseErrors.crossTenantNesting(current.tenantId, tenantId);
      }
      return work(current.manager);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return this.open.run({ tenantId, manager }, () => work(manager));
    });
  }

  /**
   * Work across provinces for national operators and platform tooling. Writes an audit entry
   * first (through a SECURITY DEFINER function the application role cannot bypass) and only that
   * entry, tied to this very transaction, opens the rows of every province.
   */
  async asOperator<T>(access: OperatorAccessRequest, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!access.reason || access.reason.trim().length < 3) throw DatabaseErrors.operatorReasonMissing();
    if (access.tenantId) assertTenantId(access.tenantId);
    const current = this.open.getStore();
    if (current?.tenantId === null) return work(current.manager);
    if (current) throw DatabaseErrors.crossTenantNesting(current.tenantId, '(operator)');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT platform_begin_operator_access($1, $2, $3, $4)`, [
        access.actorId,
        access.actorLabel.slice(0, 200),
        access.reason.trim().slice(0, 1000),
        access.tenantId ?? null,
      ]);
      return this.open.run({ tenantId: null, manager }, () => work(manager));
    });
  }
}
