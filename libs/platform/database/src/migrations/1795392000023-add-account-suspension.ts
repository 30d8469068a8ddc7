import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts unused for the province's `accountPolicy.suspendAfterInactiveDays` are suspended by a
 * daily job (issue 14): a status of their own, so every check that admits only `active` accounts
 * (sign-in, refresh, each request) refuses them without learning a new rule. `last_reinstated_at`
 * restarts the inactivity clock when the IT centre lifts a suspension or reactivates an account.
 */
export class AddAccountSuspension1795392000023 implements MigrationInterface {
  name = 'AddAccountSuspension1795392000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts_user DROP CONSTRAINT accounts_user_status_check`);
    await q.query(`ALTER TABLE accounts_user
      ADD CONSTRAINT accounts_user_status_check CHECK (status IN ('invited', 'active', 'disabled', 'suspended')),
      ADD COLUMN suspended_at timestamptz,
      ADD COLUMN last_reinstated_at timestamptz,
      ADD CONSTRAINT accounts_user_suspended_when CHECK ((status = 'suspended') = (suspended_at IS NOT NULL))`);
    // The IT centre's filter and the daily job both look for one status in one province.
    await q.query(`CREATE INDEX accounts_user_tenant_status ON accounts_user (tenant_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX accounts_user_tenant_status`);
    // A suspended account goes back to being active: the older schema has no way to say more.
    await q.query(`ALTER TABLE accounts_user NO FORCE ROW LEVEL SECURITY`);
    await q.query(`UPDATE accounts_user SET status = 'active' WHERE status = 'suspended'`);
    await q.query(`ALTER TABLE accounts_user FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE accounts_user DROP CONSTRAINT accounts_user_suspended_when, DROP CONSTRAINT accounts_user_status_check,
      DROP COLUMN suspended_at, DROP COLUMN last_reinstated_at`);
    await q.query(
      `ALTER TABLE accounts_user ADD CONSTRAINT accounts_user_status_check CHECK (status IN ('invited', 'active', 'disabled'))`,
    );
  }
}
