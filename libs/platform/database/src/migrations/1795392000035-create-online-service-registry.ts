import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * The registry of a province's online public services (libs/online-services; LC-2.1.3): each with
 * its unit, its code on the National Public Service Portal, its link and its status, and the
 * procedure item it serves.
 */
export class CreateOnlineServiceRegistry1795392000035 implements MigrationInterface {
  name = 'CreateOnlineServiceRegistry1795392000035';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE online_services_service (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      unit_id uuid NOT NULL,
      -- The API asks 5 characters at least (in UTF-16 units); here a floor that can never refuse what it took.
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
      code text CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z.-]{1,39}$'),
      level text NOT NULL CHECK (level IN ('full', 'partial')),
      url text CHECK (url ~ '^https?://' AND length(url) <= 500),
      procedure_item_id uuid,
      request_id uuid,
      status text NOT NULL CHECK (status IN ('registered', 'active', 'suspended', 'retired', 'declined')),
      status_note text CHECK (length(status_note) <= 2000),
      decided_at timestamptz,
      decided_by text,
      created_by uuid,
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CHECK (status <> 'active' OR url IS NOT NULL),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      FOREIGN KEY (tenant_id, procedure_item_id) REFERENCES content_item (tenant_id, id),
      FOREIGN KEY (tenant_id, request_id) REFERENCES online_services_request (tenant_id, id)
    )`);
    // One live entry per code in a province: the National Portal's code names one service (a declined or retired entry frees it).
    await q.query(
      `CREATE UNIQUE INDEX online_services_service_code ON online_services_service (tenant_id, lower(code)) WHERE code IS NOT NULL AND status NOT IN ('declined', 'retired')`,
    );
    await q.query(`CREATE INDEX online_services_service_unit ON online_services_service (tenant_id, unit_id, status)`);
    await q.query(
      `CREATE INDEX online_services_service_procedure ON online_services_service (tenant_id, procedure_item_id) WHERE procedure_item_id IS NOT NULL`,
    );
    for (const sql of isolateTenantTable('online_services_service', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('online_services_service')) await q.query(sql);
    await q.query(`DROP TABLE online_services_service`);
  }
}
