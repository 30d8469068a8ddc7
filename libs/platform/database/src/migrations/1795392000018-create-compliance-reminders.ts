import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** Which reminders went out (one per rule, period or document, and unit), so none is sent twice. */
export class CreateComplianceReminders1795392000018 implements MigrationInterface {
  name = 'CreateComplianceReminders1795392000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE compliance_reminder (
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      key text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`);
    for (const sql of isolateTenantTable('compliance_reminder', ['SELECT', 'INSERT'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('compliance_reminder')) await q.query(sql);
    await q.query(`DROP TABLE compliance_reminder`);
  }
}
