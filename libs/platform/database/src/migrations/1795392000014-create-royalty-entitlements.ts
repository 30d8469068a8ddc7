import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** LC-3.1c: one royalty entitlement per approved and published portal contribution, fixed then. */
export class CreateRoyaltyEntitlements1795392000014 implements MigrationInterface {
  name = 'CreateRoyaltyEntitlements1795392000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE compliance_royalty_entitlement (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      item_id uuid NOT NULL,
      author_id uuid,
      unit_id uuid NOT NULL,
      channel text NOT NULL,
      genre text NOT NULL,
      points numeric(6, 2) NOT NULL CHECK (points >= 0),
      unit_value integer NOT NULL CHECK (unit_value > 0),
      unit_value_basis text,
      share numeric(4, 3) NOT NULL CHECK (share > 0 AND share <= 1),
      amount bigint NOT NULL CHECK (amount >= 0),
      currency text NOT NULL,
      published_on date NOT NULL,
      rule_version integer NOT NULL,
      approved_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id),
      -- Published again after a take-down, an item earns nothing more.
      UNIQUE (tenant_id, item_id)
    )`);
    await q.query(
      `CREATE INDEX compliance_royalty_entitlement_month ON compliance_royalty_entitlement (tenant_id, published_on, author_id)`,
    );
    for (const sql of isolateTenantTable('compliance_royalty_entitlement', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('compliance_royalty_entitlement')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('compliance_royalty_entitlement')) await q.query(sql);
    for (const sql of releaseTenantTable('compliance_royalty_entitlement')) await q.query(sql);
    await q.query(`DROP TABLE compliance_royalty_entitlement`);
  }
}
