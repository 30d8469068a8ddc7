import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's lists that the site index (migration 12) cannot serve without reading a whole site
 * or province (bench/portal/RESULTS.md):
 * - a province's newest legal documents and procedures (the portal's home, the registers): by type
 *   across its sites — without this index every one of the province's items was read and sorted;
 * - a section's newest items: a sparse section of a big site walked the site's whole index.
 */
export class IndexPortalLists1795392000029 implements MigrationInterface {
  name = 'IndexPortalLists1795392000029';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX content_item_public_type ON content_item (tenant_id, type, published_at DESC, id DESC) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX content_item_public_section ON content_item (tenant_id, section_id, published_at DESC, id DESC) WHERE status = 'published' AND section_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX content_item_public_section`);
    await q.query(`DROP INDEX content_item_public_type`);
  }
}
