import { TestContext } from '@cong/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount } from './auth-session';

const TENANTS = join(__dirname, '../../../tenants');
const filesOf = (code: string) => ({
  tenantYaml: readFileSync(join(TENANTS, code, 'tenant.yaml'), 'utf8'),
  unitsYaml: readFileSync(join(TENANTS, code, 'units.yaml'), 'utf8'),
});

describe('operator API for province rules (national operators only)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let platform: Caller;
  let operatorToken: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    api = await ApiUnderTest.start(ctx.config);
    platform = new Caller(api, null);
    operatorToken = (await readyAccount(ctx, platform, 'op.rules', null)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  const asOperator = (method: string, path: string, body?: unknown) =>
    platform.send(method, `/api/v1/operator/tenants${path}`, body, operatorToken);

  it('onboards a province from its two files, then reads it back: list, rules in force, history', async () => {
    const dry = await asOperator('POST', '/lao-cai/rules', { ...filesOf('lao-cai'), dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ changed: false, dryRun: true, latestVersion: null });
    expect(dry.body.plan[0]).toBe('tỉnh lao-cai: tạo mới');
    expect((await asOperator('GET', '')).body).toEqual([]);

    const applied = await asOperator('POST', '/lao-cai/rules', filesOf('lao-cai'));
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      changed: true,
      latestVersion: { version: 1, effectiveFrom: '2006-02-24', appliedBy: 'op.rules' },
    });
    const again = await asOperator('POST', '/lao-cai/rules', filesOf('lao-cai'));
    expect(again.body).toMatchObject({ changed: false, plan: ['quy tắc: không đổi (phiên bản 1, hiệu lực từ 24/02/2006)'] });

    const list = await asOperator('GET', '');
    expect(list.body).toEqual([
      expect.objectContaining({
        code: 'lao-cai',
        domains: ['laocai.gov.vn', 'www.laocai.gov.vn'],
        rulesInForce: expect.objectContaining({ version: 1 }),
      }),
    ]);
    const inForce = await asOperator('GET', '/lao-cai/rules?on=2026-11-23');
    expect(inForce.body).toMatchObject({ version: 1, document: { code: 'lao-cai' } });
    expect(inForce.body.source).toContain('# Tỉnh Lào Cai');
    expect((await asOperator('GET', '/lao-cai/rules?on=2006-01-01')).body.code).toBe('RULES_NONE_IN_FORCE');
  });

  it('LC-3.1c: a changed royalty value is one new version, with a readable diff; the old version governs earlier dates', async () => {
    const files = filesOf('lao-cai');
    files.tenantYaml = files.tenantYaml.replace('{ id: tin, name: Tin, points: 1.0,', '{ id: tin, name: Tin, points: 1.2,');
    const applied = await asOperator('POST', '/lao-cai/rules', { ...files, effectiveFrom: '2027-01-01', note: 'QĐ nhuận bút 2027' });
    expect(applied.body).toMatchObject({
      changed: true,
      latestVersion: { version: 2, effectiveFrom: '2027-01-01', note: 'QĐ nhuận bút 2027' },
    });
    expect(applied.body.plan).toEqual([
      'quy tắc: phiên bản 2, hiệu lực từ 01/01/2027',
      '  ~ payments.royalties.genres[tin].points: 1 → 1.2',
    ]);

    expect((await asOperator('GET', '/lao-cai/rules/versions')).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = await asOperator('GET', '/lao-cai/rules/diff?from=1&to=2');
    expect(diff.body).toEqual([
      {
        kind: 'changed',
        path: 'payments.royalties.genres[tin].points',
        before: 1,
        after: 1.2,
        text: '~ payments.royalties.genres[tin].points: 1 → 1.2',
      },
    ]);
    expect((await asOperator('GET', '/lao-cai/rules?on=2026-12-31')).body.version).toBe(1);
    expect((await asOperator('GET', '/lao-cai/rules?on=2027-01-01')).body.version).toBe(2);
    expect((await asOperator('GET', '/lao-cai/rules/versions/1')).body.document.payments.royalties.genres[0].points).toBe(1);
  });

  it('answers an invalid submission with 422 and every problem, by file, line and path, and stores nothing', async () => {
    const files = filesOf('nghe-an');
    files.tenantYaml = files.tenantYaml
      .replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Asia/Vinh')
      .replace('period: week', 'period: fortnight');
    files.unitsYaml = files.unitsYaml.replace(
      '{ code: so-tai-chinh, name: Sở Tài chính, kind: department, parent: ubnd-tinh }',
      '{ code: so-tai-chinh, name: Sở Tài chính, kind: department, parent: so-tai-chinh-cu }',
    );
    const res = await asOperator('POST', '/nghe-an/rules', files);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RULES_INVALID');
    expect(res.body.errors).toEqual([
      {
        field: 'tenants/nghe-an/tenant.yaml:7 timezone',
        message: '`timezone` không nhận giá trị "Asia/Vinh": phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)',
      },
      {
        field: 'tenants/nghe-an/tenant.yaml:75 quotas[0].period',
        message: '`period` không nhận giá trị "fortnight": phải là một trong week, month, quarter, half-year, year',
      },
      { field: 'tenants/nghe-an/units.yaml:11 units[3].parent', message: 'Đơn vị cha "so-tai-chinh-cu" chưa khai báo trong tệp này' },
    ]);
    const wrongFolder = await asOperator('POST', '/ha-noi/rules', filesOf('nghe-an'));
    expect(wrongFolder.body.errors).toEqual([
      { field: 'tenants/ha-noi/tenant.yaml:5 code', message: '`code` phải giống tên thư mục "ha-noi" (đang là "nghe-an")' },
    ]);
    const missing = await asOperator('POST', '/nghe-an/rules', { tenantYaml: files.tenantYaml });
    expect([missing.status, missing.body.errors[0].field]).toEqual([422, 'unitsYaml']);
    expect((await asOperator('GET', '')).body.map((t: { code: string }) => t.code)).toEqual(['lao-cai']);
  });

  it("reads every province's audit log and the platform's own events", async () => {
    const laoCai = await platform.send(
      'GET',
      '/api/v1/operator/audit?tenant=lao-cai&action=rules.version_applied',
      undefined,
      operatorToken,
    );
    expect(laoCai.status).toBe(200);
    expect(laoCai.body.items.map((e: { details: { version: number }; actorLabel: string }) => [e.details.version, e.actorLabel])).toEqual([
      [2, 'op.rules'],
      [1, 'op.rules'],
    ]);
    const platformEvents = await platform.send('GET', '/api/v1/operator/audit?action=auth.sign_in', undefined, operatorToken);
    expect(platformEvents.body.items[0]).toMatchObject({ tenantId: null, actorLabel: 'op.rules' });
    expect((await platform.send('GET', '/api/v1/operator/audit?tenant=khong-co', undefined, operatorToken)).status).toBe(404);
  });

  it('refuses anonymous callers (401) and province accounts (their tokens are not for the platform)', async () => {
    expect((await platform.send('GET', '/api/v1/operator/tenants')).status).toBe(401);
    const laoCai = (await ctx.tenants.findByCode('lao-cai'))!;
    const province = new Caller(api, 'lao-cai');
    const admin = await readyAccount(ctx, province, 'it.laocai', laoCai.id);
    const res = await platform.send('POST', '/api/v1/operator/tenants/lao-cai/rules', filesOf('lao-cai'), admin.accessToken);
    expect([res.status, res.body.code]).toEqual([401, 'AUTH_WRONG_SCOPE']);
    expect((await asOperator('GET', '/nowhere/rules/versions')).status).toBe(404);
    expect((await asOperator('GET', '/lao-cai/rules/versions/9')).body.code).toBe('RULES_VERSION_NOT_FOUND');
    expect((await asOperator('GET', '/lao-cai/rules/diff?from=one&to=2')).status).toBe(422);
    expect((await asOperator('GET', '/lao-cai/rules?on=yesterday')).status).toBe(422);
  });
});
