import { Caller, readyAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/** Issue 18, items 6 and 7: the provinces as operators list them, and the trail of every cross-province access. */
describe("national operators' province list and access log", () => {
  jest.setTimeout(120_000);
  let s: SeededApi;
  let platform: Caller;
  let operator: string;

  const asOperator = (path: string) => platform.send('GET', `/api/v1/operator${path}`, undefined, operator);

  beforeAll(async () => {
    s = await seededApi();
    platform = new Caller(s.api, null);
    operator = (await readyAccount(s.ctx, platform, 'op.lan', null)).accessToken;
  });
  afterAll(() => s?.close());

  it('lists every province with its domains, active units and rules in force', async () => {
    const provinces = (await asOperator('/tenants')).body as { code: string; unitCount: number; domains: string[] }[];
    const laoCaiUnits = (await s.lc.send('GET', '/api/v1/units', undefined, s.admin)).body.length;
    const ngheAnUnits = (await s.na.send('GET', '/api/v1/units', undefined, s.naAdmin)).body.length;
    expect(provinces.map((p) => [p.code, p.unitCount])).toEqual([
      ['lao-cai', laoCaiUnits],
      ['nghe-an', ngheAnUnits],
    ]);
    expect(laoCaiUnits).toBeGreaterThan(10);
  });

  it('records each access with its reason and province; each IT centre sees those about its own province only', async () => {
    await asOperator('/tenants/lao-cai/rules/versions');
    await asOperator('/tenants/nghe-an/rules');
    const log = (await asOperator('/access-log?actor=op.lan')).body;
    expect(log.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        actorLabel: 'op.lan',
        reason: 'operator API: rules of nghe-an',
        tenant: 'nghe-an',
        tenantName: 'Tỉnh Nghệ An',
      }),
      expect.objectContaining({ actorLabel: 'op.lan', reason: 'operator API: rule history of lao-cai', tenant: 'lao-cai' }),
    ]);
    const laoCaiOnly = (await asOperator('/access-log?tenant=lao-cai')).body.items as { tenant: string }[];
    expect(laoCaiOnly.length).toBeGreaterThan(0);
    expect(laoCaiOnly.every((a) => a.tenant === 'lao-cai')).toBe(true);
    const paged = (await asOperator('/access-log?actor=op.lan&limit=1')).body;
    const next = (await asOperator(`/access-log?actor=op.lan&limit=1&cursor=${paged.nextCursor}`)).body;
    expect(next.items[0].id).toBe(log.items[1].id);

    const seenByLaoCai = (await s.lc.send('GET', '/api/v1/audit/operator-access', undefined, s.admin)).body.items as {
      tenant: string;
      reason: string;
    }[];
    expect(seenByLaoCai.map((a) => a.reason)).toContain('operator API: rule history of lao-cai');
    expect(seenByLaoCai.every((a) => a.tenant === 'lao-cai')).toBe(true);
    const seenByNgheAn = (await s.na.send('GET', '/api/v1/audit/operator-access', undefined, s.naAdmin)).body.items as { reason: string }[];
    expect(seenByNgheAn.map((a) => a.reason)).not.toContain('operator API: rule history of lao-cai');
  });

  it('refuses province accounts on the operator trail, and a bad filter', async () => {
    expect((await platform.send('GET', '/api/v1/operator/access-log', undefined, s.admin)).status).toBe(401);
    expect((await asOperator('/access-log?tenant=khong-co')).status).toBe(404);
    expect((await asOperator('/access-log?from=hom-qua')).status).toBe(422);
  });
});
