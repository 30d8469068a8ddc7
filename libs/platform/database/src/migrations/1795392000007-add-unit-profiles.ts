import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NA-5.1 unit profiles (functions, duties, contacts of leaders and divisions, fields of activity),
 * the unit's information team leader (NA-8.1, LC-3.1a), and who manages a unit: the province's
 * rule files (`cong tenants apply`) or the API. Apply never deactivates a unit the API created.
 */
export class AddUnitProfiles1795392000007 implements MigrationInterface {
  name = 'AddUnitProfiles1795392000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units_unit
      ADD COLUMN profile jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(profile) = 'object' AND pg_column_size(profile) <= 65536),
      ADD COLUMN managed_by text NOT NULL DEFAULT 'rules' CHECK (managed_by IN ('rules', 'api')),
      ADD COLUMN team_leader_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units_unit DROP COLUMN team_leader_id, DROP COLUMN managed_by, DROP COLUMN profile`);
  }
}
