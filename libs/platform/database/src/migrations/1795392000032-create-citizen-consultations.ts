import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Consultations on draft documents (libs/citizens): the draft (a published item of the site that
 * carries its file), the days it is open for comments, its articles; and the comments, moderated
 * before they are public. A commenter's e-mail is nullable: erased after the retention period.
 */
export class CreateCitizenConsultations1795392000032 implements MigrationInterface {
  name = 'CreateCitizenConsultations1795392000032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE citizens_consultation (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      site_id uuid NOT NULL,
      unit_id uuid NOT NULL,
      document_item_id uuid NOT NULL,
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 5 AND 500),
      summary text CHECK (length(summary) <= 5000),
      articles text[] NOT NULL DEFAULT '{}' CHECK (cardinality(articles) <= 300),
      opens_on date NOT NULL,
      closes_on date NOT NULL,
      withdrawn_at timestamptz,
      contacts_erased_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CHECK (closes_on >= opens_on),
      FOREIGN KEY (tenant_id, site_id) REFERENCES sites_site (tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      FOREIGN KEY (tenant_id, document_item_id) REFERENCES content_item (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX citizens_consultation_site ON citizens_consultation (tenant_id, site_id, opens_on DESC)`);
    for (const sql of isolateTenantTable('citizens_consultation', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE citizens_consultation_comment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      consultation_id uuid NOT NULL,
      article integer CHECK (article BETWEEN 0 AND 299),
      author_name text CHECK (length(author_name) <= 200),
      organisation text CHECK (length(organisation) <= 300),
      email text CHECK (length(email) <= 254),
      body text NOT NULL CHECK (length(btrim(body)) BETWEEN 5 AND 10000),
      status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
      moderation_reason text CHECK (length(moderation_reason) <= 2000),
      moderated_by text,
      moderated_at timestamptz,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, consultation_id) REFERENCES citizens_consultation (tenant_id, id)
    )`);
    await q.query(
      `CREATE INDEX citizens_consultation_comment_of ON citizens_consultation_comment (tenant_id, consultation_id, status, submitted_at)`,
    );
    for (const sql of isolateTenantTable('citizens_consultation_comment', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['citizens_consultation_comment', 'citizens_consultation']) {
      for (const sql of releaseTenantTable(t)) await q.query(sql);
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
