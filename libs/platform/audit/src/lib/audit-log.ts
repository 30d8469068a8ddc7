import { Injectable, Optional } from '@nestjs/common';
import { ExecutionScope } from '@cong/platform-context';
import { EntityManager } from 'typeorm';
import { AuditAction } from './audit-actions';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  tenantId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the actor of the running request, job or command. */
  actor?: { id: string | null; label: string };
  ip?: string;
}

export interface AuditQuery {
  tenantId?: string;
  actions?: AuditAction[];
  actorId?: string;
  subjectId?: string;
  /** Entries about a unit: the unit itself, or naming it in their details (a role held there, its items). */
  unit?: { id: string; code: string };
  from?: Date;
  to?: Date;
  /** The `id` of the last entry of the previous page. */
  after?: { occurredAt: Date; id: string };
  limit: number;
}

/**
 * Writes audit entries in the caller's transaction, so an entry exists exactly when what it
 * records was committed, and reads them back newest first.
 */
@Injectable()
export class AuditLog {
  constructor(@Optional() private readonly scope?: ExecutionScope) {}

  async record(m: EntityManager, record: AuditRecord): Promise<void> {
    const actor = record.actor ?? this.scope?.actor ?? { id: null, label: 'anonymous' };
    const repo = m.getRepository(AuditEntry);
    await repo.save(
      repo.create({
        tenantId: record.tenantId,
        action: record.action,
        actorId: actor.id,
        actorLabel: actor.label.slice(0, 200),
        subjectType: record.subjectType ?? null,
        subjectId: record.subjectId ?? null,
        details: record.details ?? {},
        requestId: this.scope?.requestId ?? null,
        ip: record.ip?.slice(0, 64) ?? null,
      }),
    );
  }

  /** Newest first; row-level security limits a province's transaction to its own entries. */
  query(m: EntityManager, q: AuditQuery): Promise<AuditEntry[]> {
    const query = m
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(q.limit);
    if (q.tenantId) query.andWhere('a.tenant_id = :tenantId', { tenantId: q.tenantId });
    if (q.actions?.length) query.andWhere('a.action IN (:...actions)', { actions: q.actions });
    if (q.actorId) query.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.subjectId) query.andWhere('a.subject_id = :subjectId', { subjectId: q.subjectId });
    if (q.unit) {
      query.andWhere(
        "(a.subject_id = :unitId OR a.details->>'unitId' = :unitId OR a.details->>'unit' = :unitCode OR (a.action LIKE 'units.%' AND a.details->>'code' = :unitCode))",
        { unitId: q.unit.id, unitCode: q.unit.code },
      );
    }
    if (q.from) query.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) query.andWhere('a.occurred_at < :to', { to: q.to });
    if (q.after) query.andWhere('(a.occurred_at, a.id) < (:afterAt, :afterId)', { afterAt: q.after.occurredAt, afterId: q.after.id });
    return query.getMany();
  }
}
