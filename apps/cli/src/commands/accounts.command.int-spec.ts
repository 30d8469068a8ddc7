import { PasswordHasher } from '@cong/accounts';
import { TestContext } from '@cong/testing';
import { runCong } from '../../test/run-cong';
import { EXIT } from '../cong';

describe('cong accounts create-operator|create-admin', () => {
  let ctx: TestContext;
  let env: NodeJS.ProcessEnv;
  const cong = (...args: string[]) => runCong(args, env);

  beforeAll(async () => {
    ctx = await TestContext.create();
    env = {
      DATABASE_URL: ctx.database.ownerUrl,
      DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
      DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
    };
  });
  afterAll(() => ctx.close());

  const storedUser = (username: string) =>
    ctx.asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT u.tenant_id, u.password_hash, u.must_change_password, m.role FROM accounts_user u LEFT JOIN accounts_membership m ON m.user_id = u.id WHERE u.username = $1`,
            [username],
          )
        ).rows,
    );

  it('issues the first national operator with a one-time password, shown once and stored only as argon2id', async () => {
    const result = await cong('accounts', 'create-operator', 'Op.QuocGia', '--name', 'Nguyễn Văn A');
    expect(result.code).toBe(EXIT.ok);
    const password = /One-time password: (\S+)/.exec(result.output)![1];
    expect(password).toHaveLength(20);
    const [row] = await storedUser('op.quocgia');
    expect(row).toMatchObject({ tenant_id: null, must_change_password: true, role: null });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await new PasswordHasher().verify(row.password_hash, password)).toBe(true);
  });

  it("issues a province's first tenant admin", async () => {
    const tenant = await ctx.newTenant();
    const result = await cong('accounts', 'create-admin', tenant.code, 'it.admin', '--name', 'Trung tâm CNTT');
    expect(result.code).toBe(EXIT.ok);
    expect(await storedUser('it.admin')).toEqual([expect.objectContaining({ tenant_id: tenant.id, role: 'tenant_admin' })]);
  });

  it('NA-9: resets a password to a one-time one; the old one stops working and sessions end', async () => {
    const result = await cong('accounts', 'reset-password', 'op.quocgia');
    expect(result.code).toBe(EXIT.ok);
    const password = /One-time password: (\S+)/.exec(result.output)![1];
    const [row] = await storedUser('op.quocgia');
    expect(await new PasswordHasher().verify(row.password_hash, password)).toBe(true);
    expect(row.must_change_password).toBe(true);
    expect((await cong('accounts', 'reset-password', 'nobody.here')).output).toContain('ACCOUNTS_USER_NOT_FOUND');
    expect((await cong('accounts', 'reset-password', 'it.admin', '--tenant', 'khong-co')).code).toBe(EXIT.usage);
  });

  it("removes a national operator's two-step verification (no IT centre can); audited on the operator path", async () => {
    // Enrolled as the API leaves an account (sealed secret, a recovery code hash); the CLI never reads them.
    await ctx.asOwner(async (c) => {
      const { rows } = await c.query(
        `UPDATE accounts_user SET two_factor_secret = 'v1.a.b.c', two_factor_enabled_at = now(), two_factor_last_step = 1 WHERE username = 'op.quocgia' AND tenant_id IS NULL RETURNING id`,
      );
      await c.query(`INSERT INTO accounts_recovery_code (tenant_id, user_id, code_hash) VALUES (NULL, $1, repeat('a', 64))`, [rows[0].id]);
    });
    const result = await cong('accounts', 'reset-two-factor', 'op.quocgia');
    expect([result.code, result.output]).toEqual([EXIT.ok, expect.stringContaining('Two-step verification of op.quocgia removed')]);
    const after = await ctx.asOwner(
      async (c) =>
        (
          await c.query(`SELECT u.two_factor_secret, u.two_factor_enabled_at, (SELECT count(*)::int FROM accounts_recovery_code r WHERE r.user_id = u.id) AS codes,
        (SELECT a.details FROM audit_entry a WHERE a.subject_id = u.id::text AND a.action = 'auth.two_factor_reset') AS audited
        FROM accounts_user u WHERE u.username = 'op.quocgia'`)
        ).rows[0],
    );
    expect(after).toEqual({
      two_factor_secret: null,
      two_factor_enabled_at: null,
      codes: 0,
      audited: { username: 'op.quocgia', wasEnabled: true, via: 'cli' },
    });
    const twice = await cong('accounts', 'reset-two-factor', 'op.quocgia');
    expect([twice.code, twice.output]).toEqual([EXIT.invalidInput, expect.stringContaining('AUTH_TWO_FACTOR_NOT_ENABLED')]);
  });

  it('refuses a taken username, a bad username, an unknown province and a missing name', async () => {
    const taken = await cong('accounts', 'create-operator', 'op.quocgia', '--name', 'Trần Thị B');
    expect([taken.code, taken.output]).toEqual([EXIT.invalidInput, expect.stringContaining('ACCOUNTS_USERNAME_TAKEN')]);
    const bad = await cong('accounts', 'create-operator', 'nguyễn', '--name', 'Nguyễn');
    expect([bad.code, bad.output]).toEqual([EXIT.invalidInput, expect.stringContaining('ACCOUNTS_INVALID_USERNAME')]);
    expect((await cong('accounts', 'create-admin', 'khong-co', 'it.x', '--name', 'X Y')).code).toBe(EXIT.usage);
    expect((await cong('accounts', 'create-operator', 'op.khac')).code).toBe(EXIT.usage);
    expect(await storedUser('op.khac')).toEqual([]);
  });
});
