import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in lockouts are counted per account and source address in Redis (FailureLocks), so that an
 * attacker failing on purpose locks out only their own address, never the account for its owner.
 * The account-wide counters they replace go.
 */
export class DropAccountWideLockout1795392000024 implements MigrationInterface {
  name = 'DropAccountWideLockout1795392000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts_user DROP COLUMN failed_logins, DROP COLUMN lockouts, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts_user
      ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
      ADD COLUMN lockouts integer NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
      ADD COLUMN locked_until timestamptz`);
  }
}
