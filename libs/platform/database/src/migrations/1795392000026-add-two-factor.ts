import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Two-step verification (issue 14): a TOTP secret per account, encrypted (AES-256-GCM) so that a
 * copy of the database alone cannot mint codes; a pending secret that becomes the secret only once
 * a code from it is confirmed; the last time step used, so one code cannot be played twice.
 * Recovery codes and sign-in challenges are stored as SHA-256 only, like every other one-time
 * secret; national operators' rows have no province (tenant_id NULL), as with sessions.
 */
export class AddTwoFactor1795392000026 implements MigrationInterface {
  name = 'AddTwoFactor1795392000026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts_user
      ADD COLUMN two_factor_secret text,
      ADD COLUMN two_factor_enabled_at timestamptz,
      ADD COLUMN two_factor_pending_secret text,
      ADD COLUMN two_factor_last_step bigint,
      ADD CONSTRAINT accounts_user_two_factor_enabled CHECK ((two_factor_secret IS NULL) = (two_factor_enabled_at IS NULL))`);
    await q.query(`CREATE TABLE accounts_recovery_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL REFERENCES accounts_user (id),
      code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      FOREIGN KEY (tenant_id, user_id) REFERENCES accounts_user (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX accounts_recovery_code_user ON accounts_recovery_code (user_id) WHERE used_at IS NULL`);
    for (const sql of isolateTenantTable('accounts_recovery_code', ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])) await q.query(sql);
    await q.query(`CREATE TABLE accounts_sign_in_challenge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL REFERENCES accounts_user (id),
      secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      FOREIGN KEY (tenant_id, user_id) REFERENCES accounts_user (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX accounts_sign_in_challenge_user ON accounts_sign_in_challenge (user_id) WHERE used_at IS NULL`);
    for (const sql of isolateTenantTable('accounts_sign_in_challenge', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['accounts_sign_in_challenge', 'accounts_recovery_code']) {
      for (const sql of releaseTenantTable(table)) await q.query(sql);
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE accounts_user DROP CONSTRAINT accounts_user_two_factor_enabled,
      DROP COLUMN two_factor_secret, DROP COLUMN two_factor_enabled_at, DROP COLUMN two_factor_pending_secret, DROP COLUMN two_factor_last_step`);
  }
}
