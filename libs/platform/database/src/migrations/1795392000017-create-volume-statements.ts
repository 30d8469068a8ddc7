import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** NA-10.1: certified volume statements; frozen once certified, corrected only by a new one. */
export class CreateVolumeStatements1795392000017 implements MigrationInterface {
  name = 'CreateVolumeStatements1795392000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE compliance_volume_statement (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      period_kind text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end > period_start),
      lines jsonb NOT NULL,
      total integer NOT NULL CHECK (total >= 0),
      rule_version integer NOT NULL,
      corrects_id uuid,
      reason text,
      certified_by_id uuid,
      certified_by text NOT NULL,
      certified_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, corrects_id) REFERENCES compliance_volume_statement (tenant_id, id),
      CHECK (corrects_id IS NULL OR length(trim(reason)) >= 3)
    )`);
    // One original statement per period, and each statement corrected at most once (a chain).
    await q.query(
      `CREATE UNIQUE INDEX compliance_volume_statement_original ON compliance_volume_statement (tenant_id, period_kind, period_start) WHERE corrects_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX compliance_volume_statement_corrected_once ON compliance_volume_statement (tenant_id, corrects_id) WHERE corrects_id IS NOT NULL`,
    );
    for (const sql of isolateTenantTable('compliance_volume_statement', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('compliance_volume_statement')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('compliance_volume_statement')) await q.query(sql);
    for (const sql of releaseTenantTable('compliance_volume_statement')) await q.query(sql);
    await q.query(`DROP TABLE compliance_volume_statement`);
  }
}
