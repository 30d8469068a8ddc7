import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public list ("newest published items of a site") walks this index newest first and stops at
 * the page size. The statistics tell the planner that a site implies its province; without them it
 * multiplies the two selectivities, expects ~11 rows per site, and reads and sorts the whole site
 * instead (bench/public-read/RESULTS.md).
 */
export class TunePublicList1795392000012 implements MigrationInterface {
  name = 'TunePublicList1795392000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX content_item_public_list ON content_item (tenant_id, site_id, published_at DESC, id DESC) WHERE status = 'published'`,
    );
    await q.query(`CREATE STATISTICS content_item_site_implies_tenant (dependencies) ON tenant_id, site_id FROM content_item`);
    await q.query(`ANALYZE content_item`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS content_item_site_implies_tenant`);
    await q.query(`DROP INDEX content_item_public_list`);
  }
}
