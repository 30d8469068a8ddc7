import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Tin nổi bật": an editor puts an item at the top of its site's home page. Placement, not content:
 * no revision is made. The partial index serves the home page's "featured of this site, newest
 * first" without reading the site's other items.
 */
export class AddFeaturedItems1795392000028 implements MigrationInterface {
  name = 'AddFeaturedItems1795392000028';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content_item ADD COLUMN featured boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX content_item_featured ON content_item (tenant_id, site_id, published_at DESC, id DESC) WHERE featured AND status = 'published'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX content_item_featured`);
    await q.query(`ALTER TABLE content_item DROP COLUMN featured`);
  }
}
