import { ComplianceReports, ReportDeliveries } from '@cong/compliance';
import { ruleVariant, SAMPLE_FIELDS, sheetRows } from '@cong/testing';
import { addDays, todayIn } from '@cong/rules';
import { postedAt as postedOn } from './publishing';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/** Hà Nội time → the instant. */
const hcm = (local: string) => new Date(`${local}+07:00`);
const ZONE = 'Asia/Ho_Chi_Minh';

/** Reports and statements as officials read them (issue 13, points 11–14). */
describe('compliance reports and royalty statements for officials (LC-3.1c, LC-3.4, NA-12.3)', () => {
  let s: SeededApi;
  const today = todayIn(ZONE);
  const month = today.slice(0, 7);

  beforeAll(async () => {
    s = await seededApi();
  });

  afterAll(async () => {
    await s?.close();
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
  ) => postedOn(caller, s.ctx.db, tenantId, token, site, local, type, fields);

  /** A unit's editor (or head) publishes a sub-site item through the workflow, so the ledger records its royalty. */
  const publishedBy = async (caller: Caller, token: string, site: string, title: string) => {
    const item = await caller.send('POST', '/api/v1/content', { site, type: 'news', title }, token);
    if (item.status !== 201) throw new Error(item.text);
    const published = await caller.send(
      'POST',
      `/api/v1/content/${item.body.id}/transitions`,
      { action: 'publish', version: item.body.version },
      token,
    );
    if (published.status !== 200) throw new Error(published.text);
    return item.body.id as string;
  };

  it('LC-3.1c: the statement names the legal basis of the province’s own rules, and each line its genre, channel, share and unit value (a sub-site line at 20 %)', async () => {
    // Lào Cai from today: sub-site items earn 20 % of the points.
    await s.ctx.applyDefinition(await ruleVariant('lao-cai', (r) => (r.payments.royalties.shareByChannel = { portal: 1, subsite: 0.2 })), {
      actorLabel: 'test-rule-change',
    });
    const editor = await invitedAccount(s.lc, s.admin, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      displayName: 'Biên tập Sở Y tế',
    });
    const itemId = await publishedBy(s.lc, editor, 'so-y-te', 'Tiêm chủng mở rộng');

    const statement = await s.lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, s.admin);
    expect(statement.status).toBe(200);
    expect(statement.body.legalBasis).toEqual({ requirement: 'LC-3.1c', document: '07/2006/QĐ-UBND' });
    expect(statement.body.lines).toEqual([
      expect.objectContaining({
        itemId,
        title: 'Tiêm chủng mở rộng',
        publishedOn: today,
        author: 'bientap.yte',
        unitName: 'Sở Y tế',
        genre: 'tin',
        genreName: 'Tin',
        channel: 'subsite',
        points: 1,
        unitValue: 234000,
        share: 0.2,
        amount: 46800,
      }),
    ]);

    const xlsx = await s.lc.send('GET', `/api/v1/compliance/royalties?month=${month}&format=xlsx`, undefined, s.admin);
    const { rows, sheet } = await sheetRows(xlsx.raw, 'Nhuận bút');
    expect(rows[0]).toEqual([`Bảng kê nhuận bút tháng ${month.slice(5)}/${month.slice(0, 4)}`]);
    expect(rows).toContainEqual(['Căn cứ: Quyết định 07/2006/QĐ-UBND (LC-3.1c)']);
    expect(rows.find((r) => r[0] === 'Tác giả')).toEqual([
      'Tác giả',
      'Tài khoản',
      'Tên đơn vị',
      'Mã đơn vị',
      'Tin bài',
      'Ngày đăng',
      'Thể loại',
      'Kênh đăng',
      'Số điểm',
      'Giá trị 1 điểm (đ)',
      'Tỷ lệ hưởng (%)',
      'Thành tiền (đ)',
    ]);
    const line = rows.find((r) => r[1] === 'bientap.yte')!;
    expect(line).toEqual([
      'Biên tập Sở Y tế',
      'bientap.yte',
      'Sở Y tế',
      'so-y-te',
      'Tiêm chủng mở rộng',
      `${today.slice(8)}/${today.slice(5, 7)}/${today.slice(0, 4)}`,
      'Tin',
      'Chuyên trang',
      1,
      234000,
      20,
      46800,
    ]);
    // Money stays a number, shown with thousands separators.
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === 'bientap.yte')!;
    expect([row.getCell(10).numFmt, row.getCell(12).numFmt]).toEqual(['#,##0', '#,##0']);
    const csv = (await s.lc.send('GET', `/api/v1/compliance/royalties?month=${month}&format=csv`, undefined, s.admin)).raw.toString('utf8');
    expect(csv).toContain('Chuyên trang,1,234.000,20,46.800');

    // Nghệ An pays royalties under its own decision once its rules say so; its statement is its own.
    await s.ctx.applyDefinition(
      await ruleVariant(
        'nghe-an',
        (r) =>
          (r.payments.royalties = {
            requirement: 'NA-10.1',
            shareByChannel: { subsite: 0.5 },
            genres: [{ id: 'tin', name: 'Tin', points: 1 }],
            unitValue: [{ from: '2024-07-01', amount: 234000 }],
          }),
      ),
      { actorLabel: 'test-rule-change' },
    );
    const head = await invitedAccount(s.na, s.naAdmin, 'truong.taichinh', [{ role: 'unit_head', unit: 'so-tai-chinh' }]);
    const naItem = await publishedBy(s.na, head, 'so-tai-chinh', 'Quyết toán ngân sách');
    const na = await s.na.send('GET', `/api/v1/compliance/royalties?month=${month}&format=xlsx`, undefined, s.naAdmin);
    const naRows = (await sheetRows(na.raw, 'Nhuận bút')).rows;
    expect(naRows).toContainEqual(['Căn cứ: Quyết định 108/2006/QĐ-UBND (NA-10.1)']);
    expect(naRows.flat().some((v) => typeof v === 'string' && v.includes('LC-3.1c'))).toBe(false);
    const naJson = (await s.na.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, s.naAdmin)).body;
    expect(naJson.lines.map((l: { itemId: string; amount: number }) => [l.itemId, l.amount])).toEqual([[naItem, 117000]]);
    // Neither province sees the other's lines.
    const lcJson = (await s.lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, s.admin)).body;
    expect(lcJson.lines.map((l: { itemId: string }) => l.itemId)).toEqual([itemId]);
  });
  describe('a province whose rules are in force from 15/01/2026 (NA-12.3 quarterly, half-yearly and yearly)', () => {
    let tenantId: string;
    let tn: Caller;
    let admin: string;

    beforeAll(async () => {
      const definition = await ruleVariant('nghe-an', (r) => {
        Object.assign(r, { code: 'thu-nghiem', name: 'Tỉnh Thử Nghiệm', effectiveFrom: '2026-01-15' });
        r.portal.domains = ['thunghiem.example.vn'];
        r.legalBasis = { document: '01/2026/QĐ-UBND', signedOn: '2026-01-05', inForceAfterDays: 10 };
        // Reported every month too, and due within 90 days: the month just ended is always due today.
        Object.assign(r.reports[0], { periods: ['quarter', 'half-year', 'year', 'month'], dueWithinDays: 90 });
        r.deadlines.push({
          id: 'answers-to-citizens',
          requirement: 'NA-5.6',
          contentType: 'faq',
          startsFrom: 'askedOn',
          within: 5,
          dayKind: 'working',
        });
      });
      tenantId = (await s.ctx.applyDefinition(definition, { actorLabel: 'test-fixture' })).tenantId!;
      tn = new Caller(s.api, 'thu-nghiem');
      admin = (await readyAccount(s.ctx, tn, 'it.thunghiem', tenantId)).accessToken;
      // The finance department posts twice every week from the first full week under the rules (19/01) to the end of Q1.
      for (let week = '2026-01-19'; week < '2026-04-01'; week = addDays(week, 7)) {
        await postedAt(tn, tenantId, admin, 'so-tai-chinh', `${week}T09:00`);
        await postedAt(tn, tenantId, admin, 'so-tai-chinh', `${addDays(week, 2)}T09:00`);
      }
      // The justice department: an answer to a citizen on time, a legal document two days late.
      await postedAt(tn, tenantId, admin, 'so-tu-phap', '2026-02-04T09:00', 'faq', { ...SAMPLE_FIELDS.faq, askedOn: '2026-02-02' });
      await postedAt(tn, tenantId, admin, 'so-tu-phap', '2026-02-12T09:00', 'legal_document', {
        ...SAMPLE_FIELDS.legal_document,
        effectiveFrom: '2026-02-10',
        issuedOn: '2026-02-01',
      });
    });

    it('LC-3.4/NA-12.3: the XLSX and CSV read as officials write: dd/mm/yyyy, inclusive periods, unit names first, answers to citizens apart from documents, "Nơi nhận" and the date of issue', async () => {
      const json = (
        await tn.send('GET', '/api/v1/compliance/reports/implementation-report?period=quarter&date=2026-02-01', undefined, admin)
      ).body;
      const tuPhap = json.rows.find((r: { unit: string }) => r.unit === 'so-tu-phap');
      expect(tuPhap.deadlines).toEqual({ legal_document: { onTime: 0, lateOrMissing: 1 }, faq: { onTime: 1, lateOrMissing: 0 } });
      expect(json).toMatchObject({
        recipients: ['UBND tỉnh Nghệ An (qua Sở Bưu chính - Viễn thông)'],
        issuedOn: today,
        dueOn: '2026-06-29',
        legalBasis: { requirement: 'NA-12.3', document: '01/2026/QĐ-UBND' },
      });

      const xlsx = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=quarter&date=2026-02-01&format=xlsx',
        undefined,
        admin,
      );
      const { rows } = await sheetRows(xlsx.raw, 'Báo cáo');
      expect(rows.slice(0, 4)).toEqual([
        ['Báo cáo tình hình thực hiện Quy định cung cấp thông tin (NA-12.3)'],
        ['Tỉnh Thử Nghiệm'],
        ['Căn cứ: Quyết định 01/2026/QĐ-UBND (NA-12.3)'],
        ['Kỳ báo cáo: Quý I/2026 (01/01/2026 – 31/03/2026)'],
      ]);
      const headings = rows.find((r) => r[0] === 'Tên đơn vị')!;
      expect(headings.slice(0, 10)).toEqual([
        'Tên đơn vị',
        'Mã đơn vị',
        'Kỳ định mức đạt',
        'Tổng số kỳ định mức',
        'Số ngày bắt buộc',
        'Số ngày không đăng',
        'Văn bản đúng hạn',
        'Văn bản trễ hoặc chưa đăng',
        'Câu trả lời công dân đúng hạn',
        'Câu trả lời công dân trễ hoặc chưa đăng',
      ]);
      expect(rows.find((r) => r[1] === 'so-tu-phap')!.slice(0, 10)).toEqual([
        'Sở Tư pháp',
        'so-tu-phap',
        0,
        tuPhap.quotaPeriods,
        0,
        0,
        0,
        1,
        1,
        0,
      ]);
      const issued = `Ngày lập: ${today.slice(8)}/${today.slice(5, 7)}/${today.slice(0, 4)} (hạn gửi: 29/06/2026)`;
      expect(rows.slice(-3)).toEqual([[issued], ['Nơi nhận:'], ['- UBND tỉnh Nghệ An (qua Sở Bưu chính - Viễn thông);']]);

      const csv = (
        await tn.send('GET', '/api/v1/compliance/reports/implementation-report?period=quarter&date=2026-02-01&format=csv', undefined, admin)
      ).raw.toString('utf8');
      expect(csv).toContain('Kỳ báo cáo: Quý I/2026 (01/01/2026 – 31/03/2026)');
      expect(csv).toContain(`Sở Tư pháp,so-tu-phap,0,${tuPhap.quotaPeriods},0,0,0,1,1,0,`);
      expect(csv).toContain('Nơi nhận:');
      expect(csv).not.toMatch(/2026-04-01/);
      // Lào Cai (which has a Sở Tư pháp too, and no deadlines) counts none of this province's documents.
      const lc = (await s.lc.send('GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-02-01', undefined, s.admin)).body;
      expect(lc.rows.find((r: { unit: string }) => r.unit === 'so-tu-phap')).toMatchObject({ onTime: 0, lateOrMissing: 0, deadlines: {} });
    });

    it('NA-12.3: the first, partial quarter and year are reported from the day the rules took effect, and say so', async () => {
      const quarter = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=quarter&date=2026-01-05',
        undefined,
        admin,
      );
      expect(quarter.status).toBe(200);
      expect(quarter.body).toMatchObject({
        period: { start: '2026-01-01', end: '2026-04-01', label: 'Quý I/2026' },
        judged: { start: '2026-01-15', end: '2026-04-01', partial: true },
        provisional: false,
        previousPeriods: [],
      });
      // Weeks from the first that began under the rules (19/01) to the last that began in March (30/03): 11.
      expect(quarter.body.rows.find((r: { unit: string }) => r.unit === 'so-tai-chinh')).toMatchObject({
        quotaPeriods: 11,
        quotaPeriodsMet: 11,
        rate: 100,
      });
      const xlsx = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=quarter&date=2026-01-05&format=xlsx',
        undefined,
        admin,
      );
      expect((await sheetRows(xlsx.raw, 'Báo cáo')).rows).toContainEqual([
        'Ghi chú: quy định có hiệu lực từ ngày 15/01/2026; số liệu chỉ tính từ ngày đó.',
      ]);
      // The same period's results, and its snapshot, agree.
      const results = await tn.send('GET', '/api/v1/compliance/results?period=quarter&date=2026-01-05', undefined, admin);
      expect(results.status).toBe(200);
      expect(results.body.quotas.filter((q: { unit: string }) => q.unit === 'so-tai-chinh')).toHaveLength(11);
      const closed = await tn.send('POST', '/api/v1/compliance/snapshots', { period: 'quarter', date: '2026-01-05' }, admin);
      expect([closed.status, closed.body.periodStart]).toEqual([200, '2026-01-01']);

      const year = await tn.send('GET', '/api/v1/compliance/reports/implementation-report?period=year&date=2026-01-05', undefined, admin);
      expect(year.body).toMatchObject({ judged: { start: '2026-01-15', partial: true } });
      // Before any rules: nothing to report.
      const before = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=quarter&date=2025-12-31',
        undefined,
        admin,
      );
      expect([before.status, before.body.code, before.headers['content-type']]).toEqual([
        404,
        'COMPLIANCE_NO_RULES',
        expect.stringContaining('application/problem+json'),
      ]);
      expect(before.body.detail).toBe('Chưa có quy định nào có hiệu lực trong kỳ này.');
    });

    it('NA-12.3: a provisional yearly report judges only what has happened: in April a unit that met every week of Q1 is at 100 %, up to 09/04/2026', async () => {
      const reports = s.api.app.get(ComplianceReports);
      const april = await reports.build(tenantId, 'implementation-report', 'year', '2026-04-10', hcm('2026-04-10T10:00'));
      expect(april).toMatchObject({
        provisional: true,
        asOf: '2026-04-09',
        judged: { start: '2026-01-15', end: '2026-04-10', partial: true },
      });
      const taiChinh = april.rows.find((r) => r.unit === 'so-tai-chinh')!;
      expect([taiChinh.quotaPeriods, taiChinh.quotaPeriodsMet, taiChinh.rate]).toEqual([11, 11, 100]);

      // Over HTTP today: the weeks ended by today are judged, no week still running or to come.
      const now = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=year&date=2026-06-01&format=json',
        undefined,
        admin,
      );
      const asOf = addDays(today, -1);
      expect(now.body).toMatchObject({ provisional: today < '2027-01-01', asOf: today < '2027-01-01' ? asOf : null });
      let ended = 0;
      for (let week = '2026-01-19'; addDays(week, 7) <= (today < '2027-01-01' ? today : '2027-01-01'); week = addDays(week, 7)) ended++;
      expect(now.body.rows.find((r: { unit: string }) => r.unit === 'so-tai-chinh')).toMatchObject({
        quotaPeriods: ended,
        quotaPeriodsMet: 11,
      });
      // The results of the running year judge the same: no quota period still running or to come.
      const results = await tn.send('GET', '/api/v1/compliance/results?period=year&date=2026-06-01', undefined, admin);
      const quotas = results.body.quotas.filter((q: { unit: string }) => q.unit === 'so-tai-chinh') as {
        period: { end: string };
        met: boolean;
      }[];
      expect(quotas.length).toBeGreaterThan(0);
      expect(quotas.filter((q) => q.period.end > today)).toEqual([]);
      // National operators compare the province on the same figures.
      const platform = new Caller(s.api, null);
      const operator = (await readyAccount(s.ctx, platform, 'op.quocgia', null)).accessToken;
      const compared = (await platform.send('GET', '/api/v1/operator/compliance/compare?period=year&date=2026-01-05', undefined, operator))
        .body as { code: string; judgedFrom: string; asOf: string | null; totals: { quotaPeriods: number; quotaPeriodsMet: number } }[];
      const mine = compared.find((p) => p.code === 'thu-nghiem')!;
      expect(mine).toMatchObject({ judgedFrom: '2026-01-15', asOf: now.body.asOf });
      expect(mine.totals).toMatchObject({ quotaPeriods: now.body.totals.quotaPeriods, quotaPeriodsMet: now.body.totals.quotaPeriodsMet });
      const xlsx = await tn.send(
        'GET',
        '/api/v1/compliance/reports/implementation-report?period=year&date=2026-06-01&format=xlsx',
        undefined,
        admin,
      );
      expect((await sheetRows(xlsx.raw, 'Báo cáo')).rows).toContainEqual([
        `Ghi chú: quy định có hiệu lực từ ngày 15/01/2026; số liệu chỉ tính từ ngày đó; số liệu tạm tính đến hết ngày ${asOf.slice(8)}/${asOf.slice(5, 7)}/${asOf.slice(0, 4)}, kỳ chưa kết thúc.`,
      ]);
    });
    it('NA-11: the yearly record for rewards and discipline assesses each unit by its rate (from 95 % commended, under 70 % reminded), and its file says by which thresholds', async () => {
      const reports = s.api.app.get(ComplianceReports);
      const april = await reports.build(tenantId, 'rewards-record', 'year', '2026-04-10', hcm('2026-04-10T10:00'));
      expect(april.title).toBe('Theo dõi kết quả cung cấp thông tin phục vụ khen thưởng, kỷ luật (NA-11)');
      expect(april.assessment).toEqual({ commendFrom: 95, remindBelow: 70 });
      const taiChinh = april.rows.find((r) => r.unit === 'so-tai-chinh')!;
      expect([taiChinh.rate, taiChinh.assessment]).toEqual([100, 'commend']);
      // Units that posted nothing met no week: reminded. Every line is assessed by its own rate.
      expect(april.rows.filter((r) => r.assessment === 'remind').length).toBeGreaterThan(0);
      for (const r of april.rows)
        expect([r.unit, r.assessment]).toEqual([
          r.unit,
          r.rate === null ? 'not_judged' : r.rate >= 95 ? 'commend' : r.rate < 70 ? 'remind' : 'complete',
        ]);
      // The implementation report (NA-12.3) assesses no one.
      expect((await reports.build(tenantId, 'implementation-report', 'year', '2026-04-10', hcm('2026-04-10T10:00'))).assessment).toBeNull();

      const xlsx = await tn.send(
        'GET',
        '/api/v1/compliance/reports/rewards-record?period=year&date=2026-04-01&format=xlsx',
        undefined,
        admin,
      );
      expect(xlsx.status).toBe(200);
      const { rows } = await sheetRows(xlsx.raw, 'Báo cáo');
      expect(rows).toContainEqual(['Đánh giá: tỷ lệ thực hiện từ 95 % trở lên đề nghị khen thưởng; dưới 70 % nhắc nhở, chấn chỉnh.']);
      const headings = rows.find((r) => r[0] === 'Tên đơn vị')!;
      expect(headings.at(-1)).toBe('Đánh giá (khen thưởng, kỷ luật)');
      // Over HTTP today the year runs on (the weeks since April judged too): the file says what the JSON says, line by line.
      const json = await tn.send('GET', '/api/v1/compliance/reports/rewards-record?period=year&date=2026-04-01', undefined, admin);
      const labels = {
        commend: 'Đề nghị khen thưởng',
        complete: 'Hoàn thành',
        remind: 'Nhắc nhở, chấn chỉnh',
        not_judged: 'Chưa có số liệu',
      };
      const byName = new Map(rows.map((r) => [r[0], r.at(-1)]));
      for (const r of json.body.rows as { unitName: string; assessment: keyof typeof labels }[])
        expect([r.unitName, byName.get(r.unitName)]).toEqual([r.unitName, labels[r.assessment]]);
    });

    it('NA-12.3: a report is due from the end of its period until dueWithinDays after, then late; delivered once to the IT centre and the recipient unit’s head; each province sees its own', async () => {
      const head = await invitedAccount(tn, admin, 'truong.bcvt', [{ role: 'unit_head', unit: 'so-buu-chinh-vien-thong' }]);
      const editor = await invitedAccount(tn, admin, 'bientap.bcvt', [{ role: 'unit_editor', unit: 'so-buu-chinh-vien-thong' }]);
      const thisMonth = `${month}-01`;
      const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`;
      const label = `Tháng ${Number(lastMonth.slice(5, 7))}/${lastMonth.slice(0, 4)}`;
      const dueOn = addDays(thisMonth, 89);
      const ofLastMonth = (body: { reports: { period: { kind: string; start: string } }[] }) =>
        body.reports.find((r) => r.period.kind === 'month' && r.period.start === lastMonth);

      const listed = await tn.send('GET', '/api/v1/compliance/reports', undefined, admin);
      expect(listed.status).toBe(200);
      expect(listed.body.asOf).toBe(today);
      expect(ofLastMonth(listed.body)).toEqual({
        report: 'implementation-report',
        name: 'Báo cáo tình hình thực hiện Quy định cung cấp thông tin',
        requirement: 'NA-12.3',
        period: { kind: 'month', start: lastMonth, end: thisMonth, label },
        dueOn,
        status: 'due',
        daysLate: 0,
        recipients: ['UBND tỉnh Nghệ An (qua Sở Bưu chính - Viễn thông)'],
        deliveredAt: null,
      });
      // Three days after it was due, undelivered, it is late.
      const later = await tn.send('GET', `/api/v1/compliance/reports?asOf=${addDays(dueOn, 3)}`, undefined, admin);
      expect(ofLastMonth(later.body)).toMatchObject({ status: 'late', daysLate: 3 });

      const deliveries = s.api.app.get(ReportDeliveries);
      const delivered = await deliveries.deliverDue(tenantId);
      expect(delivered.map((d) => `${d.periodKind} ${d.periodStart}`)).toContain(`month ${lastMonth}`);
      expect(delivered.find((d) => d.periodKind === 'month' && d.periodStart === lastMonth)).toMatchObject({
        dueOn,
        recipients: ['UBND tỉnh Nghệ An (qua Sở Bưu chính - Viễn thông)'],
        notified: 2,
      });
      expect(await deliveries.deliverDue(tenantId)).toEqual([]); // once

      const inbox = async (token: string) =>
        (
          (await tn.send('GET', '/api/v1/notifications', undefined, token)).body.items as { kind: string; title: string; body: string }[]
        ).filter((n) => n.kind === 'compliance.report_delivered');
      const note = (await inbox(head)).find((n) => n.title.endsWith(`: ${label}`))!;
      expect(note.title).toBe(`Báo cáo tình hình thực hiện Quy định cung cấp thông tin (NA-12.3): ${label}`);
      expect(note.body).toContain('Nơi nhận: UBND tỉnh Nghệ An (qua Sở Bưu chính - Viễn thông).');
      expect(note.body).toContain(`Hạn gửi: ${dueOn.slice(8)}/${dueOn.slice(5, 7)}/${dueOn.slice(0, 4)}.`);
      expect(note.body).toContain(`/api/v1/compliance/reports/implementation-report?period=month&date=${lastMonth}&format=xlsx`);
      expect((await inbox(admin)).map((n) => n.title)).toEqual((await inbox(head)).map((n) => n.title));
      expect(await inbox(editor)).toEqual([]);

      // Delivered: no longer outstanding; listed as delivered, on time.
      expect(ofLastMonth((await tn.send('GET', '/api/v1/compliance/reports', undefined, admin)).body)).toBeUndefined();
      expect(ofLastMonth((await tn.send('GET', '/api/v1/compliance/reports?status=delivered', undefined, admin)).body)).toMatchObject({
        status: 'delivered',
        daysLate: 0,
        deliveredAt: expect.any(String),
      });

      // Bad input, guards, other provinces.
      const bad = await tn.send('GET', '/api/v1/compliance/reports?asOf=2026-02-30', undefined, admin);
      expect([bad.status, bad.body.errors]).toEqual([422, [{ field: 'asOf', message: '"2026-02-30" không phải là một ngày có thật.' }]]);
      expect(
        (await tn.send('GET', '/api/v1/compliance/reports?status=soon', undefined, admin)).body.errors.map(
          (e: { field: string }) => e.field,
        ),
      ).toEqual(['status']);
      expect((await tn.send('GET', '/api/v1/compliance/reports', undefined, editor)).status).toBe(403);
      expect((await tn.send('GET', '/api/v1/compliance/reports', undefined, s.admin)).status).toBe(401); // a Lào Cai token
      const lcAll = (await s.lc.send('GET', '/api/v1/compliance/reports?status=all', undefined, s.admin)).body.reports as {
        report: string;
      }[];
      expect(lcAll.every((r) => r.report === 'monthly-compliance')).toBe(true);
      // Row-level security: under Lào Cai, none of this province's deliveries exist.
      const visible = await s.ctx.db.transaction(s.laoCaiId, (m) => m.query(`SELECT count(*)::int AS n FROM compliance_report_delivery`));
      expect(visible).toEqual([{ n: 0 }]);

      // The route and its response in the OpenAPI document.
      const doc = (await s.api.request('/docs/openapi.json')).body;
      expect(doc.paths['/api/v1/compliance/reports'].get.responses['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ReportsDueResponse',
      });
      expect(doc.components.schemas.ReportDueResponse.properties.status.enum).toEqual(['due', 'late', 'delivered']);
    });
  });
});
