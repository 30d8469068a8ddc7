import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Content items of every type (NA-5, LC-2.1), their immutable revisions, and old slugs that keep
 * redirecting. `content_item` holds the current revision's fields plus status and publication time.
 */
export class CreateContent1795392000009 implements MigrationInterface {
  name = 'CreateContent1795392000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TABLE content_item (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      site_id uuid NOT NULL,
      unit_id uuid NOT NULL,
      section_id uuid,
      type text NOT NULL CHECK (type IN ('news', 'announcement', 'report', 'page', 'procedure', 'legal_document', 'thematic', 'faq', 'investment_project')),
      channel text NOT NULL CHECK (channel IN ('subsite', 'portal')),
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,199}$'),
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
      summary text CHECK (length(summary) <= 2000),
      body_html text NOT NULL DEFAULT '' CHECK (length(body_html) <= 1000000),
      fields jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'withdrawn', 'archived')),
      published_at timestamptz,
      withdrawn_reason text CHECK (length(withdrawn_reason) <= 1000),
      revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, site_id, slug),
      FOREIGN KEY (tenant_id, site_id) REFERENCES sites_site (tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      FOREIGN KEY (tenant_id, section_id) REFERENCES sites_section (tenant_id, id),
      CHECK ((status = 'published') <= (published_at IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX content_item_id_key ON content_item (id)`);
    await q.query(`CREATE INDEX content_item_site_published ON content_item (tenant_id, site_id, status, published_at DESC, id DESC)`);
    await q.query(`CREATE INDEX content_item_unit ON content_item (tenant_id, unit_id, status, published_at DESC)`);
    await q.query(`CREATE INDEX content_item_title_trgm ON content_item USING gin (title gin_trgm_ops)`);
    for (const sql of isolateTenantTable('content_item', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE content_revision (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      item_id uuid NOT NULL,
      revision integer NOT NULL CHECK (revision >= 1),
      title text NOT NULL,
      slug text NOT NULL,
      summary text,
      body_html text NOT NULL,
      fields jsonb NOT NULL,
      section_id uuid,
      author_id uuid,
      author_label text NOT NULL CHECK (length(author_label) BETWEEN 1 AND 200),
      restored_from integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, item_id, revision),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id)
    )`);
    for (const sql of isolateTenantTable('content_revision', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('content_revision')) await q.query(sql);

    await q.query(`CREATE TABLE content_slug_redirect (
      tenant_id uuid NOT NULL,
      site_id uuid NOT NULL,
      old_slug text NOT NULL,
      item_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, site_id, old_slug),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id)
    )`);
    for (const sql of isolateTenantTable('content_slug_redirect', ['SELECT', 'INSERT', 'DELETE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('content_slug_redirect')) await q.query(sql);
    await q.query(`DROP TABLE content_slug_redirect`);
    for (const sql of releaseAppendOnlyTable('content_revision')) await q.query(sql);
    for (const sql of releaseTenantTable('content_revision')) await q.query(sql);
    await q.query(`DROP TABLE content_revision`);
    for (const sql of releaseTenantTable('content_item')) await q.query(sql);
    await q.query(`DROP TABLE content_item`);
  }
}
