import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** Closed periods' compliance results, one per province, period kind and start; never changed. */
export class CreatePeriodSnapshots1795392000016 implements MigrationInterface {
  name = 'CreatePeriodSnapshots1795392000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE compliance_period_snapshot (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      period_kind text NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter', 'half-year', 'year')),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end > period_start),
      rule_versions integer[] NOT NULL,
      results jsonb NOT NULL,
      computed_by text NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      -- Closing a period twice keeps the first snapshot: recomputation is idempotent.
      UNIQUE (tenant_id, period_kind, period_start)
    )`);
    for (const sql of isolateTenantTable('compliance_period_snapshot', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('compliance_period_snapshot')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('compliance_period_snapshot')) await q.query(sql);
    for (const sql of releaseTenantTable('compliance_period_snapshot')) await q.query(sql);
    await q.query(`DROP TABLE compliance_period_snapshot`);
  }
}
