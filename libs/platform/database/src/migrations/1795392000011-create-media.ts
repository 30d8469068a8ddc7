import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/** Uploaded files (images, PDF, Word, Excel), checked by their content; the bytes live in storage. */
export class CreateMedia1795392000011 implements MigrationInterface {
  name = 'CreateMedia1795392000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE media_asset (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      kind text NOT NULL CHECK (kind IN ('image', 'pdf', 'word', 'excel')),
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
      mime text NOT NULL,
      size integer NOT NULL CHECK (size > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text NOT NULL,
      width integer,
      height integer,
      variants jsonb NOT NULL DEFAULT '[]',
      uploaded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    )`);
    await q.query(`CREATE UNIQUE INDEX media_asset_id_key ON media_asset (id)`);
    for (const sql of isolateTenantTable('media_asset', ['SELECT', 'INSERT'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('media_asset')) await q.query(sql);
    await q.query(`DROP TABLE media_asset`);
  }
}
