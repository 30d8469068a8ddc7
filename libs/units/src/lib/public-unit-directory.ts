import { Injectable } from '@nestjs/common';
import { PublicReadDatabase } from '@cong/platform-database';
import { UnitProfileData } from './unit.entity';

/** A unit as citizens see it: the directory of NA-5.1 (no account, no internal field). */
export interface PublicUnit {
  code: string;
  name: string;
  kind: string;
  /** The parent's code; null for the top of the tree. */
  parent: string | null;
  profile: UnitProfileData;
}

/**
 * The province's units for its portal ("Cơ quan, đơn vị"): one statement on the public reader's
 * connection, whose row policy admits active units only. Provided by the apps that serve public
 * reads (they have that connection), not by UnitsModule.
 */
@Injectable()
export class PublicUnitDirectory {
  constructor(private readonly db: PublicReadDatabase) {}

  /** Every active unit, parents before children, by name within a parent. */
  async units(tenantId: string): Promise<PublicUnit[]> {
    return this.db.query<PublicUnit>(
      'public-units',
      `SELECT u.code, u.name, u.kind, p.code AS parent, u.profile FROM units_unit u
       LEFT JOIN units_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
       WHERE u.tenant_id = $1 ORDER BY u.parent_id NULLS FIRST, u.name COLLATE "C", u.code`,
      [tenantId],
    );
  }
}
