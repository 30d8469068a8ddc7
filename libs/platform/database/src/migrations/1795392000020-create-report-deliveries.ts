import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Reports delivered when their period closed (NA-12.3, LC-3.4): one per province, report, period
 * kind and start, so none goes out twice; what was delivered, to whom and when never changes.
 */
export class CreateReportDeliveries1795392000020 implements MigrationInterface {
  name = 'CreateReportDeliveries1795392000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE compliance_report_delivery (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      report_id text NOT NULL,
      period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'half-year', 'year')),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end > period_start),
      due_on date,
      recipients text[] NOT NULL,
      notified integer NOT NULL CHECK (notified >= 0),
      rule_version integer NOT NULL,
      delivered_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, report_id, period_kind, period_start)
    )`);
    for (const sql of isolateTenantTable('compliance_report_delivery', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('compliance_report_delivery')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('compliance_report_delivery')) await q.query(sql);
    for (const sql of releaseTenantTable('compliance_report_delivery')) await q.query(sql);
    await q.query(`DROP TABLE compliance_report_delivery`);
  }
}
