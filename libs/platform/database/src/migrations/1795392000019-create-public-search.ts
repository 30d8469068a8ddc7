import { MigrationInterface, QueryRunner } from 'typeorm';
import { PUBLIC_READER_GROUP_ROLE as READER } from '../lib/roles';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * What public search matches against: the folded words and title of every **published** item, kept
 * by a trigger on content_item, and nothing of any other item.
 *
 * Why a table of its own: under row-level security Postgres evaluates a query's conditions only
 * after the row policy's, unless they are leakproof. Equality on uuid and text is; the text-search
 * match (`@@`), trigram similarity (`%`) and `lower(fields->>…)` are not. So on content_item, where
 * the public reader's policy hides drafts, the GIN indexes could narrow a search to the province and
 * site but never to the words, and every search read and tested each item of the site or province
 * (bench/public-read/RESULTS.md). This table holds only what is already public, so the public
 * reader's policy on it admits every row (`USING (true)`, as for sections), which leaves Postgres no
 * policy to put first: the words go into the index scan. The items themselves are still read from
 * content_item, under its policy; a search's candidates are only ids and scores.
 *
 * The application's tenant policy binds it like every tenant-owned table: the trigger writes it in
 * the transaction that changed the item, as the same role, for the same province.
 */
export class CreatePublicSearch1795392000019 implements MigrationInterface {
  name = 'CreatePublicSearch1795392000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_public_search (
      tenant_id uuid NOT NULL,
      item_id uuid NOT NULL,
      site_id uuid NOT NULL,
      type text NOT NULL,
      published_at timestamptz NOT NULL,
      search_words tsvector NOT NULL,
      search_title text NOT NULL,
      -- A legal document's number or a procedure's code, lower case: an exact match ranks first.
      exact_key text,
      PRIMARY KEY (tenant_id, item_id),
      FOREIGN KEY (tenant_id, item_id) REFERENCES content_item (tenant_id, id) ON DELETE CASCADE
    )`);
    for (const sql of isolateTenantTable('content_public_search')) await q.query(sql);
    await q.query(`GRANT SELECT ON content_public_search TO ${READER}`);
    await q.query(`CREATE POLICY public_read ON content_public_search FOR SELECT TO ${READER} USING (true)`);

    await q.query(`CREATE FUNCTION content_public_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'published' THEN
          INSERT INTO content_public_search (tenant_id, item_id, site_id, type, published_at, search_words, search_title, exact_key)
          VALUES (NEW.tenant_id, NEW.id, NEW.site_id, NEW.type, NEW.published_at, NEW.search_words, NEW.search_title,
                  lower(coalesce(NEW.fields->>'number', NEW.fields->>'code')))
          ON CONFLICT (tenant_id, item_id) DO UPDATE SET site_id = EXCLUDED.site_id, type = EXCLUDED.type,
            published_at = EXCLUDED.published_at, search_words = EXCLUDED.search_words,
            search_title = EXCLUDED.search_title, exact_key = EXCLUDED.exact_key;
        ELSIF TG_OP = 'UPDATE' AND OLD.status = 'published' THEN
          DELETE FROM content_public_search WHERE tenant_id = NEW.tenant_id AND item_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER content_item_public_search AFTER INSERT OR UPDATE OF status, title, summary, fields, site_id, type, published_at
      ON content_item FOR EACH ROW EXECUTE FUNCTION content_public_search_sync()`);

    // The items already published. The owner is bound by content_item's forced policies (and is no
    // member of the application's group), so it lifts the force for this one statement's sake.
    await q.query(`ALTER TABLE content_item NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE content_public_search NO FORCE ROW LEVEL SECURITY`);
    await q.query(`INSERT INTO content_public_search (tenant_id, item_id, site_id, type, published_at, search_words, search_title, exact_key)
      SELECT tenant_id, id, site_id, type, published_at, search_words, search_title, lower(coalesce(fields->>'number', fields->>'code'))
      FROM content_item WHERE status = 'published'`);
    await q.query(`ALTER TABLE content_public_search FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE content_item FORCE ROW LEVEL SECURITY`);

    // One index serves a whole province and a single site (GIN matches any subset of its columns).
    // A number or code is rare enough to be looked up alone, then checked for province or site.
    // Without fastupdate: new entries go straight into the index instead of a pending list that
    // every search would read through until a vacuum merged it (publishing is rare, searching not).
    await q.query(
      `CREATE INDEX content_public_search_words ON content_public_search USING gin (tenant_id, site_id, search_words) WITH (fastupdate = off)`,
    );
    await q.query(
      `CREATE INDEX content_public_search_title ON content_public_search USING gin (tenant_id, site_id, search_title gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await q.query(`CREATE INDEX content_public_search_exact ON content_public_search (exact_key) WHERE exact_key IS NOT NULL`);

    // content_item's own search indexes served the public reader only, which could not use them for
    // the words (see above).
    for (const index of ['search_code', 'search_number', 'search_title', 'search_words']) await q.query(`DROP INDEX content_item_${index}`);
    await q.query(`ANALYZE content_public_search`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX content_item_search_words ON content_item USING gin (tenant_id, search_words) WHERE status = 'published'`);
    await q.query(
      `CREATE INDEX content_item_search_title ON content_item USING gin (tenant_id, search_title gin_trgm_ops) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX content_item_search_number ON content_item (tenant_id, lower(fields->>'number')) WHERE status = 'published' AND fields ? 'number'`,
    );
    await q.query(
      `CREATE INDEX content_item_search_code ON content_item (tenant_id, lower(fields->>'code')) WHERE status = 'published' AND fields ? 'code'`,
    );
    await q.query(`DROP TRIGGER content_item_public_search ON content_item`);
    await q.query(`DROP FUNCTION content_public_search_sync()`);
    await q.query(`DROP POLICY public_read ON content_public_search`);
    await q.query(`REVOKE ALL ON content_public_search FROM ${READER}`);
    for (const sql of releaseTenantTable('content_public_search')) await q.query(sql);
    await q.query(`DROP TABLE content_public_search`);
  }
}
