import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { Unit } from './unit.entity';

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
