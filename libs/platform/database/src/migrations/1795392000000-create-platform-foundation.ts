import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE as APP } from '../lib/roles';

/**
 * The application group role, the two functions every RLS policy calls, and the audited operator
 * path: an operator transaction is one that has written its own row in platform_operator_access.
 */
export class CreatePlatformFoundation1795392000000 implements MigrationInterface {
  name = 'CreatePlatformFoundation1795392000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP}') THEN
        CREATE ROLE ${APP} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      END IF;
    END $$`);
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${APP}', current_database()); END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP}`);

    await q.query(`CREATE FUNCTION platform_current_tenant_id() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);

    await q.query(`CREATE TABLE platform_operator_access (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid,
      actor_label text NOT NULL CHECK (length(actor_label) BETWEEN 1 AND 200),
      reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 3 AND 1000),
      tenant_id uuid,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      database_user text NOT NULL DEFAULT session_user,
      started_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX platform_operator_access_started_at_idx ON platform_operator_access (started_at DESC)`);
    await q.query(`REVOKE ALL ON platform_operator_access FROM PUBLIC`);
    // The application reads the trail; only the function below writes it; nobody edits it.
    await q.query(`GRANT SELECT ON platform_operator_access TO ${APP}`);

    await q.query(`CREATE FUNCTION platform_operator_access_active() RETURNS boolean
      LANGUAGE sql STABLE
      AS $$ SELECT EXISTS (
        SELECT 1 FROM public.platform_operator_access a
        WHERE a.id = NULLIF(current_setting('app.operator_access_id', true), '')::uuid
          AND a.transaction_id = pg_current_xact_id_if_assigned()) $$`);

    await q.query(`CREATE FUNCTION platform_begin_operator_access(
        p_actor_id uuid, p_actor_label text, p_reason text, p_tenant_id uuid)
      RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      DECLARE v_id uuid;
      BEGIN
        INSERT INTO public.platform_operator_access (actor_id, actor_label, reason, tenant_id)
        VALUES (p_actor_id, p_actor_label, p_reason, p_tenant_id)
        RETURNING id INTO v_id;
        PERFORM set_config('app.operator_access_id', v_id::text, true);
        RETURN v_id;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION platform_begin_operator_access(uuid, text, text, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION platform_begin_operator_access(uuid, text, text, uuid) TO ${APP}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION platform_begin_operator_access(uuid, text, text, uuid)`);
    await q.query(`DROP FUNCTION platform_operator_access_active()`);
    await q.query(`DROP TABLE platform_operator_access`);
    await q.query(`DROP FUNCTION platform_current_tenant_id()`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP}`);
    await q.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${APP}', current_database()); END $$`);
    // The role is cluster-wide; other databases of the cluster may still use it.
    await q.query(`DO $$ BEGIN
      DROP ROLE IF EXISTS ${APP};
    EXCEPTION WHEN dependent_objects_still_exist THEN
      RAISE NOTICE 'role ${APP} kept: other databases still grant it privileges';
    END $$`);
  }
}
