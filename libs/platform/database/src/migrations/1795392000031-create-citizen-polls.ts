import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Opinion polls (NA-5.5; libs/citizens): a poll of a site, its options, and the votes. A vote
 * keeps no personal data: a keyed hash of the voter's browser token, unique per poll (one vote per
 * person), and the options chosen.
 */
export class CreateCitizenPolls1795392000031 implements MigrationInterface {
  name = 'CreateCitizenPolls1795392000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE citizens_poll (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      site_id uuid NOT NULL,
      question text NOT NULL CHECK (length(btrim(question)) BETWEEN 5 AND 500),
      description text CHECK (length(description) <= 5000),
      choice text NOT NULL CHECK (choice IN ('single', 'multiple')),
      max_choices integer CHECK (max_choices BETWEEN 1 AND 20),
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      results_shown text NOT NULL CHECK (results_shown IN ('after_vote', 'after_close')),
      withdrawn_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CHECK (closes_at > opens_at),
      FOREIGN KEY (tenant_id, site_id) REFERENCES sites_site (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX citizens_poll_site ON citizens_poll (tenant_id, site_id, opens_at DESC)`);
    for (const sql of isolateTenantTable('citizens_poll', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE citizens_poll_option (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      poll_id uuid NOT NULL,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
      label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 300),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, poll_id, position),
      FOREIGN KEY (tenant_id, poll_id) REFERENCES citizens_poll (tenant_id, id) ON DELETE CASCADE
    )`);
    for (const sql of isolateTenantTable('citizens_poll_option', ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])) await q.query(sql);

    await q.query(`CREATE TABLE citizens_poll_vote (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      poll_id uuid NOT NULL,
      voter_key text NOT NULL,
      option_ids uuid[] NOT NULL CHECK (cardinality(option_ids) BETWEEN 1 AND 20),
      cast_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, poll_id, voter_key),
      FOREIGN KEY (tenant_id, poll_id) REFERENCES citizens_poll (tenant_id, id)
    )`);
    for (const sql of isolateTenantTable('citizens_poll_vote', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('citizens_poll_vote')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('citizens_poll_vote')) await q.query(sql);
    for (const t of ['citizens_poll_vote', 'citizens_poll_option', 'citizens_poll']) {
      for (const sql of releaseTenantTable(t)) await q.query(sql);
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
