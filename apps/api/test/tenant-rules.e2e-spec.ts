import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount } from './auth-session';

/** The IT centre's own rules (issue 18, item 3): read, edit as files, check, apply; nobody else's. */
describe("a province's rules for its IT centre", () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let laoCai: Caller;
  let token: string;
  let ngheAnToken: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const laoCaiId = await ctx.applySeed('lao-cai');
    const ngheAnId = await ctx.applySeed('nghe-an');
    api = await ApiUnderTest.start(ctx.config);
    laoCai = new Caller(api, 'lao-cai');
    token = (await readyAccount(ctx, laoCai, 'it.laocai', laoCaiId)).accessToken;
    ngheAnToken = (await readyAccount(ctx, new Caller(api, 'nghe-an'), 'it.nghean', ngheAnId)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  const rules = (method: string, path: string, body?: unknown) => laoCai.send(method, `/api/v1/rules${path}`, body, token);

  it('gives the files as they stand: submitted again unchanged, the dry run plans no change', async () => {
    const files = await rules('GET', '/files');
    expect(files.status).toBe(200);
    expect(files.body.latestVersion).toBe(1);
    expect(files.body.tenantYaml).toContain('code: lao-cai');
    // units.yaml is written from the stored tree, each unit after its parent.
    const lines: string[] = files.body.unitsYaml.split('\n');
    expect(lines[1]).toBe('units:');
    expect(lines[2]).toBe('  - { code: ubnd-tinh, name: UBND tỉnh Lào Cai, kind: province }');
    expect(lines).toContain('  - { code: so-y-te, name: Sở Y tế, kind: department, parent: ubnd-tinh, tags: [ pilot-online-services ] }');

    const dry = await rules('POST', '', { tenantYaml: files.body.tenantYaml, unitsYaml: files.body.unitsYaml, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ changed: false, dryRun: true });
    expect(dry.body.plan).toHaveLength(1);
    expect(dry.body.plan[0]).toMatch(/^quy tắc: không đổi \(phiên bản 1, hiệu lực từ /);
  });

  it('LC-3.1c: shows an invalid file at its line and stores nothing; a valid change is a new version applied by the IT centre, with its diff', async () => {
    const files = (await rules('GET', '/files')).body;
    const broken = files.tenantYaml.replace('{ id: tin, name: Tin, points: 1.0,', '{ id: tin, name: Tin, points: many,');
    const refused = await rules('POST', '', { tenantYaml: broken, unitsYaml: files.unitsYaml });
    expect([refused.status, refused.body.code]).toEqual([422, 'RULES_INVALID']);
    const line = broken.split('\n').findIndex((l: string) => l.includes('points: many')) + 1;
    expect(refused.body.errors.length).toBeGreaterThan(0);
    for (const error of refused.body.errors)
      expect(error.field).toBe(`tenants/lao-cai/tenant.yaml:${line} payments.royalties.genres[0].points`);
    expect((await rules('GET', '/versions')).body).toHaveLength(1);

    const changed = files.tenantYaml.replace('{ id: tin, name: Tin, points: 1.0,', '{ id: tin, name: Tin, points: 1.2,');
    const planned = await rules('POST', '', { tenantYaml: changed, unitsYaml: files.unitsYaml, effectiveFrom: '2027-01-01', dryRun: true });
    expect(planned.body.plan).toEqual([
      'quy tắc: phiên bản 2, hiệu lực từ 01/01/2027',
      '  ~ payments.royalties.genres[tin].points: 1 → 1.2',
    ]);
    expect((await rules('GET', '/versions')).body).toHaveLength(1);

    const applied = await rules('POST', '', {
      tenantYaml: changed,
      unitsYaml: files.unitsYaml,
      effectiveFrom: '2027-01-01',
      note: 'QĐ 2027',
    });
    expect(applied.body).toMatchObject({ changed: true, latestVersion: { version: 2, appliedBy: 'it.laocai', note: 'QĐ 2027' } });
    const versions = (await rules('GET', '/versions')).body;
    expect(versions.map((v: { version: number; appliedBy: string }) => [v.version, v.appliedBy])).toEqual([
      [2, 'it.laocai'],
      [1, expect.any(String)],
    ]);
    expect((await rules('GET', '/diff?from=1&to=2')).body.map((c: { text: string }) => c.text)).toEqual([
      '~ payments.royalties.genres[tin].points: 1 → 1.2',
    ]);
    expect((await rules('GET', '?on=2026-12-31')).body.version).toBe(1);
    expect((await rules('GET', '?on=2027-01-01')).body.version).toBe(2);
    expect((await rules('GET', '/versions/2')).body.source).toContain('points: 1.2');
    expect((await rules('GET', '/files')).body.latestVersion).toBe(2);
  });

  it("refuses another province's files, and keeps each province's rules to its own IT centre", async () => {
    const ngheAn = new Caller(api, 'nghe-an');
    const own = await ngheAn.send('GET', '/api/v1/rules/files', undefined, ngheAnToken);
    expect(own.body.tenantYaml).toContain('code: nghe-an');
    // Nghệ An's files sent to Lào Cai: the code is not this province's, nothing is applied.
    const foreign = await rules('POST', '', { tenantYaml: own.body.tenantYaml, unitsYaml: own.body.unitsYaml });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe('tenants/lao-cai/tenant.yaml:5 code');
    // A Nghệ An session does not open Lào Cai's rules.
    const crossed = await laoCai.send('GET', '/api/v1/rules/versions', undefined, ngheAnToken);
    expect(crossed.status).toBe(401);
    expect((await laoCai.send('GET', '/api/v1/rules/versions')).status).toBe(401);
    expect((await rules('GET', '/versions/9')).body.code).toBe('RULES_VERSION_NOT_FOUND');
    expect((await rules('GET', '?on=hom-qua')).status).toBe(422);
  });

  it('a file of the wrong shape is a 422 naming its line, not a failure of the server', async () => {
    const files = (await rules('GET', '/files')).body;
    const versions = (await rules('GET', '/versions')).body.length;
    const refused = await rules('POST', '', { tenantYaml: files.tenantYaml, unitsYaml: 'units: 5' });
    expect([refused.status, refused.body.code]).toEqual([422, 'RULES_INVALID']);
    expect(refused.body.errors).toEqual([{ field: 'tenants/lao-cai/units.yaml:1 units', message: '`units` phải là một danh sách' }]);
    expect((await rules('GET', '/versions')).body).toHaveLength(versions);
  });
});
