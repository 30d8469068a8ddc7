import { Injectable } from '@nestjs/common';
import { KeysetPosition } from '@cong/platform-database';
import { UnitRequestKind } from '@cong/rules';
import { EntityManager } from 'typeorm';
import { OPEN_REQUEST_STATUSES, RequestAction, UnitRequest, UnitRequestEvent, UnitRequestStatus } from './unit-request.entity';

/** What a list may be narrowed to; `reach` is already resolved to unit ids (or every unit). */
export interface RequestPageQuery {
  reach: 'all' | string[];
  kind?: UnitRequestKind;
  status?: UnitRequestStatus;
  /** Sent by this unit. */
  unitId?: string;
  /** Handled by this unit. */
  handlerUnitId?: string;
  /** Within reach as the sender's side (`outgoing`) or the handler's (`incoming`); both when left out. */
  box?: 'incoming' | 'outgoing';
  /** Open and past their due day, as of this day. */
  overdueOn?: string;
  /** Words of the title or description, accents and case ignored, or a number such as `DX-2026-7`. */
  q?: string;
  after?: KeysetPosition;
  limit: number;
}

export interface NewRequestEvent {
  action: RequestAction;
  actor: { id: string | null; label: string };
  fromUnitId?: string | null;
  toUnitId?: string | null;
  note?: string | null;
}

/** Every query on units' requests and their history. */
@Injectable()
export class UnitRequestRepository {
  /** The next number of `kind` in `year`, under a lock held to the end of the transaction (two senders never share one). */
  async nextNumber(m: EntityManager, tenantId: string, kind: UnitRequestKind, year: number): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`online_services_request:${tenantId}:${kind}:${year}`]);
    const [row]: { next: number }[] = await m.query(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM online_services_request WHERE tenant_id = $1 AND kind = $2 AND year = $3`,
      [tenantId, kind, year],
    );
    return Number(row.next);
  }

  insert(m: EntityManager, request: Omit<UnitRequest, 'id' | 'createdAt' | 'updatedAt'>): Promise<UnitRequest> {
    const repo = m.getRepository(UnitRequest);
    return repo.save(repo.create(request));
  }

  save(m: EntityManager, request: UnitRequest): Promise<UnitRequest> {
    return m.getRepository(UnitRequest).save(request);
  }

  /** One request; locked against concurrent changes when `lock`. */
  find(m: EntityManager, tenantId: string, id: string, lock = false): Promise<UnitRequest | null> {
    return m
      .getRepository(UnitRequest)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** A page, newest first, in one statement. */
  page(m: EntityManager, tenantId: string, q: RequestPageQuery): Promise<UnitRequest[]> {
    const query = m.getRepository(UnitRequest).createQueryBuilder('r').where('r.tenant_id = :tenantId', { tenantId });
    if (q.reach !== 'all') {
      const sides = { incoming: 'r.handler_unit_id = ANY(:reach::uuid[])', outgoing: 'r.unit_id = ANY(:reach::uuid[])' };
      query.andWhere(q.box ? sides[q.box] : `(${sides.incoming} OR ${sides.outgoing})`, { reach: q.reach });
    }
    if (q.kind) query.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.status) query.andWhere('r.status = :status', { status: q.status });
    if (q.unitId) query.andWhere('r.unit_id = :unitId', { unitId: q.unitId });
    if (q.handlerUnitId) query.andWhere('r.handler_unit_id = :handlerUnitId', { handlerUnitId: q.handlerUnitId });
    if (q.overdueOn)
      query.andWhere('r.status = ANY(:open::text[]) AND r.due_on < :today', { open: OPEN_REQUEST_STATUSES, today: q.overdueOn });
    if (q.q) {
      const words = q.q.trim();
      const number = /^(DX|PA)-(\d{4})-(\d{1,9})$/i.exec(words);
      if (number)
        query.andWhere('r.kind = :numberKind AND r.year = :year AND r.number = :number', {
          numberKind: number[1].toUpperCase() === 'DX' ? 'proposal' : 'problem',
          year: Number(number[2]),
          number: Number(number[3]),
        });
      else query.andWhere(`cong_fold(r.title || ' ' || r.description) LIKE '%' || cong_fold(:words) || '%'`, { words });
    }
    if (q.after) query.andWhere('(r.created_at, r.id) < (:at, :id)', { at: q.after.at, id: q.after.id });
    return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(q.limit).getMany();
  }

  async record(m: EntityManager, request: UnitRequest, event: NewRequestEvent): Promise<void> {
    await m.getRepository(UnitRequestEvent).insert({
      tenantId: request.tenantId,
      requestId: request.id,
      at: new Date(),
      action: event.action,
      actorId: event.actor.id,
      actorLabel: event.actor.label.slice(0, 200),
      fromUnitId: event.fromUnitId ?? null,
      toUnitId: event.toUnitId ?? null,
      note: event.note?.trim() || null,
    });
  }

  history(m: EntityManager, tenantId: string, requestId: string): Promise<UnitRequestEvent[]> {
    return m.getRepository(UnitRequestEvent).find({ where: { tenantId, requestId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
