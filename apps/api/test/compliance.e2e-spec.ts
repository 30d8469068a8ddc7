import { ComplianceReminders } from '@cong/compliance';
import { SAMPLE_FIELDS, TestContext } from '@cong/testing';
import { loadTenantFolder, todayIn } from '@cong/rules';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { postedAt as postedOn } from './publishing';
import { Caller, invitedAccount, readyAccount } from './auth-session';

/** Hà Nội time → the instant. */
const hcm = (local: string) => new Date(`${local}+07:00`);

/** Live progress and results over periods, from published content, on both seed provinces (issue 7). */
describe('compliance over HTTP: progress and period results from what was published (NA-8.2, NA-8.4, LC-2.3a)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let na: Caller;
  let laoCaiId: string;
  let ngheAnId: string;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCaiId = await ctx.applySeed('lao-cai');
    ngheAnId = await ctx.applySeed('nghe-an');
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, 'lao-cai');
    na = new Caller(api, 'nghe-an');
    token.lc = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    token.na = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    token.gd = await invitedAccount(lc, token.lc, 'bientap.gd', [{ role: 'unit_editor', unit: 'so-giao-duc-dao-tao' }], {
      displayName: 'Biên tập Sở Giáo dục',
    });
    token.bbt = await invitedAccount(lc, token.lc, 'bbt.cong', [{ role: 'editorial_board' }], { displayName: 'Ban biên tập' });
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  /** An item of a unit's sub-site published at a given Hà Nội time (a dated fact: publishing.ts). */
  const postedAt = (
    caller: Caller,
    tenantId: string,
    token: string,
    site: string,
    local: string,
    type = 'news',
    fields?: Record<string, unknown>,
  ) => postedOn(caller, ctx.db, tenantId, token, site, local, type, fields);
  const progressOf = async (caller: Caller, user: string, unit: string, asOf: string) => {
    const res = await caller.send('GET', `/api/v1/compliance/progress?unit=${unit}&asOf=${asOf}`, undefined, token[user]);
    if (res.status !== 200) throw new Error(res.text);
    return res.body.units[0].entries as { rule: string; status: string; summary: string; detail: Record<string, unknown> }[];
  };

  it('Lào Cai (LC-2.3a): a department posting on Monday and Thursday has missed Wednesday, and on Friday is told Friday is still to come', async () => {
    await postedAt(lc, laoCaiId, token.lc, 'so-y-te', '2026-11-16T09:00');
    await postedAt(lc, laoCaiId, token.lc, 'so-y-te', '2026-11-19T15:00');
    const [entry] = await progressOf(lc, 'lc', 'so-y-te', '2026-11-20');
    expect(entry).toMatchObject({
      rule: 'update-days',
      status: 'behind',
      summary: 'Tuần này: chưa đăng thứ Tư (2026-11-18); hôm nay chưa đăng',
    });
    expect(entry.detail).toMatchObject({
      requiredDays: ['2026-11-16', '2026-11-18', '2026-11-20'],
      missedDays: ['2026-11-18', '2026-11-20'],
    });

    // The week closed: Wednesday and Friday missed.
    const week = await lc.send('GET', '/api/v1/compliance/results?period=week&date=2026-11-18', undefined, token.lc);
    const yte = week.body.schedules.find((s: { unit: string; rule: string }) => s.unit === 'so-y-te' && s.rule === 'update-days');
    expect(yte).toMatchObject({ period: { start: '2026-11-16', end: '2026-11-23' }, missedDays: ['2026-11-18', '2026-11-20'], met: false });
    expect(week.body.ruleVersions).toEqual([1]);
  });

  it('counts days in the province: 23:30 Sunday belongs to the old week, 00:30 Monday to the new one', async () => {
    await postedAt(lc, laoCaiId, token.lc, 'so-tai-chinh', '2026-11-22T23:30'); // Sunday, Hà Nội
    await postedAt(lc, laoCaiId, token.lc, 'so-tai-chinh', '2026-11-23T00:30'); // Monday 00:30 Hà Nội = Sunday 17:30 UTC
    const [entry] = await progressOf(lc, 'lc', 'so-tai-chinh', '2026-11-23');
    expect(entry).toMatchObject({ status: 'met', summary: 'Tuần này: đã đăng đủ 1 ngày bắt buộc tính đến hôm nay' });
    expect((entry.detail as { days: { date: string; counted: number }[] }).days).toEqual([
      { date: '2026-11-23', counted: 1, evidence: [expect.any(String)] },
    ]);
  });

  it('Nghệ An (NA-8.2): one item in a week is "1 trên 2"; the week closes failed', async () => {
    await postedAt(na, ngheAnId, token.na, 'so-tai-chinh', '2026-11-17T10:00');
    const [quota] = (await progressOf(na, 'na', 'so-tai-chinh', '2026-11-20')).filter((e) => e.rule === 'weekly-posts');
    expect(quota).toMatchObject({ status: 'on_track', summary: '1 trên 2 tin tuần này' });
    const week = await na.send('GET', '/api/v1/compliance/results?period=week&date=2026-11-17', undefined, token.na);
    expect(week.body.quotas.find((q: { unit: string }) => q.unit === 'so-tai-chinh')).toMatchObject({
      required: 2,
      counted: 1,
      met: false,
    });
  });

  it('Nghệ An (NA-8.4): a legal document published two days after it took effect is late by two days', async () => {
    await postedAt(na, ngheAnId, token.na, 'so-ke-hoach-dau-tu', '2026-11-12T08:00', 'legal_document', {
      ...SAMPLE_FIELDS.legal_document,
      effectiveFrom: '2026-11-10',
      issuedOn: '2026-11-01',
    });
    const entries = await progressOf(na, 'na', 'so-ke-hoach-dau-tu', '2026-11-20');
    const deadline = entries.find((e) => e.rule === 'legal-documents-by-effective-date')!;
    expect(deadline).toMatchObject({ status: 'behind', summary: '0 văn bản đúng hạn, 1 trễ hoặc chưa đăng, 0 chưa đến hạn' });
    expect(deadline.detail).toEqual([
      expect.objectContaining({ due: '2026-11-10', publishedOn: '2026-11-12', status: 'late', daysLate: 2 }),
    ]);
  });

  it('a rule change in the middle of a quarter judges the later weeks by the new rule and the earlier ones by the old', async () => {
    await postedAt(na, ngheAnId, token.na, 'so-ke-hoach-dau-tu', '2026-10-06T09:00');
    await postedAt(na, ngheAnId, token.na, 'so-ke-hoach-dau-tu', '2026-10-07T09:00');
    await postedAt(na, ngheAnId, token.na, 'so-ke-hoach-dau-tu', '2026-11-03T09:00');
    await postedAt(na, ngheAnId, token.na, 'so-ke-hoach-dau-tu', '2026-11-04T09:00');
    // Version 2 from Monday 2026-11-02: three items a week.
    const folder = await loadTenantFolder(join(__dirname, '../../../tenants/nghe-an'));
    if (!folder.ok) throw new Error('seed does not load');
    folder.definition.ruleSet.quotas[0].min = 3;
    await ctx.applyDefinition(folder.definition, {
      actorLabel: 'test-rule-change',
      effectiveFrom: '2026-11-02',
      now: new Date('2026-10-30T00:00:00Z'),
    });

    const quarter = await na.send('GET', '/api/v1/compliance/results?period=quarter&date=2026-11-15', undefined, token.na);
    expect(quarter.status).toBe(200);
    expect(quarter.body.ruleVersions).toEqual([1, 2]);
    const weeks = quarter.body.quotas.filter((q: { unit: string }) => q.unit === 'so-ke-hoach-dau-tu');
    const week = (start: string) => weeks.find((q: { period: { start: string } }) => q.period.start === start);
    expect(week('2026-10-05')).toMatchObject({ required: 2, counted: 2, met: true });
    expect(week('2026-11-02')).toMatchObject({ required: 3, counted: 2, met: false });
  });

  it('closes a period once: the snapshot is stored with its rule versions, closing again returns it unchanged, a running period is a 409', async () => {
    const first = await lc.send('POST', '/api/v1/compliance/snapshots', { period: 'week', date: '2026-11-18' }, token.lc);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      periodKind: 'week',
      periodStart: '2026-11-16',
      periodEnd: '2026-11-23',
      ruleVersions: [1],
      computedBy: 'it.laocai',
    });
    expect(first.body.results.schedules.find((s: { unit: string }) => s.unit === 'so-y-te')).toMatchObject({
      missedDays: ['2026-11-18', '2026-11-20'],
    });
    // A late publication does not rewrite a closed period: the snapshot stands.
    await postedAt(lc, laoCaiId, token.lc, 'so-y-te', '2026-11-18T10:00');
    const again = await lc.send('POST', '/api/v1/compliance/snapshots', { period: 'week', date: '2026-11-20' }, token.lc);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const listed = await lc.send('GET', '/api/v1/compliance/snapshots?period=week&from=2026-11-01', undefined, token.lc);
    expect(listed.body.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
    const running = await lc.send('POST', '/api/v1/compliance/snapshots', { period: 'month', date: todayIn('Asia/Ho_Chi_Minh') }, token.lc);
    expect([running.status, running.body.code]).toEqual([409, 'COMPLIANCE_PERIOD_OPEN']);
    expect((await lc.send('POST', '/api/v1/compliance/snapshots', { period: 'week', date: '2026-11-18' }, token.gd)).status).toBe(403);
    // Stored rows never change, even for the database owner.
    await expect(ctx.asOwner((c) => c.query(`UPDATE compliance_period_snapshot SET computed_by = 'x'`))).rejects.toThrow(/append-only/);
  });

  it('reports (LC-3.4 monthly, NA-12.3 half-yearly): per unit with totals and trend, as JSON, CSV and an XLSX that holds the same numbers', async () => {
    const json = await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05', undefined, token.lc);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      title: 'Báo cáo tình hình thực hiện chế độ cung cấp thông tin (LC-3.4)',
      province: expect.stringContaining('Lào Cai'),
      period: { kind: 'month', start: '2026-11-01', end: '2026-12-01', label: 'Tháng 11/2026' },
      provisional: todayIn('Asia/Ho_Chi_Minh') < '2026-12-01',
    });
    expect(json.body.previousPeriods).toEqual(['Tháng 8/2026', 'Tháng 9/2026', 'Tháng 10/2026']);
    const yte = json.body.rows.find((r: { unit: string }) => r.unit === 'so-y-te');
    expect(yte).toMatchObject({ unitName: 'Sở Y tế', quotaPeriods: 0 });
    expect(yte.requiredDays).toBeGreaterThan(yte.missedDays);
    expect(yte.rate).toBe(Math.round((1000 * (yte.requiredDays - yte.missedDays)) / yte.requiredDays) / 10);
    expect(yte.previousRates).toEqual([0, 0, 0]); // nothing posted in August–October

    const xlsx = await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05&format=xlsx', undefined, token.lc);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="bao-cao-monthly-compliance-2026-11-01.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Báo cáo')!;
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    // Lào Cai's rules set no deadlines: no document columns.
    const headings = rows.find((r) => r[0] === 'Tên đơn vị')!;
    expect(headings).toEqual([
      'Tên đơn vị',
      'Mã đơn vị',
      'Kỳ định mức đạt',
      'Tổng số kỳ định mức',
      'Số ngày bắt buộc',
      'Số ngày không đăng',
      'Tỷ lệ thực hiện (%)',
      'Tỷ lệ Tháng 8/2026 (%)',
      'Tỷ lệ Tháng 9/2026 (%)',
      'Tỷ lệ Tháng 10/2026 (%)',
      'Thay đổi so với kỳ trước (điểm %)',
    ]);
    const line = rows.find((r) => r[1] === 'so-y-te')!;
    expect(line.slice(0, 7)).toEqual(['Sở Y tế', 'so-y-te', 0, 0, yte.requiredDays, yte.missedDays, yte.rate]);
    expect(rows.find((r) => r[0] === 'Tổng cộng')).toBeDefined();

    const csv = await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05&format=csv', undefined, token.lc);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.raw.toString('utf8')).toContain(`Sở Y tế,so-y-te,0,0,${yte.requiredDays},${yte.missedDays},${yte.rate}`);

    const na6 = await na.send('GET', '/api/v1/compliance/reports/implementation-report?date=2026-03-10', undefined, token.na);
    expect(na6.body).toMatchObject({ period: { kind: 'half-year', label: '6 tháng đầu năm 2026' }, provisional: false });
    expect(
      (await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05&period=year', undefined, token.lc)).status,
    ).toBe(422);
    expect((await lc.send('GET', '/api/v1/compliance/reports/khong-co?date=2026-11-05', undefined, token.lc)).status).toBe(404);
    expect((await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05', undefined, token.gd)).status).toBe(403);
    const nextYear = `${Number(todayIn('Asia/Ho_Chi_Minh').slice(0, 4)) + 1}-05-01`;
    expect((await lc.send('GET', `/api/v1/compliance/reports/monthly-compliance?date=${nextYear}`, undefined, token.lc)).status).toBe(422);
  });

  it('NA-10.1: the IT centre certifies a quarter’s volume per unit and type; it is frozen; a correction is a new statement naming the old', async () => {
    const q3 = (path: string) => na.send('GET', `/api/v1/compliance/volume-statements${path}`, undefined, token.na);
    await postedAt(na, ngheAnId, token.na, 'so-tai-chinh', '2026-08-03T09:00');
    await postedAt(na, ngheAnId, token.na, 'so-tai-chinh', '2026-08-04T09:00', 'announcement');
    const draft = await q3('/draft?date=2026-08-15');
    expect(draft.body).toMatchObject({ period: { kind: 'quarter', start: '2026-07-01', end: '2026-10-01' }, total: 2 });
    expect(draft.body.lines.map((l: { unit: string; type: string; count: number }) => [l.unit, l.type, l.count])).toEqual([
      ['so-tai-chinh', 'announcement', 1],
      ['so-tai-chinh', 'news', 1],
    ]);

    const certified = await na.send('POST', '/api/v1/compliance/volume-statements', { date: '2026-08-15' }, token.na);
    expect(certified.status).toBe(201);
    expect(certified.body).toMatchObject({ periodStart: '2026-07-01', total: 2, certifiedBy: 'it.nghean', correctsId: null });
    expect((await na.send('POST', '/api/v1/compliance/volume-statements', { date: '2026-09-01' }, token.na)).body.code).toBe(
      'COMPLIANCE_VOLUME_CERTIFIED',
    );
    await expect(ctx.asOwner((c) => c.query(`UPDATE compliance_volume_statement SET total = 99`))).rejects.toThrow(/append-only/);
    await expect(ctx.asOwner((c) => c.query(`DELETE FROM compliance_volume_statement`))).rejects.toThrow(/append-only/);

    // An item found later: the correction counts it, names the old statement and says why.
    await postedAt(na, ngheAnId, token.na, 'so-tai-chinh', '2026-09-10T09:00', 'report', SAMPLE_FIELDS.report);
    expect(
      (await na.send('POST', '/api/v1/compliance/volume-statements', { date: '2026-08-15', corrects: certified.body.id }, token.na)).status,
    ).toBe(422);
    const corrected = await na.send(
      'POST',
      '/api/v1/compliance/volume-statements',
      { date: '2026-08-15', corrects: certified.body.id, reason: 'Bổ sung báo cáo tháng 9 bị sót' },
      token.na,
    );
    expect(corrected.body).toMatchObject({ total: 3, correctsId: certified.body.id, reason: 'Bổ sung báo cáo tháng 9 bị sót' });
    expect(
      (
        await na.send(
          'POST',
          '/api/v1/compliance/volume-statements',
          { date: '2026-08-15', corrects: certified.body.id, reason: 'Lần nữa' },
          token.na,
        )
      ).body.code,
    ).toBe('COMPLIANCE_VOLUME_NOT_CURRENT');
    const listed = (await q3('?from=2026-07-01&to=2026-10-01')).body;
    expect(listed.map((s: { id: string; correctedById: string | null }) => [s.id, s.correctedById])).toEqual([
      [certified.body.id, corrected.body.id],
      [corrected.body.id, null],
    ]);
    const audit = await na.send('GET', `/api/v1/audit?subject=${corrected.body.id}`, undefined, token.na);
    expect(audit.body.items[0]).toMatchObject({ action: 'compliance.volume_certified', actorLabel: 'it.nghean' });

    expect((await na.send('POST', '/api/v1/compliance/volume-statements', { date: todayIn('Asia/Ho_Chi_Minh') }, token.na)).status).toBe(
      409,
    );
    expect((await lc.send('GET', '/api/v1/compliance/volume-statements/draft?date=2026-08-15', undefined, token.lc)).status).toBe(404); // Lào Cai's rules ask for none
  });

  it('LC-3.4: emulation scores from the same results as the report, with a ranking; LC-3.1c: the month’s royalty statement per author and unit', async () => {
    const report = (await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05', undefined, token.lc)).body;
    const emulation = await lc.send('GET', '/api/v1/compliance/emulation?period=month&date=2026-11-05', undefined, token.lc);
    expect(emulation.status).toBe(200);
    expect(emulation.body).toMatchObject({ period: { label: 'Tháng 11/2026' }, maxScore: 100 });
    const yte = emulation.body.scores.find((s: { unit: string }) => s.unit === 'so-y-te');
    expect(yte.score).toBe(report.rows.find((r: { unit: string }) => r.unit === 'so-y-te').rate); // one weighted rule binds it: score = its rate
    const ranks = emulation.body.scores.filter((s: { rank: number | null }) => s.rank !== null).map((s: { score: number }) => s.score);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(emulation.body.scores[0].rank).toBe(1);
    expect((await lc.send('GET', '/api/v1/compliance/emulation?period=week&date=2026-11-05', undefined, token.lc)).status).toBe(422);
    expect((await na.send('GET', '/api/v1/compliance/emulation?date=2026-11-05', undefined, token.na)).status).toBe(404); // Nghệ An scores no emulation

    // A portal contribution approved by the board earns its author a royalty.
    const item = (
      await lc.send(
        'POST',
        '/api/v1/content',
        { site: 'portal', unit: 'so-giao-duc-dao-tao', type: 'news', title: 'Khai giảng năm học mới' },
        token.gd,
      )
    ).body;
    const submitted = await lc.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'submit', version: item.version },
      token.gd,
    );
    await lc.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'approve', version: submitted.body.version, royalty: { genre: 'tin-co-anh' } },
      token.bbt,
    );
    const month = todayIn('Asia/Ho_Chi_Minh').slice(0, 7);
    const statement = await lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, token.lc);
    expect(statement.body.authors).toEqual([
      {
        authorId: expect.any(String),
        author: 'bientap.gd',
        authorName: 'Biên tập Sở Giáo dục',
        unit: 'so-giao-duc-dao-tao',
        unitName: 'Sở Giáo dục và Đào tạo',
        items: 1,
        points: 1.5,
        amount: 351000,
      },
    ]);
    expect(statement.body.total).toEqual({ items: 1, points: 1.5, amount: 351000 });
    const xlsx = await lc.send('GET', `/api/v1/compliance/royalties?month=${month}&format=xlsx`, undefined, token.lc);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const rows = book
      .getWorksheet('Nhuận bút')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[1] === 'bientap.gd')).toEqual([
      'Biên tập Sở Giáo dục',
      'bientap.gd',
      'Sở Giáo dục và Đào tạo',
      'so-giao-duc-dao-tao',
      'Khai giảng năm học mới',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
      'Tin có ảnh',
      'Cổng',
      1.5,
      234000,
      100,
      351000,
    ]);
    expect((await lc.send('GET', '/api/v1/compliance/royalties?month=2026-13', undefined, token.lc)).status).toBe(422);
    expect((await lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, token.gd)).status).toBe(403);
  });

  it('reminds units that are behind, once, inside the windows the rules set: a day before a quota week ends, at 18:00 on an unposted required day, two days before a document is due', async () => {
    const reminders = api.app.get(ComplianceReminders);
    token.taichinh = await invitedAccount(na, token.na, 'totin.taichinh', [{ role: 'unit_editor', unit: 'so-tai-chinh' }]);
    const inbox = async (caller: Caller, user: string) =>
      (await caller.send('GET', '/api/v1/notifications', undefined, token[user])).body.items as { kind: string; title: string }[];

    // Lào Cai, Friday 2026-11-20: nothing before 18:00; at 19:00 the education department, which posted nothing, hears of it once.
    expect((await reminders.sendDue(laoCaiId, hcm('2026-11-20T17:00'))).length).toBe(0);
    await reminders.sendDue(laoCaiId, hcm('2026-11-20T19:00'));
    await reminders.sendDue(laoCaiId, hcm('2026-11-20T20:00'));
    expect((await inbox(lc, 'gd')).filter((n) => n.kind === 'compliance.schedule_reminder').map((n) => n.title)).toEqual([
      'Nhắc việc: hôm nay (20/11/2026) đơn vị chưa đăng tin (LC-2.3a)',
    ]);

    // Nghệ An, Sunday 2026-11-22 08:00: the week ends in 16 hours with one item posted; a legal document due on the 24th is not published.
    await na.send(
      'POST',
      '/api/v1/content',
      {
        site: 'so-tai-chinh',
        type: 'legal_document',
        title: 'Quyết định chưa đăng',
        fields: { ...SAMPLE_FIELDS.legal_document, effectiveFrom: '2026-11-24', issuedOn: '2026-11-15' },
      },
      token.na,
    );
    expect((await reminders.sendDue(ngheAnId, hcm('2026-11-21T08:00'))).filter((n) => n.kind === 'compliance.quota_reminder')).toEqual([]);
    await reminders.sendDue(ngheAnId, hcm('2026-11-22T08:00'));
    await reminders.sendDue(ngheAnId, hcm('2026-11-22T09:00'));
    const mine = await inbox(na, 'taichinh');
    expect(mine.filter((n) => n.kind === 'compliance.quota_reminder').map((n) => n.title)).toEqual([
      expect.stringMatching(/^Nhắc việc: mới đăng 1 trên \d tin \(NA-8\.2\)$/),
    ]);
    expect(mine.filter((n) => n.kind === 'compliance.deadline_reminder').map((n) => n.title)).toEqual([
      'Nhắc việc: văn bản phải đăng trước 24/11/2026 (NA-8.4)',
    ]);
  });

  it('national operators compare provinces on one period, each under its own rules', async () => {
    const platform = new Caller(api, null);
    const operator = (await readyAccount(ctx, platform, 'op.quocgia', null)).accessToken;
    const compared = await platform.send('GET', '/api/v1/operator/compliance/compare?period=week&date=2026-11-18', undefined, operator);
    expect(compared.status).toBe(200);
    const byCode = Object.fromEntries(compared.body.map((p: { code: string }) => [p.code, p]));
    expect(byCode['lao-cai']).toMatchObject({
      period: { start: '2026-11-16', end: '2026-11-23', label: 'Tuần 16/11–22/11/2026' },
      ruleVersions: [1],
    });
    expect(byCode['lao-cai'].totals.requiredDays).toBeGreaterThan(0);
    expect(byCode['nghe-an'].totals).toMatchObject({ quotaPeriods: expect.any(Number), requiredDays: 0 });
    expect(byCode['nghe-an'].totals.quotaPeriods).toBeGreaterThan(0);
    expect(
      (await platform.send('GET', '/api/v1/operator/compliance/compare?period=week&date=2026-11-18', undefined, token.lc)).status,
    ).toBe(401);
    expect((await platform.send('GET', '/api/v1/operator/compliance/compare?period=day&date=2026-11-18', undefined, operator)).status).toBe(
      422,
    );
  });

  it("never shows one province another's figures: royalties, snapshots, reports, volume statements", async () => {
    const month = todayIn('Asia/Ho_Chi_Minh').slice(0, 7);
    expect((await lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, token.lc)).body.total.items).toBeGreaterThan(0);
    // Nghệ An's rules pay no royalties: its statement is not found, and Lào Cai's entitlements are not in it.
    expect((await na.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, token.na)).body).toMatchObject({
      status: 404,
      code: 'COMPLIANCE_NO_ROYALTIES',
    });
    const naSnapshots = (await na.send('GET', '/api/v1/compliance/snapshots?period=week&from=2026-11-01', undefined, token.na)).body;
    expect(naSnapshots.some((s: { computedBy: string }) => s.computedBy === 'it.laocai')).toBe(false);
    const lcUnits = (
      await lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-05', undefined, token.lc)
    ).body.rows.map((r: { unitName: string }) => r.unitName);
    const naUnits = (
      await na.send('GET', '/api/v1/compliance/reports/implementation-report?date=2026-03-10', undefined, token.na)
    ).body.rows.map((r: { unitName: string }) => r.unitName);
    expect(lcUnits).toContain('Sở Y tế');
    expect(naUnits.some((name: string) => lcUnits.includes(name) && name.includes('Lào Cai'))).toBe(false);
    // A Lào Cai token sent to Nghệ An is refused outright.
    expect((await na.send('GET', '/api/v1/compliance/reports/implementation-report?date=2026-03-10', undefined, token.lc)).status).toBe(
      401,
    );
    // Volume statements (NA-10.1): Nghệ An's are not Lào Cai's to see or to correct.
    const naStatements = (await na.send('GET', '/api/v1/compliance/volume-statements?from=2026-07-01&to=2026-10-01', undefined, token.na))
      .body as { id: string }[];
    expect(naStatements.length).toBeGreaterThan(0);
    const lcStatements = (await lc.send('GET', '/api/v1/compliance/volume-statements?from=2026-07-01&to=2026-10-01', undefined, token.lc))
      .body as { id: string }[];
    expect(lcStatements.some((s) => naStatements.some((n) => n.id === s.id))).toBe(false);
    const smuggled = await lc.send(
      'POST',
      '/api/v1/compliance/volume-statements',
      { date: '2026-08-15', corrects: naStatements.at(-1)!.id, reason: 'Sửa hộ tỉnh khác' },
      token.lc,
    );
    expect([smuggled.status, smuggled.body.code]).toEqual([404, 'COMPLIANCE_NO_VOLUME_STATEMENT']);
  });

  it('keeps to the caller’s reach and province, and names bad parameters', async () => {
    const mine = await lc.send('GET', '/api/v1/compliance/progress?asOf=2026-11-20', undefined, token.gd);
    expect(mine.body.units.map((u: { unit: string }) => u.unit)).toEqual(['so-giao-duc-dao-tao']);
    expect((await lc.send('GET', '/api/v1/compliance/progress?unit=so-y-te', undefined, token.gd)).status).toBe(404);
    expect(
      (await lc.send('GET', '/api/v1/compliance/results?period=week&date=2026-11-18', undefined, token.gd)).body.schedules.every(
        (s: { unit: string }) => s.unit === 'so-giao-duc-dao-tao',
      ),
    ).toBe(true);
    // Another province's token does not reach Lào Cai's units.
    expect((await lc.send('GET', '/api/v1/compliance/progress', undefined, token.na)).status).toBe(401);
    expect((await lc.send('GET', '/api/v1/compliance/progress?unit=khong-co', undefined, token.lc)).status).toBe(404);
    const bad = await lc.send('GET', '/api/v1/compliance/results?period=fortnight&date=2026-02-30', undefined, token.lc);
    expect(bad.status).toBe(422);
    // Every problem at once: the period unknown and the day that does not exist.
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['period', 'date']);
    expect((await lc.send('GET', '/api/v1/compliance/results?period=week&date=2026-02-30', undefined, token.lc)).body.errors).toEqual([
      { field: 'date', message: '"2026-02-30" không phải là một ngày có thật.' },
    ]);
  });
});
