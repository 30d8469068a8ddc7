import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public search reads folded text stored with each item instead of folding every row per query
 * (`unaccent` per row made search the slowest public read, bench/public-read):
 * - `cong_fold(text)`: lower case, accents removed ("Nghệ An" → "nghe an"). Immutable, so it
 *   may feed generated columns and indexes.
 * - `search_title`, `search_words`: the folded title, and the words of the folded title and
 *   summary, kept current by Postgres.
 * - GIN indexes with the province first (btree_gin), published items only; exact legal-document
 *   numbers and procedure codes by btree.
 */
export class FoldSearchColumns1795392000015 implements MigrationInterface {
  name = 'FoldSearchColumns1795392000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    // unaccent() with its dictionary named is what makes the fold safe to declare immutable.
    await q.query(`CREATE FUNCTION cong_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$`);
    await q.query(`ALTER TABLE content_item
      ADD COLUMN search_title text GENERATED ALWAYS AS (cong_fold(title)) STORED,
      ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, cong_fold(title || ' ' || coalesce(summary, '')))) STORED`);
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
    await q.query(`DROP INDEX content_item_title_trgm`);
    await q.query(`ANALYZE content_item`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX content_item_title_trgm ON content_item USING gin (title gin_trgm_ops)`);
    for (const index of ['search_code', 'search_number', 'search_title', 'search_words']) await q.query(`DROP INDEX content_item_${index}`);
    await q.query(`ALTER TABLE content_item DROP COLUMN search_words, DROP COLUMN search_title`);
    await q.query(`DROP FUNCTION cong_fold(text)`);
  }
}
