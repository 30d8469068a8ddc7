import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Citizens' questions (libs/citizens) and their history. The asker's name and contacts are
 * nullable: they are erased after the province's retention period (Law 91/2025/QH15); the
 * question, its routing and its answer stay.
 */
export class CreateCitizenQuestions1795392000030 implements MigrationInterface {
  name = 'CreateCitizenQuestions1795392000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE citizens_question (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      reference text NOT NULL CHECK (reference ~ '^[0-9]{6}-[A-Z0-9]{6}$'),
      site_id uuid NOT NULL,
      unit_id uuid,
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 5 AND 300),
      body text NOT NULL CHECK (length(btrim(body)) BETWEEN 10 AND 10000),
      asker_name text CHECK (length(asker_name) <= 200),
      show_name boolean NOT NULL DEFAULT false,
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 20),
      consented_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('new', 'assigned', 'answering', 'answered', 'declined', 'spam')),
      spam_reason text,
      received_at timestamptz NOT NULL DEFAULT now(),
      received_on date NOT NULL,
      answer_item_id uuid,
      answered_at timestamptz,
      closed_at timestamptz,
      contacts_erased_at timestamptz,
      status_token_hash text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, reference),
      UNIQUE (tenant_id, answer_item_id),
      FOREIGN KEY (tenant_id, site_id) REFERENCES sites_site (tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      FOREIGN KEY (tenant_id, answer_item_id) REFERENCES content_item (tenant_id, id)
    )`);
    // The private status link is looked up by its hash before the province is known to the caller.
    await q.query(`CREATE UNIQUE INDEX citizens_question_status_token ON citizens_question (tenant_id, status_token_hash)`);
    await q.query(`CREATE INDEX citizens_question_desk ON citizens_question (tenant_id, status, received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX citizens_question_unit ON citizens_question (tenant_id, unit_id, received_at DESC)`);
    await q.query(`CREATE INDEX citizens_question_retention ON citizens_question (tenant_id, closed_at) WHERE contacts_erased_at IS NULL`);
    for (const sql of isolateTenantTable('citizens_question', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE citizens_question_event (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      question_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL CHECK (action IN ('received', 'assigned', 'reassigned', 'declined', 'marked_spam', 'unmarked_spam', 'answer_drafted', 'answered', 'answer_withdrawn', 'contacts_erased')),
      actor_id uuid,
      actor_label text NOT NULL,
      from_unit_id uuid,
      to_unit_id uuid,
      reason text CHECK (length(reason) <= 2000),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, question_id) REFERENCES citizens_question (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX citizens_question_event_question ON citizens_question_event (tenant_id, question_id, at)`);
    for (const sql of isolateTenantTable('citizens_question_event', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('citizens_question_event')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('citizens_question_event')) await q.query(sql);
    for (const sql of releaseTenantTable('citizens_question_event')) await q.query(sql);
    await q.query(`DROP TABLE citizens_question_event`);
    for (const sql of releaseTenantTable('citizens_question')) await q.query(sql);
    await q.query(`DROP TABLE citizens_question`);
  }
}
