import { TestContext } from '@cong/testing';
import { isolateTenantTable } from './tenant-isolation.sql';

/**
 * Row-level security as the isolation mechanism, proven on a table put under isolation with the
 * very statements migrations use, and on the schema as migrated.
 */
describe('tenant isolation (row-level security)', () => {
  let ctx: TestContext;
  let a: string;
  let b: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    a = (await ctx.newTenant()).id;
    b = (await ctx.newTenant()).id;
    await ctx.asOwner(async (owner) => {
      await owner.query(`CREATE TABLE test_private_note (
        id serial, tenant_id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, id))`);
      for (const sql of isolateTenantTable('test_private_note')) await owner.query(sql);
      await owner.query(`GRANT USAGE ON SEQUENCE test_private_note_id_seq TO cong_application`);
    });
    for (const [tenant, body] of [
      [a, 'A-1'],
      [a, 'A-2'],
      [b, 'B-1'],
    ]) {
      await ctx.db.transaction(tenant, (m) => m.query('INSERT INTO test_private_note (tenant_id, body) VALUES ($1, $2)', [tenant, body]));
    }
  });

  afterAll(() => ctx.close());

  const bodiesUnder = (tenant: string) =>
    ctx.db.transaction(tenant, async (m) =>
      (await m.query('SELECT body FROM test_private_note ORDER BY body')).map((r: { body: string }) => r.body),
    );

  it('shows a province only its own rows, even without a tenant filter in the query', async () => {
    expect(await bodiesUnder(a)).toEqual(['A-1', 'A-2']);
    expect(await bodiesUnder(b)).toEqual(['B-1']);
  });

  it('rejects inserting a row for another province', async () => {
    await expect(
      ctx.db.transaction(a, (m) => m.query('INSERT INTO test_private_note (tenant_id, body) VALUES ($1, $2)', [b, 'smuggled'])),
    ).rejects.toThrow(/row-level security/);
    expect(await bodiesUnder(b)).toEqual(['B-1']);
  });

  it("cannot update or delete another province's rows", async () => {
    await ctx.db.transaction(a, async (m) => {
      await m.query(`UPDATE test_private_note SET body = 'overwritten' WHERE tenant_id = $1`, [b]);
      await m.query(`DELETE FROM test_private_note WHERE tenant_id = $1`, [b]);
    });
    expect(await bodiesUnder(b)).toEqual(['B-1']);
  });

  it('cannot move its own row to another province', async () => {
    await expect(
      ctx.db.transaction(a, (m) => m.query(`UPDATE test_private_note SET tenant_id = $1 WHERE body = 'A-1'`, [b])),
    ).rejects.toThrow(/row-level security/);
  });

  it('returns no rows (not all rows) when no tenant is set', async () => {
    const rows = await ctx.asApp((app) => app.query('SELECT * FROM test_private_note'));
    expect(rows.rowCount).toBe(0);
    // The pooled connection after a tenant transaction: the setting was transaction-local.
    await bodiesUnder(a);
    const pooled = await ctx.dataSource.query('SELECT * FROM test_private_note');
    expect(pooled).toHaveLength(0);
  });

  it('refuses a tenant id that is not a UUID before any SQL runs', async () => {
    await expect(ctx.db.transaction('', async () => 1)).rejects.toThrow(/needs a tenant id/);
    await expect(ctx.db.transaction("x' OR 1=1 --", async () => 1)).rejects.toThrow(/needs a tenant id/);
  });

  it('refuses work for province B nested inside a transaction of province A', async () => {
    await expect(ctx.db.transaction(a, () => ctx.db.transaction(b, async () => 1))).rejects.toThrow(/cannot run work for tenant/);
  });

  it('lets nested work for the same province join the open transaction (atomic across repositories)', async () => {
    await expect(
      ctx.db.transaction(a, async (m) => {
        await m.query(`INSERT INTO test_private_note (tenant_id, body) VALUES ($1, 'nested')`, [a]);
        await ctx.db.transaction(a, async () => {
          throw new Error('second repository fails');
        });
      }),
    ).rejects.toThrow('second repository fails');
    expect(await bodiesUnder(a)).toEqual(['A-1', 'A-2']);
  });

  describe('the application role cannot switch isolation off', () => {
    it('cannot disable or un-force row-level security', async () => {
      await ctx.asApp(async (app) => {
        await expect(app.query('ALTER TABLE test_private_note DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
        await expect(app.query('ALTER TABLE test_private_note NO FORCE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
        await expect(app.query('DROP POLICY tenant_isolation ON test_private_note')).rejects.toThrow(/must be owner/);
      });
    });

    it('gets an error, not every row, with row_security off', async () => {
      await ctx.asApp(async (app) => {
        await app.query('SET row_security = off');
        await expect(app.query('SELECT * FROM test_private_note')).rejects.toThrow(/row-level security/);
      });
    });

    it('is neither superuser nor BYPASSRLS, and owns no table', async () => {
      const role = await ctx.asApp((app) =>
        app.query(`SELECT rolsuper, rolbypassrls,
          (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::int AS owned
          FROM pg_roles r WHERE rolname = current_user`),
      );
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    });

    it('cannot forge an operator transaction by setting the audit id itself', async () => {
      const [{ id }] = (await ctx.asOwner((o) => o.query('SELECT id FROM platform_operator_access LIMIT 1'))).rows;
      await ctx.asApp(async (app) => {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.operator_access_id', $1, true)`, [id]);
        const rows = await app.query('SELECT * FROM test_private_note');
        await app.query('ROLLBACK');
        expect(rows.rowCount).toBe(0);
      });
    });

    it('cannot write, change or erase the operator audit trail directly', async () => {
      await ctx.asApp(async (app) => {
        await expect(app.query(`INSERT INTO platform_operator_access (actor_label, reason) VALUES ('x', 'forged')`)).rejects.toThrow(
          /permission denied/,
        );
        await expect(app.query(`UPDATE platform_operator_access SET reason = 'edited'`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM platform_operator_access`)).rejects.toThrow(/permission denied/);
      });
    });
  });

  describe('the audited operator path', () => {
    it('sees every province and leaves an audit entry with actor and reason', async () => {
      const bodies = await ctx.db.asOperator(
        { actorId: null, actorLabel: 'operator:lan', reason: 'so sánh dữ liệu giữa các tỉnh' },
        async (m) => (await m.query('SELECT body FROM test_private_note ORDER BY body')).map((r: { body: string }) => r.body),
      );
      expect(bodies).toEqual(['A-1', 'A-2', 'B-1']);
      const audit = await ctx.asOwner((o) =>
        o.query(`SELECT actor_label, reason, database_user FROM platform_operator_access WHERE actor_label = 'operator:lan'`),
      );
      expect(audit.rows).toEqual([
        { actor_label: 'operator:lan', reason: 'so sánh dữ liệu giữa các tỉnh', database_user: ctx.config.database.appRole },
      ]);
    });

    it('requires a reason', async () => {
      await expect(ctx.db.asOperator({ actorId: null, actorLabel: 'x', reason: ' ' }, async () => 1)).rejects.toMatchObject({
        code: 'PLATFORM_OPERATOR_REASON_REQUIRED',
      });
    });

    it('does not carry over to the next transaction on the same connection', async () => {
      await ctx.db.asOperator({ actorId: null, actorLabel: 'x', reason: 'one-off check' }, async () => 1);
      expect(await ctx.dataSource.query('SELECT * FROM test_private_note')).toHaveLength(0);
    });
  });

  it('puts every tenant-owned table of the migrated schema under forced RLS with a policy', async () => {
    const { rows } = await ctx.asOwner((o) =>
      o.query(`SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
          (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
          AND c.relname <> 'platform_operator_access'`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ table: row.table, enabled: true, forced: true, policies: expect.any(Number) });
    expect(rows.every((r) => r.policies > 0)).toBe(true);
    // A null tenant_id never equals the transaction's province, so such rows are reachable only on
    // the operator path. Only national operators' accounts, sessions, recovery codes and sign-in
    // challenges, and platform audit events (with the head of their hash chain), may have one.
    const nullable = await ctx.asOwner((o) =>
      o.query(`SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'tenant_id' AND is_nullable = 'YES'
          AND table_name <> 'platform_operator_access' ORDER BY table_name`),
    );
    expect(nullable.rows.map((r: { table_name: string }) => r.table_name)).toEqual([
      'accounts_recovery_code',
      'accounts_session',
      'accounts_sign_in_challenge',
      'accounts_user',
      'audit_chain_head',
      'audit_entry',
    ]);
  });
});
