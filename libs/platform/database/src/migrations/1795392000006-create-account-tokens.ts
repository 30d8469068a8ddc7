import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * One-time, expiring tokens a tenant admin issues: invitations (activation) and password resets
 * after a leak (NA-9). Stored as SHA-256 only; the token itself is shown once to whoever issued it.
 */
export class CreateAccountTokens1795392000006 implements MigrationInterface {
  name = 'CreateAccountTokens1795392000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE accounts_user_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL,
      purpose text NOT NULL CHECK (purpose IN ('activation', 'password_reset')),
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      FOREIGN KEY (tenant_id, user_id) REFERENCES accounts_user (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX accounts_user_token_user ON accounts_user_token (user_id) WHERE used_at IS NULL`);
    for (const sql of isolateTenantTable('accounts_user_token', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseTenantTable('accounts_user_token')) await q.query(sql);
    await q.query(`DROP TABLE accounts_user_token`);
  }
}
