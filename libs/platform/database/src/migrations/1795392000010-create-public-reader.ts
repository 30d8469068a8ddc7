import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE as APP, PUBLIC_READER_GROUP_ROLE as READER } from '../lib/roles';

/** Every policy that admits the tenant or operator path, bound to `role`. */
const bindOperatorPolicies = (role: string) => `DO $$ DECLARE p record; BEGIN
  FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies
           WHERE coalesce(qual, '') || coalesce(with_check, '') LIKE '%platform_operator_access_active%' LOOP
    EXECUTE format('ALTER POLICY %I ON %I.%I TO ${role}', p.policyname, p.schemaname, p.tablename);
  END LOOP;
END $$`;

/**
 * The public read path (citizens reading portals) logs in as its own role, member of this group.
 * Its policies admit only what is public by nature — published items, active sites, their sections
 * — so a public request is one statement (with an explicit tenant filter), not a transaction that
 * sets the province first. It can never see a draft, whatever the query says.
 */
export class CreatePublicReader1795392000010 implements MigrationInterface {
  name = 'CreatePublicReader1795392000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READER}') THEN
        CREATE ROLE ${READER} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${READER}', current_database()); END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${READER}`);
    await q.query(`GRANT SELECT ON units_unit, sites_site, sites_section, content_item, content_slug_redirect TO ${READER}`);
    // The tenant and operator policies are the application's: bound to its group, the public reader
    // is judged by its own policies alone (and never needs to see who opened operator access).
    await q.query(bindOperatorPolicies(APP));
    await q.query(
      `CREATE POLICY public_published ON content_item FOR SELECT TO ${READER} USING (status = 'published' AND published_at <= now())`,
    );
    await q.query(`CREATE POLICY public_active ON sites_site FOR SELECT TO ${READER} USING (active)`);
    await q.query(`CREATE POLICY public_read ON sites_section FOR SELECT TO ${READER} USING (true)`);
    await q.query(`CREATE POLICY public_read ON units_unit FOR SELECT TO ${READER} USING (active)`);
    await q.query(`CREATE POLICY public_read ON content_slug_redirect FOR SELECT TO ${READER} USING (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY public_read ON content_slug_redirect`);
    await q.query(`DROP POLICY public_read ON units_unit`);
    await q.query(`DROP POLICY public_read ON sites_section`);
    await q.query(`DROP POLICY public_active ON sites_site`);
    await q.query(`DROP POLICY public_published ON content_item`);
    await q.query(bindOperatorPolicies('public'));
    await q.query(`REVOKE ALL ON units_unit, sites_site, sites_section, content_item, content_slug_redirect FROM ${READER}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${READER}`);
    await q.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${READER}', current_database()); END $$`);
  }
}
