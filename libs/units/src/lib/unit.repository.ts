import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { EntityManager, In } from 'typeorm';
import { Unit } from './unit.entity';

/** The ids of the province's units with these codes, in the caller's transaction (unknown codes are left out). */
export async function unitIdsByCode(m: EntityManager, tenantId: string, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  return (await m.getRepository(Unit).find({ select: ['id'], where: { tenantId, code: In([...codes]) } })).map((u) => u.id);
}

/** Reads of a province's unit tree, always inside its own transaction (row-level security). */
@Injectable()
export class UnitRepository {
  constructor(private readonly db: TenantDatabase) {}

  listOf(tenantId: string, options: { includeInactive?: boolean } = {}): Promise<Unit[]> {
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(Unit).find({
        where: options.includeInactive ? { tenantId } : { tenantId, active: true },
        order: { code: 'ASC' },
      }),
    );
  }

  findByCode(tenantId: string, code: string): Promise<Unit | null> {
    return this.db.transaction(tenantId, (m) => m.getRepository(Unit).findOneBy({ tenantId, code }));
  }
}
