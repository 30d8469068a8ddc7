import { APPLICATION_GROUP_ROLE } from './roles';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function checked(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`Not a plain snake_case table name: ${table}`);
  return table;
}

/**
 * The statements that put a tenant-owned table under row-level security, for use in migrations.
 * Rows are visible and writable only when `tenant_id` equals the transaction's `app.tenant_id`, or
 * inside an audited operator transaction. FORCE makes the policy bind the table owner too; with no
 * tenant set, nothing is visible.
 */
export function isolateTenantTable(table: string, privileges: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE']): string[] {
  const t = checked(table);
  const rule = 'tenant_id = platform_current_tenant_id() OR platform_operator_access_active()';
  return [
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${t} TO ${APPLICATION_GROUP_ROLE} USING (${rule}) WITH CHECK (${rule})`,
    `GRANT ${privileges.join(', ')} ON ${t} TO ${APPLICATION_GROUP_ROLE}`,
  ];
}

/** Reverses isolateTenantTable (for a migration's `down`). */
export function releaseTenantTable(table: string): string[] {
  const t = checked(table);
  return [
    `REVOKE ALL ON ${t} FROM ${APPLICATION_GROUP_ROLE}`,
    `DROP POLICY IF EXISTS tenant_isolation ON ${t}`,
    `ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`,
  ];
}

/**
 * Makes a table append-only for everyone, the owner included: UPDATE, DELETE and TRUNCATE raise.
 * Rows that record what happened (rule versions, audit entries, certified statements) use it.
 */
export function appendOnlyTable(table: string): string[] {
  const t = checked(table);
  return [
    `CREATE OR REPLACE FUNCTION platform_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION platform_refuse_change()`,
    `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION platform_refuse_change()`,
  ];
}

/** Reverses appendOnlyTable (the shared function stays; other tables may use it). */
export function releaseAppendOnlyTable(table: string): string[] {
  const t = checked(table);
  return [`DROP TRIGGER IF EXISTS ${t}_append_only ON ${t}`, `DROP TRIGGER IF EXISTS ${t}_no_truncate ON ${t}`];
}
