import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * What an entry's hash covers, as one text: a jsonb object (jsonb prints its keys in one fixed
 * order and its numbers in one form) with the time in UTC to the microsecond, so the same row gives
 * the same bytes whatever the session's TimeZone or client.
 */
const CANONICAL = `jsonb_build_object(
    'id', e.id, 'tenantId', e.tenant_id, 'seq', e.seq,
    'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'action', e.action, 'actorId', e.actor_id, 'actorLabel', e.actor_label,
    'subjectType', e.subject_type, 'subjectId', e.subject_id, 'details', e.details,
    'requestId', e.request_id, 'ip', e.ip)::text`;

/**
 * Tamper-evident audit log (issue 14): every entry carries its place in its chain (`seq`), the hash
 * of the entry before it and its own hash, `sha256(prev_hash || canonical(entry))`. One chain per
 * province and one for platform entries (tenant_id null). The trigger computes them in the very
 * transaction that writes the entry; the chain's head row, locked FOR UPDATE, makes two writers of
 * one province take turns, so the chain never forks. The head also remembers the last seq, so
 * entries deleted from the end are found too.
 */
export class ChainAuditLog1795392000022 implements MigrationInterface {
  name = 'ChainAuditLog1795392000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE TABLE audit_chain_head (
      chain text PRIMARY KEY CHECK (chain = coalesce(tenant_id::text, 'platform')),
      tenant_id uuid UNIQUE REFERENCES tenancy_tenant (id),
      last_seq bigint NOT NULL CHECK (last_seq >= 0),
      last_hash bytea NOT NULL CHECK (length(last_hash) = 32)
    )`);
    // The trigger runs as the writer (the application role), so the head is reachable only through
    // the province's own transaction, like its entries. No DELETE: a chain is never restarted.
    for (const sql of isolateTenantTable('audit_chain_head', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE FUNCTION audit_entry_digest(prev bytea, e audit_entry) RETURNS bytea
      LANGUAGE sql STABLE AS $$ SELECT sha256(prev || convert_to(${CANONICAL}, 'UTF8')) $$`);

    await q.query(`CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_chain text := coalesce(NEW.tenant_id::text, 'platform');
        v_seq bigint;
        v_prev bytea;
      BEGIN
        INSERT INTO audit_chain_head (chain, tenant_id, last_seq, last_hash)
        VALUES (v_chain, NEW.tenant_id, 0, '\\x${'00'.repeat(32)}'::bytea)
        ON CONFLICT (chain) DO NOTHING;
        -- Waits for a concurrent writer of the same chain to commit, then reads its entry as the head.
        SELECT last_seq, last_hash INTO STRICT v_seq, v_prev FROM audit_chain_head WHERE chain = v_chain FOR UPDATE;
        -- Whatever the writer sent, the chain fields are the database's own.
        NEW.seq := v_seq + 1;
        NEW.prev_hash := v_prev;
        NEW.hash := audit_entry_digest(v_prev, NEW);
        UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE chain = v_chain;
        RETURN NEW;
      END $$`);

    // The entries already written, chained in the order they happened. The owner lifts the
    // append-only guard and the force of row-level security for these statements only.
    await q.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    await q.query(`ALTER TABLE audit_entry NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_chain_head NO FORCE ROW LEVEL SECURITY`);
    await q.query(`UPDATE audit_entry e SET seq = o.seq FROM (
        SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY occurred_at, id) AS seq FROM audit_entry
      ) o WHERE o.id = e.id`);
    await q.query(`DO $$
      DECLARE
        r audit_entry;
        v_chain text := NULL;
        v_prev bytea;
      BEGIN
        FOR r IN SELECT * FROM audit_entry ORDER BY tenant_id NULLS FIRST, seq LOOP
          IF v_chain IS DISTINCT FROM coalesce(r.tenant_id::text, 'platform') THEN
            v_chain := coalesce(r.tenant_id::text, 'platform');
            v_prev := '\\x${'00'.repeat(32)}'::bytea;
          END IF;
          r.prev_hash := v_prev;
          r.hash := audit_entry_digest(v_prev, r);
          UPDATE audit_entry SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          INSERT INTO audit_chain_head (chain, tenant_id, last_seq, last_hash) VALUES (v_chain, r.tenant_id, r.seq, r.hash)
          ON CONFLICT (chain) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash;
          v_prev := r.hash;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);

    await q.query(
      `ALTER TABLE audit_entry ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`,
    );
    await q.query(`ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_hash_length CHECK (length(hash) = 32 AND length(prev_hash) = 32)`);
    // One place per seq in each chain; also the index the verifier walks.
    await q.query(`CREATE UNIQUE INDEX audit_entry_chain_seq ON audit_entry (tenant_id, seq) NULLS NOT DISTINCT`);
    await q.query(`CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_chain()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entry_chain ON audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_chain()`);
    await q.query(`DROP FUNCTION audit_entry_digest(bytea, audit_entry)`);
    for (const sql of releaseTenantTable('audit_chain_head')) await q.query(sql);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP INDEX audit_entry_chain_seq`);
    await q.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_hash_length`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}
