import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Personal accounts (NA-6.1, NA-9, LC-3.1b), their roles per unit, and sign-in sessions.
 * A user with no province (tenant_id NULL) is a national operator: under row-level security such
 * rows are reachable only on the audited operator path, never from a province's transaction.
 */
export class CreateAccounts1795392000004 implements MigrationInterface {
  name = 'CreateAccounts1795392000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE accounts_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenancy_tenant (id),
      username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 2 AND 200),
      email text CHECK (length(email) BETWEEN 3 AND 254),
      password_hash text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
      must_change_password boolean NOT NULL DEFAULT false,
      password_exposed_at timestamptz,
      password_changed_at timestamptz,
      failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
      lockouts integer NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id)
    )`);
    // Usernames are unique within a province, and among national operators.
    await q.query(`CREATE UNIQUE INDEX accounts_user_username_key
      ON accounts_user (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), username)`);
    for (const sql of isolateTenantTable('accounts_user', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE accounts_membership (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL,
      unit_id uuid,
      role text NOT NULL CHECK (role IN ('tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor')),
      created_at timestamptz NOT NULL DEFAULT now(),
      -- A membership, its user and its unit belong to the same province.
      FOREIGN KEY (tenant_id, user_id) REFERENCES accounts_user (tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      -- Unit roles need a unit; province-wide roles have none.
      CHECK ((role IN ('unit_head', 'unit_editor')) = (unit_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX accounts_membership_key
      ON accounts_membership (user_id, role, COALESCE(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    for (const sql of isolateTenantTable('accounts_membership', ['SELECT', 'INSERT', 'DELETE'])) await q.query(sql);

    // One row per refresh token; a family is one sign-in, rotated at every refresh.
    await q.query(`CREATE TABLE accounts_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid REFERENCES tenancy_tenant (id),
      user_id uuid NOT NULL REFERENCES accounts_user (id),
      family_id uuid NOT NULL,
      refresh_hash text NOT NULL UNIQUE CHECK (refresh_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      replaced_at timestamptz,
      revoked_at timestamptz,
      revoked_reason text CHECK (length(revoked_reason) <= 200),
      user_agent text CHECK (length(user_agent) <= 500),
      ip text CHECK (length(ip) <= 64),
      FOREIGN KEY (tenant_id, user_id) REFERENCES accounts_user (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX accounts_session_family ON accounts_session (family_id)`);
    await q.query(`CREATE INDEX accounts_session_user ON accounts_session (user_id) WHERE revoked_at IS NULL`);
    for (const sql of isolateTenantTable('accounts_session', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['accounts_session', 'accounts_membership', 'accounts_user']) {
      for (const sql of releaseTenantTable(table)) await q.query(sql);
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
