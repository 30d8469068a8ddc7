import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One opening of every province's rows by a national operator or platform tooling, with its reason. */
export interface OperatorAccess {
  id: string;
  actorId: string | null;
  actorLabel: string;
  reason: string;
  /** The province the work was about, when it named one. */
  tenantId: string | null;
  startedAt: Date;
}

export interface OperatorAccessQuery {
  tenantId?: string;
  actorLabel?: string;
  from?: Date;
  to?: Date;
  after?: { startedAt: Date; id: string };
  limit: number;
}

/**
 * Reads the trail `platform_begin_operator_access` writes (only that function writes it, nobody
 * edits it): newest first, in the caller's transaction. The table has no row-level security, so a
 * province's reader always passes its own `tenantId`.
 */
@Injectable()
export class OperatorAccessLog {
  async query(m: EntityManager, q: OperatorAccessQuery): Promise<OperatorAccess[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(clause(`$${values.length}`));
    };
    if (q.tenantId) add((n) => `tenant_id = ${n}`, q.tenantId);
    if (q.actorLabel) add((n) => `actor_label = ${n}`, q.actorLabel);
    if (q.from) add((n) => `started_at >= ${n}`, q.from);
    if (q.to) add((n) => `started_at < ${n}`, q.to);
    if (q.after) {
      values.push(q.after.startedAt, q.after.id);
      where.push(`(started_at, id) < ($${values.length - 1}, $${values.length})`);
    }
    values.push(q.limit);
    const rows: { id: string; actor_id: string | null; actor_label: string; reason: string; tenant_id: string | null; started_at: Date }[] =
      await m.query(
        `SELECT id, actor_id, actor_label, reason, tenant_id, started_at FROM platform_operator_access
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY started_at DESC, id DESC LIMIT $${values.length}`,
        values,
      );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      reason: r.reason,
      tenantId: r.tenant_id,
      startedAt: r.started_at,
    }));
  }
}
