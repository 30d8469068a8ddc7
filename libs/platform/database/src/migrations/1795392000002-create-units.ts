import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * The unit tree of each province (đơn vị: departments, districts, press, …). A unit is never
 * deleted — content, accounts and compliance history refer to it — only deactivated.
 */
export class CreateUnits1795392000002 implements MigrationInterface {
  name = 'CreateUnits1795392000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE units_unit (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{0,62}$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 300),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z-]{1,62}$'),
      parent_id uuid,
      tags text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, code),
      CHECK (parent_id IS DISTINCT FROM id),
      FOREIGN KEY (tenant_id, parent_id) REFERENCES units_unit (tenant_id, id)
    )`);
    await q.query(`CREATE UNIQUE INDEX units_unit_id_key ON units_unit (id)`);
    await q.query(`CREATE INDEX units_unit_parent ON units_unit (tenant_id, parent_id)`);
    for (const sql of isolateTenantTable('units_unit', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('units_unit')) await q.query(sql);
    await q.query(`DROP TABLE units_unit`);
  }
}
