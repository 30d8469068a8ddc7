import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Each province's portal and the sub-sites (chuyên trang) of its units (LC-1.1), with their
 * navigation trees of sections (LC-2.1.1, LC-2.1.2, NA-5).
 */
export class CreateSites1795392000008 implements MigrationInterface {
  name = 'CreateSites1795392000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sites_site (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      kind text NOT NULL CHECK (kind IN ('portal', 'subsite')),
      unit_id uuid,
      path text NOT NULL CHECK (path ~ '^/([a-z0-9][a-z0-9-]{0,62})?$'),
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
      domain text CHECK (domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, path),
      UNIQUE (tenant_id, unit_id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      CHECK ((kind = 'portal') = (unit_id IS NULL)),
      CHECK ((kind = 'portal') = (path = '/'))
    )`);
    await q.query(`CREATE UNIQUE INDEX sites_site_id_key ON sites_site (id)`);
    await q.query(`CREATE UNIQUE INDEX sites_site_domain_key ON sites_site (domain) WHERE domain IS NOT NULL`);
    for (const sql of isolateTenantTable('sites_site', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE sites_section (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL,
      site_id uuid NOT NULL,
      parent_id uuid,
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, site_id, slug),
      FOREIGN KEY (tenant_id, site_id) REFERENCES sites_site (tenant_id, id),
      FOREIGN KEY (tenant_id, parent_id) REFERENCES sites_section (tenant_id, id)
    )`);
    await q.query(`CREATE UNIQUE INDEX sites_section_id_key ON sites_section (id)`);
    for (const sql of isolateTenantTable('sites_section', ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sites_section', 'sites_site']) {
      for (const sql of releaseTenantTable(table)) await q.query(sql);
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
