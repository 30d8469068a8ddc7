import { MigrationInterface, QueryRunner } from 'typeorm';
import { PUBLIC_READER_GROUP_ROLE as READER } from '../lib/roles';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * The addresses of items that were published and no longer are (withdrawn, archived): a citizen who
 * follows an old link gets "410 Gone" instead of a 404 that says it never existed. Only the site and
 * the slug are kept — nothing of the item — so the public reader may read every row (as for
 * content_public_search), while its policy on content_item still admits published items alone.
 * Kept by a trigger on content_item; an address published again (the item, or a new one with the
 * slug) leaves the table.
 */
export class CreatePublicGone1795392000027 implements MigrationInterface {
  name = 'CreatePublicGone1795392000027';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_public_gone (
      tenant_id uuid NOT NULL,
      site_id uuid NOT NULL,
      slug text NOT NULL,
      gone_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, site_id, slug)
    )`);
    for (const sql of isolateTenantTable('content_public_gone')) await q.query(sql);
    await q.query(`GRANT SELECT ON content_public_gone TO ${READER}`);
    await q.query(`CREATE POLICY public_read ON content_public_gone FOR SELECT TO ${READER} USING (true)`);

    await q.query(`CREATE FUNCTION content_public_gone_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'published' THEN
          DELETE FROM content_public_gone WHERE tenant_id = NEW.tenant_id AND site_id = NEW.site_id AND slug = NEW.slug;
        ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
          INSERT INTO content_public_gone (tenant_id, site_id, slug) VALUES (OLD.tenant_id, OLD.site_id, OLD.slug)
          ON CONFLICT (tenant_id, site_id, slug) DO UPDATE SET gone_at = now();
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER content_item_public_gone AFTER INSERT OR UPDATE OF status, slug, site_id
      ON content_item FOR EACH ROW EXECUTE FUNCTION content_public_gone_sync()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER content_item_public_gone ON content_item`);
    await q.query(`DROP FUNCTION content_public_gone_sync()`);
    await q.query(`REVOKE ALL ON content_public_gone FROM ${READER}`);
    for (const sql of releaseTenantTable('content_public_gone')) await q.query(sql);
    await q.query(`DROP TABLE content_public_gone`);
  }
}
