import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** What a published item points at: uploads named in its fields (`media`) or shown in its body. */
const REFERENCES = `
  SELECT DISTINCT ref::uuid FROM (
    SELECT jsonb_path_query(fields, 'strict $.**.media') #>> '{}' AS ref
    UNION ALL
    SELECT (regexp_matches(coalesce(body_html, ''), '/public/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', 'g'))[1]
  ) refs WHERE ref ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The uploads citizens may download: those a **published** item points at, kept by a trigger on
 * content_item. An upload attached only to drafts (or to items withdrawn since) is not served by
 * `/public/media/{id}`, whoever knows its id; staff read it through the signed-in route.
 */
export class CreatePublicMedia1795392000021 implements MigrationInterface {
  name = 'CreatePublicMedia1795392000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_public_media (
      tenant_id uuid NOT NULL,
      media_id uuid NOT NULL,
      item_id uuid NOT NULL,
      PRIMARY KEY (tenant_id, media_id, item_id),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id) ON DELETE CASCADE
    )`);
    for (const sql of isolateTenantTable('content_public_media')) await q.query(sql);
    await q.query(`CREATE INDEX content_public_media_item ON content_public_media (tenant_id, item_id)`);

    await q.query(`CREATE FUNCTION content_item_media_refs(fields jsonb, body_html text) RETURNS SETOF uuid
      LANGUAGE sql IMMUTABLE AS $$ ${REFERENCES} $$`);
    await q.query(`CREATE FUNCTION content_public_media_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM content_public_media WHERE tenant_id = NEW.tenant_id AND item_id = NEW.id;
        END IF;
        IF NEW.status = 'published' THEN
          INSERT INTO content_public_media (tenant_id, media_id, item_id)
          SELECT NEW.tenant_id, ref, NEW.id FROM content_item_media_refs(NEW.fields, NEW.body_html) ref
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER content_item_public_media AFTER INSERT OR UPDATE OF status, fields, body_html
      ON content_item FOR EACH ROW EXECUTE FUNCTION content_public_media_sync()`);

    // The items already published (the owner lifts the force for this statement, as in migration 19).
    await q.query(`ALTER TABLE content_item NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE content_public_media NO FORCE ROW LEVEL SECURITY`);
    await q.query(`INSERT INTO content_public_media (tenant_id, media_id, item_id)
      SELECT c.tenant_id, ref, c.id FROM content_item c, content_item_media_refs(c.fields, c.body_html) ref
      WHERE c.status = 'published' ON CONFLICT DO NOTHING`);
    await q.query(`ALTER TABLE content_public_media FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE content_item FORCE ROW LEVEL SECURITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER content_item_public_media ON content_item`);
    await q.query(`DROP FUNCTION content_public_media_sync()`);
    await q.query(`DROP FUNCTION content_item_media_refs(jsonb, text)`);
    for (const sql of releaseTenantTable('content_public_media')) await q.query(sql);
    await q.query(`DROP TABLE content_public_media`);
  }
}
