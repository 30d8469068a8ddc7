import { Injectable } from '@nestjs/common';
import { KeysetPosition } from '@cong/platform-database';
import { EntityManager } from 'typeorm';
import { OnlineService, OnlineServiceLevel, OnlineServiceStatus } from './online-service.entity';

export interface ServicePageQuery {
  unitId?: string;
  status?: OnlineServiceStatus;
  level?: OnlineServiceLevel;
  /** Words of the name, or the code, accents and case ignored. */
  q?: string;
  after?: KeysetPosition;
  limit: number;
}

/** Every query on the registry of online services. */
@Injectable()
export class OnlineServiceRepository {
  insert(m: EntityManager, service: Omit<OnlineService, 'id' | 'createdAt' | 'updatedAt'>): Promise<OnlineService> {
    const repo = m.getRepository(OnlineService);
    return repo.save(repo.create(service));
  }

  save(m: EntityManager, service: OnlineService): Promise<OnlineService> {
    return m.getRepository(OnlineService).save(service);
  }

  /** One entry; locked against concurrent changes when `lock`. */
  find(m: EntityManager, tenantId: string, id: string, lock = false): Promise<OnlineService | null> {
    return m
      .getRepository(OnlineService)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Another live entry of the province holding `code` (unique, case aside; a declined or retired entry holds none). */
  async holderOfCode(m: EntityManager, tenantId: string, code: string, except?: string): Promise<OnlineService | null> {
    const query = m
      .getRepository(OnlineService)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId AND lower(s.code) = lower(:code)', { tenantId, code })
      .andWhere(`s.status NOT IN ('declined', 'retired')`);
    if (except) query.andWhere('s.id <> :except', { except });
    return query.getOne();
  }

  /** A page, newest first, in one statement. */
  page(m: EntityManager, tenantId: string, q: ServicePageQuery): Promise<OnlineService[]> {
    const query = m.getRepository(OnlineService).createQueryBuilder('s').where('s.tenant_id = :tenantId', { tenantId });
    if (q.unitId) query.andWhere('s.unit_id = :unitId', { unitId: q.unitId });
    if (q.status) query.andWhere('s.status = :status', { status: q.status });
    if (q.level) query.andWhere('s.level = :level', { level: q.level });
    if (q.q) query.andWhere(`cong_fold(s.name || ' ' || coalesce(s.code, '')) LIKE '%' || cong_fold(:words) || '%'`, { words: q.q.trim() });
    if (q.after) query.andWhere('(s.created_at, s.id) < (:at, :id)', { at: q.after.at, id: q.after.id });
    return query.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').limit(q.limit).getMany();
  }

  /** What citizens see: the services offered online now, of one unit or serving one procedure item. */
  active(m: EntityManager, tenantId: string, where: { unitId?: string; procedureItemId?: string }): Promise<OnlineService[]> {
    return m.getRepository(OnlineService).find({
      where: {
        tenantId,
        status: 'active',
        ...(where.unitId ? { unitId: where.unitId } : {}),
        ...(where.procedureItemId ? { procedureItemId: where.procedureItemId } : {}),
      },
      order: { name: 'ASC' },
    });
  }
}
