import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE as APP } from '../lib/roles';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Provinces and their domains. The province list is public (every portal names its province), so
 * any role may read it; only an audited operator transaction may create or change a province.
 * Domain → province is public DNS knowledge and readable for host resolution before a tenant is
 * known; changing a province's domains is tenant-isolated like any tenant-owned table.
 */
export class CreateTenancy1795392000001 implements MigrationInterface {
  name = 'CreateTenancy1795392000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenancy_tenant (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]{1,62}$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      timezone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh' CHECK (length(timezone) BETWEEN 1 AND 64),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'archived')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE tenancy_tenant ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenancy_tenant FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_public_read ON tenancy_tenant FOR SELECT USING (true)`);
    await q.query(`CREATE POLICY tenant_operator_write ON tenancy_tenant FOR ALL
      USING (platform_operator_access_active()) WITH CHECK (platform_operator_access_active())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenancy_tenant TO ${APP}`);

    await q.query(`CREATE TABLE tenancy_tenant_domain (
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id) ON DELETE CASCADE,
      domain text NOT NULL CHECK (domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$' AND length(domain) <= 253),
      is_primary boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, domain)
    )`);
    // A host names exactly one province, platform-wide.
    await q.query(`CREATE UNIQUE INDEX tenancy_tenant_domain_domain_key ON tenancy_tenant_domain (domain)`);
    await q.query(`CREATE UNIQUE INDEX tenancy_tenant_domain_one_primary ON tenancy_tenant_domain (tenant_id) WHERE is_primary`);
    for (const sql of isolateTenantTable('tenancy_tenant_domain')) await q.query(sql);
    await q.query(`CREATE POLICY domain_public_read ON tenancy_tenant_domain FOR SELECT USING (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY domain_public_read ON tenancy_tenant_domain`);
    for (const sql of releaseTenantTable('tenancy_tenant_domain')) await q.query(sql);
    await q.query(`DROP TABLE tenancy_tenant_domain`);
    await q.query(`DROP TABLE tenancy_tenant`);
  }
}
