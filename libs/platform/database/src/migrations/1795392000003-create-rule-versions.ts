import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Every rule set a province has applied, immutable: evaluation asks for "the version in force on
 * date D" (greatest effective_from ≤ D), so a change never rewrites how the past is judged.
 */
export class CreateRuleVersions1795392000003 implements MigrationInterface {
  name = 'CreateRuleVersions1795392000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rules_rule_version (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      version integer NOT NULL CHECK (version >= 1),
      effective_from date NOT NULL,
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      document jsonb NOT NULL,
      source text NOT NULL,
      applied_by text NOT NULL CHECK (length(applied_by) BETWEEN 1 AND 200),
      applied_at timestamptz NOT NULL DEFAULT now(),
      note text CHECK (length(note) <= 1000),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, version)
    )`);
    await q.query(`CREATE INDEX rules_rule_version_in_force ON rules_rule_version (tenant_id, effective_from DESC, version DESC)`);
    for (const sql of isolateTenantTable('rules_rule_version', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('rules_rule_version')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('rules_rule_version')) await q.query(sql);
    for (const sql of releaseTenantTable('rules_rule_version')) await q.query(sql);
    await q.query(`DROP TABLE rules_rule_version`);
  }
}
