import { AuditLog } from '@cong/platform-audit';
import { TestContext } from '@cong/testing';
import { runCong } from '../../test/run-cong';
import { EXIT } from '../cong';

describe('cong audit verify (issue 14)', () => {
  let ctx: TestContext;
  let env: NodeJS.ProcessEnv;
  const cong = (...args: string[]) => runCong(args, env);
  const audit = new AuditLog();
  const actor = { id: null, label: 'test-fixture' };

  beforeAll(async () => {
    ctx = await TestContext.create();
    env = {
      DATABASE_URL: ctx.database.ownerUrl,
      DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
      DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
    };
  });
  afterAll(() => ctx.close());

  const write = (tenantId: string, n: number) =>
    ctx.db.transaction(tenantId, async (m) => {
      for (let i = 0; i < n; i++) await audit.record(m, { tenantId, action: 'units.unit_changed', details: { i }, actor });
    });
  const count = async (tenantId: string) =>
    ctx.asOwner(
      async (o) => (await o.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1`, [tenantId])).rows[0].n as number,
    );

  it('reports OK with the count and the head of the chain', async () => {
    const tenant = await ctx.newTenant();
    await write(tenant.id, 12);
    const n = await count(tenant.id);
    const result = await cong('audit', 'verify', tenant.code);
    expect(result).toEqual({
      code: EXIT.ok,
      output: expect.stringMatching(
        new RegExp(`^Audit chain of ${tenant.code}: OK, ${n} entries verified; head seq ${n}, sha256 [0-9a-f]{64}\\.$`),
      ),
    });
  });

  it('verifies the platform chain with --platform', async () => {
    await ctx.db.asOperator({ actorId: null, actorLabel: 'test-fixture', reason: 'platform chain test' }, (m) =>
      audit.record(m, { tenantId: null, action: 'auth.sign_in', actor }),
    );
    const result = await cong('audit', 'verify', '--platform');
    expect([result.code, result.output]).toEqual([
      EXIT.ok,
      expect.stringMatching(/^Audit chain of the platform: OK, \d+ entr(y|ies) verified/),
    ]);
  });

  it('names the first broken link (entry id, time, what differs) and exits 1', async () => {
    const tenant = await ctx.newTenant();
    await write(tenant.id, 6);
    const rows = await ctx.asOwner(
      async (o) => (await o.query(`SELECT id, seq::int, occurred_at FROM audit_entry WHERE tenant_id = $1 ORDER BY seq`, [tenant.id])).rows,
    );
    const target = rows[rows.length - 3];
    await ctx.asOwner(async (o) => {
      await o.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await o.query(`UPDATE audit_entry SET action = 'units.unit_created' WHERE id = $1`, [target.id]);
      await o.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
    });
    const result = await cong('audit', 'verify', tenant.code);
    expect(result.code).toBe(EXIT.invalidInput);
    const lines = result.output.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Audit chain of ${tenant.code}: BROKEN after ${target.seq - 1} good entries.`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^First broken link: entry ${target.id} \\(seq ${target.seq}, ${(target.occurred_at as Date).toISOString().replace(/\./g, '\\.')}\\) — content_changed: content no longer matches its hash: stored [0-9a-f]{64}, recomputed [0-9a-f]{64}\\.$`,
      ),
    );
  });

  it('refuses an unknown province, and neither or both of a province and --platform', async () => {
    expect(await cong('audit', 'verify', 'khong-co')).toEqual({
      code: EXIT.usage,
      output: expect.stringContaining('no province with code "khong-co"'),
    });
    expect((await cong('audit', 'verify')).code).toBe(EXIT.usage);
    expect((await cong('audit', 'verify', 'lao-cai', '--platform')).code).toBe(EXIT.usage);
  });
});
