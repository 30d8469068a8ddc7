import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * The editorial workflow: where each item stands in its province's workflow (state, the workflow and
 * rule version it entered under, a version every change bumps, scheduled times), the append-only
 * history of its transitions, and in-app notifications.
 */
export class CreateWorkflow1795392000013 implements MigrationInterface {
  name = 'CreateWorkflow1795392000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content_item
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN workflow_id text,
      ADD COLUMN workflow_state text,
      ADD COLUMN workflow_rule_version integer,
      ADD COLUMN publish_at timestamptz,
      ADD COLUMN unpublish_at timestamptz`);
    // The schedule sweeper's question: what should have been published or taken down by now?
    await q.query(`CREATE INDEX content_item_due_publication ON content_item (publish_at) WHERE status = 'scheduled'`);
    await q.query(
      `CREATE INDEX content_item_due_unpublication ON content_item (unpublish_at) WHERE status = 'published' AND unpublish_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX content_item_review_queue ON content_item (tenant_id, status, updated_at DESC) WHERE status IN ('draft', 'in_review', 'scheduled')`,
    );

    await q.query(`CREATE TABLE workflow_transition (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      item_id uuid NOT NULL,
      workflow_id text NOT NULL,
      rule_version integer NOT NULL,
      action text NOT NULL,
      from_state text NOT NULL,
      to_state text NOT NULL,
      actor_id uuid,
      actor_label text NOT NULL,
      comment text,
      revision integer NOT NULL,
      version integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id),
      -- One transition per item version: the database, too, refuses a second action on the same one.
      UNIQUE (tenant_id, item_id, version)
    )`);
    await q.query(`CREATE INDEX workflow_transition_item ON workflow_transition (tenant_id, item_id, at)`);
    for (const sql of isolateTenantTable('workflow_transition', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('workflow_transition')) await q.query(sql);

    await q.query(`CREATE TABLE notifications_notification (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      subject_type text,
      subject_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      PRIMARY KEY (tenant_id, id)
    )`);
    await q.query(
      `CREATE INDEX notifications_notification_inbox ON notifications_notification (tenant_id, user_id, created_at DESC, id DESC)`,
    );
    for (const sql of isolateTenantTable('notifications_notification', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('notifications_notification')) await q.query(sql);
    await q.query(`DROP TABLE notifications_notification`);
    for (const sql of releaseAppendOnlyTable('workflow_transition')) await q.query(sql);
    for (const sql of releaseTenantTable('workflow_transition')) await q.query(sql);
    await q.query(`DROP TABLE workflow_transition`);
    await q.query(`DROP INDEX content_item_review_queue`);
    await q.query(`DROP INDEX content_item_due_unpublication`);
    await q.query(`DROP INDEX content_item_due_publication`);
    await q.query(`ALTER TABLE content_item DROP COLUMN unpublish_at, DROP COLUMN publish_at, DROP COLUMN workflow_rule_version,
      DROP COLUMN workflow_state, DROP COLUMN workflow_id, DROP COLUMN version`);
  }
}
