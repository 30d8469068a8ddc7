import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * The audit log: sign-ins and failures, lockouts, password events, role and membership changes,
 * rule versions, publishing. Append-only for everyone; a province reads its own entries, national
 * operators (operator path) all of them, including platform events (tenant_id null).
 */
export class CreateAuditLog1795392000005 implements MigrationInterface {
  name = 'CreateAuditLog1795392000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenancy_tenant (id),
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      action text NOT NULL CHECK (action ~ '^[a-z]+\\.[a-z_]+$'),
      actor_id uuid,
      actor_label text NOT NULL CHECK (length(actor_label) BETWEEN 1 AND 200),
      subject_type text CHECK (length(subject_type) <= 50),
      subject_id text CHECK (length(subject_id) <= 200),
      details jsonb NOT NULL DEFAULT '{}',
      request_id text CHECK (length(request_id) <= 128),
      ip text CHECK (length(ip) <= 64)
    )`);
    await q.query(`CREATE INDEX audit_entry_tenant_time ON audit_entry (tenant_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_subject ON audit_entry (subject_id) WHERE subject_id IS NOT NULL`);
    for (const sql of isolateTenantTable('audit_entry', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('audit_entry')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('audit_entry')) await q.query(sql);
    for (const sql of releaseTenantTable('audit_entry')) await q.query(sql);
    await q.query(`DROP TABLE audit_entry`);
  }
}
