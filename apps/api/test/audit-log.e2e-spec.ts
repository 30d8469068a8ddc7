import { AUDIT_ACTIONS } from '@cong/platform-audit';
import { sheetRows } from '@cong/testing';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/** The IT centre's audit log screen (issue 18, item 5): actions named, filtered by unit, exported. */
describe("the province's audit log: filters and export", () => {
  jest.setTimeout(120_000);
  let s: SeededApi;
  let editor: string;

  const audit = (query: string, token = s.admin) => s.lc.send('GET', `/api/v1/audit${query}`, undefined, token);

  beforeAll(async () => {
    s = await seededApi();
    editor = await invitedAccount(s.lc, s.admin, 'le.van.hoa', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    await s.lc.send(
      'POST',
      '/api/v1/units',
      { code: 'phong-y-te-sa-pa', name: 'Phòng Y tế Sa Pa', kind: 'department', parent: 'so-y-te' },
      s.admin,
    );
    await invitedAccount(s.na, s.naAdmin, 'le.van.hoa', [{ role: 'unit_editor', unit: 'so-y-te' }]);
  });
  afterAll(() => s?.close());

  it('names every action in Vietnamese', async () => {
    const actions = (await audit('/actions')).body as { action: string; label: string }[];
    expect(actions.map((a) => a.action)).toEqual([...AUDIT_ACTIONS]);
    expect(actions.find((a) => a.action === 'accounts.role_granted')?.label).toBe('Giao vai trò');
  });

  it("finds the entries about a unit: the unit itself and the roles held there, not another unit's", async () => {
    const sapa = (await audit('?unit=phong-y-te-sa-pa')).body.items as { action: string }[];
    expect(sapa.map((e) => e.action)).toEqual(['units.unit_created']);
    const soYTe = (await audit('?unit=so-y-te&action=accounts.role_granted')).body.items as { details: { unit: string } }[];
    expect(soYTe.length).toBeGreaterThan(0);
    expect(soYTe.every((e) => e.details.unit === 'so-y-te')).toBe(true);
    expect((await audit('?unit=khong-co')).status).toBe(404);
    expect((await audit('?unit=SỞ Y TẾ')).status).toBe(422);
  });

  it('exports the filtered entries as CSV and XLSX, the same lines as the list, in the province time', async () => {
    const listed = (await audit('?action=accounts.user_invited,accounts.role_granted&limit=200')).body.items as { action: string }[];
    const csv = await audit('/export?action=accounts.user_invited,accounts.role_granted&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="nhat-ky-lao-cai.csv"');
    const lines = csv.text.replace(/^\ufeff/, '').split('\n');
    expect(lines[0]).toBe('Nhật ký hoạt động — Tỉnh Lào Cai');
    expect(lines[1]).toBe('"Lọc theo: hành động Mời người dùng, Giao vai trò"'); // quoted: it holds a comma
    expect(lines).toContain(`Số mục: ${listed.length}`);
    expect(lines).toContain('Thời điểm,Hành động,Mã hành động,Người thực hiện,Đối tượng,Mã đối tượng,Chi tiết,Địa chỉ IP,Mã yêu cầu');

    const xlsx = await audit('/export?action=accounts.user_invited,accounts.role_granted&format=xlsx');
    const { rows } = await sheetRows(xlsx.raw, 'Nhật ký');
    const headingAt = rows.findIndex((r) => r[0] === 'Thời điểm');
    const entries = rows.slice(headingAt + 1, headingAt + 1 + listed.length);
    expect(entries.map((r) => r[2])).toEqual(listed.map((e) => e.action));
    expect(entries.every((r) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(String(r[0])))).toBe(true);
    expect(entries.find((r) => r[2] === 'accounts.user_invited')?.slice(1, 4)).toEqual([
      'Mời người dùng',
      'accounts.user_invited',
      'it.laocai',
    ]);
  });

  it("refuses a bad format, those who may not read the log, and never shows another province's entries", async () => {
    const bad = await audit('/export?format=pdf');
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([422, 'format']);
    expect((await audit('/export?format=csv', editor)).status).toBe(403);
    const na = await s.na.send('GET', '/api/v1/audit/export?format=csv&unit=so-y-te', undefined, s.naAdmin);
    expect(na.text).toContain('Tỉnh Nghệ An');
    expect(na.text).not.toContain('it.laocai');
    expect(na.text).not.toContain('phong-y-te-sa-pa');
    // A Lào Cai session does not open Nghệ An's log.
    expect((await s.na.send('GET', '/api/v1/audit/export?format=csv', undefined, s.admin)).status).toBe(401);

    const operator = (await readyAccount(s.ctx, new Caller(s.api, null), 'op.audit', null)).accessToken;
    const byUnit = await new Caller(s.api, null).send('GET', '/api/v1/operator/audit?tenant=lao-cai&unit=so-y-te', undefined, operator);
    expect([byUnit.status, byUnit.body.code]).toEqual([422, 'AUDIT_UNIT_FILTER_IN_PROVINCE']);
  });
});
