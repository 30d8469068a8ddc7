import { createOwnerDataSource, MIGRATIONS } from '@cong/platform-database';
import { TestContext } from '@cong/testing';
import { AuditChainVerifier } from './audit-chain.verifier';
import { AuditLog } from './audit-log';

/**
 * Issue 14 (point 15): the audit log as a hash chain per province, written by the database in the
 * entry's own transaction, and what the verifier finds when a DBA edits or deletes entries.
 */
describe('tamper-evident audit log (issue 14)', () => {
  let ctx: TestContext;
  const audit = new AuditLog();
  const verifier = new AuditChainVerifier();
  const actor = { id: null, label: 'test-fixture' };

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  const write = (tenantId: string, n: number, from = 0) =>
    ctx.db.transaction(tenantId, async (m) => {
      for (let i = 0; i < n; i++) {
        await audit.record(m, {
          tenantId,
          action: 'units.unit_changed',
          subjectType: 'unit',
          subjectId: `u-${from + i}`,
          details: { i: from + i, tên: 'Sở Tư pháp' },
          actor,
        });
      }
    });
  const verify = (tenantId: string) => ctx.db.transaction(tenantId, (m) => verifier.verify(m, tenantId));
  const chain = (tenantId: string) =>
    ctx.asOwner(
      async (o) =>
        (await o.query(`SELECT id, seq::int, occurred_at FROM audit_entry WHERE tenant_id = $1 ORDER BY seq`, [tenantId])).rows as {
          id: string;
          seq: number;
          occurred_at: Date;
        }[],
    );
  /** As a malicious DBA would: the owner lifts the append-only guard for one statement. */
  const tamper = (sql: string, params: unknown[]) =>
    ctx.asOwner(async (o) => {
      await o.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      try {
        await o.query(sql, params);
      } finally {
        await o.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
      }
    });

  it('a chain over many entries verifies, numbered 1…n, each linked to the one before', async () => {
    const tenant = await ctx.newTenant();
    for (let batch = 0; batch < 6; batch++) await write(tenant.id, 250, batch * 250);
    const rows = await chain(tenant.id);
    expect(rows.length).toBeGreaterThanOrEqual(1500);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const report = await verify(tenant.id);
    expect(report).toEqual({ ok: true, entries: rows.length, headSeq: rows.length, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const links = await ctx.asOwner(
      async (o) =>
        (
          await o.query(
            `SELECT count(*)::int AS n FROM audit_entry a JOIN audit_entry b ON b.tenant_id = a.tenant_id AND b.seq = a.seq + 1 WHERE a.tenant_id = $1 AND b.prev_hash = a.hash`,
            [tenant.id],
          )
        ).rows[0].n,
    );
    expect(links).toBe(rows.length - 1);
  });

  it('keeps one chain per province and one for platform entries; a province verifies only its own', async () => {
    const a = await ctx.newTenant();
    const b = await ctx.newTenant();
    await write(a.id, 3);
    await write(b.id, 2);
    const access = { actorId: null, actorLabel: 'test-fixture', reason: 'platform audit chain test' };
    await ctx.db.asOperator(access, (m) => audit.record(m, { tenantId: null, action: 'auth.sign_in', actor }));
    const platform = await ctx.db.asOperator(access, (m) => verifier.verify(m, null));
    expect(platform).toMatchObject({ ok: true, entries: expect.any(Number) });
    expect((await verify(a.id)).ok).toBe(true);
    expect((await verify(b.id)).ok).toBe(true);
    expect((await chain(a.id)).map((r) => r.seq)).toEqual((await chain(a.id)).map((_, i) => i + 1));
    // Row-level security: in Lào Cai's transaction Nghệ An's chain is simply not there.
    const foreign = await ctx.db.transaction(a.id, (m) => verifier.verify(m, b.id));
    expect(foreign).toEqual({ ok: true, entries: 0, headSeq: 0, headHash: null });
  });

  it('takes the chain fields from the database, never from the writer', async () => {
    const tenant = await ctx.newTenant();
    await ctx.db.transaction(tenant.id, (m) =>
      m.query(
        `INSERT INTO audit_entry (tenant_id, action, actor_label, seq, prev_hash, hash) VALUES ($1, 'units.unit_changed', 'x', 99, '\\x01', '\\x02')`,
        [tenant.id],
      ),
    );
    expect(await verify(tenant.id)).toMatchObject({ ok: true });
    const [last] = (await chain(tenant.id)).slice(-1);
    expect(last.seq).toBeLessThan(99);
    await expect(ctx.db.transaction(tenant.id, (m) => m.query(`DELETE FROM audit_chain_head`))).rejects.toThrow(/permission denied/);
  });

  it('reports an entry edited in the database, at exactly that entry', async () => {
    const tenant = await ctx.newTenant();
    await write(tenant.id, 40);
    const target = (await chain(tenant.id))[24];
    await tamper(`UPDATE audit_entry SET details = details || '{"i": 999}' WHERE id = $1`, [target.id]);
    const report = await verify(tenant.id);
    expect(report).toEqual({
      ok: false,
      entries: target.seq - 1,
      broken: {
        entryId: target.id,
        seq: target.seq,
        occurredAt: target.occurred_at,
        kind: 'content_changed',
        detail: expect.stringMatching(/^content no longer matches its hash/),
      },
    });
  });

  it('reports an edit whose hash the DBA recomputed at the link to the next entry', async () => {
    const tenant = await ctx.newTenant();
    await write(tenant.id, 10);
    const rows = await chain(tenant.id);
    await tamper(`UPDATE audit_entry e SET actor_label = 'someone-else' WHERE id = $1`, [rows[4].id]);
    await tamper(`UPDATE audit_entry e SET hash = audit_entry_digest(e.prev_hash, e) WHERE id = $1`, [rows[4].id]);
    const report = await verify(tenant.id);
    expect(report).toMatchObject({ ok: false, entries: rows[5].seq - 1, broken: { entryId: rows[5].id, kind: 'link_broken' } });
  });

  it('finds an entry deleted from the middle, and entries deleted from the end', async () => {
    const tenant = await ctx.newTenant();
    await write(tenant.id, 20);
    const rows = await chain(tenant.id);
    await tamper(`DELETE FROM audit_entry WHERE id = $1`, [rows[9].id]);
    expect(await verify(tenant.id)).toMatchObject({
      ok: false,
      entries: rows[9].seq - 1,
      broken: { entryId: rows[10].id, seq: rows[10].seq, kind: 'entries_missing', detail: expect.stringContaining(`(seq ${rows[9].seq})`) },
    });

    const other = await ctx.newTenant();
    await write(other.id, 8);
    const kept = await chain(other.id);
    await tamper(`DELETE FROM audit_entry WHERE tenant_id = $1 AND seq > $2`, [other.id, kept.length - 3]);
    expect(await verify(other.id)).toMatchObject({
      ok: false,
      entries: kept.length - 3,
      broken: { entryId: kept[kept.length - 4].id, kind: 'tail_missing', detail: expect.stringContaining('the newest 3 were deleted') },
    });
  });

  it('concurrent writes for one province take turns and the chain still verifies', async () => {
    const tenant = await ctx.newTenant();
    const before = (await chain(tenant.id)).length;
    // Each transaction holds its entry a moment before committing, so the writers overlap.
    await Promise.all(
      Array.from({ length: 12 }, (_, w) =>
        ctx.db.transaction(tenant.id, async (m) => {
          for (let i = 0; i < 3; i++)
            await audit.record(m, { tenantId: tenant.id, action: 'units.unit_changed', details: { w, i }, actor });
          await m.query(`SELECT pg_sleep(0.02)`);
        }),
      ),
    );
    const rows = await chain(tenant.id);
    expect(rows).toHaveLength(before + 36);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await verify(tenant.id)).toEqual({ ok: true, entries: before + 36, headSeq: before + 36, headHash: expect.any(String) });
  });

  it('the migration chains the entries written before it, and its down takes the chain away', async () => {
    const owner = await createOwnerDataSource({ url: ctx.database.ownerUrl, applicationName: 'cong-test' }).initialize();
    const migration = new (MIGRATIONS.find((m) => m.name === 'ChainAuditLog1795392000022')!)();
    const runner = owner.createQueryRunner();
    try {
      await migration.down(runner);
      const tenant = await ctx.newTenant();
      await write(tenant.id, 30);
      await migration.up(runner);
      const rows = await chain(tenant.id);
      expect(rows.length).toBeGreaterThanOrEqual(30);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(await verify(tenant.id)).toMatchObject({ ok: true, entries: rows.length });
      // And entries written afterwards continue the same chain.
      await write(tenant.id, 2);
      expect(await verify(tenant.id)).toMatchObject({ ok: true, entries: rows.length + 2 });
    } finally {
      await runner.release();
      await owner.destroy();
    }
  });
});
