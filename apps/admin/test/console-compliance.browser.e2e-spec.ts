import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, todayIn } from '@cong/rules';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { STRONG_PASSWORD } from '../../api/test/auth-session';
import { postedAt } from '../../api/test/publishing';
import {
  choose,
  expectAccessible,
  launchChromium,
  newOfficial,
  pressUntil,
  requireConsoleBuild,
  screenshot,
  settled,
  signIn,
} from './console-browser';

const ZONE = 'Asia/Ho_Chi_Minh';
/** 0 Sunday … 6 Saturday, for a calendar date. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** "Tháng 11/2026", as officials and the console name a month. */
const monthName = (start: string) => `Tháng ${Number(start.slice(5, 7))}/${start.slice(0, 4)}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The first day of the month before the one holding `today`, and the day after its last. */
function lastMonth(today: string): { start: string; end: string } {
  const end = `${today.slice(0, 7)}-01`;
  return { start: `${addDays(end, -1).slice(0, 7)}-01`, end };
}

/** The quarter before the one holding `today`. */
function lastQuarter(today: string): { start: string; end: string; name: string } {
  const month = Number(today.slice(5, 7));
  const end = `${today.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const start = `${addDays(end, -1).slice(0, 4)}-${String(Math.floor((Number(addDays(end, -1).slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return { start, end, name: `Quý ${ROMAN[Math.floor((Number(start.slice(5, 7)) - 1) / 3)]}/${start.slice(0, 4)}` };
}

/** The rows of an XLSX sheet, as values (row 1 first). */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book
    .getWorksheet(name)!
    .getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).slice(1));
}

/** Clicks a download button and waits for the browser's file: its suggested name and where it was saved. */
async function downloaded(page: Page, button: string, dir: string): Promise<{ name: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

/**
 * The IT centre's compliance screens in a real browser (Debian's Chromium), against the real API,
 * PostgreSQL and Redis; axe (WCAG 2.1 AA) on each tab.
 */
describe('admin console in Chromium, compliance for the IT centre (issue 18)', () => {
  let seeded: SeededApi;
  let browser: Browser;
  let port: string;
  const today = todayIn(ZONE);
  const month = lastMonth(today);
  const quarter = lastQuarter(today);
  const files = mkdtempSync(join(tmpdir(), 'cong-compliance-downloads-'));

  beforeAll(async () => {
    requireConsoleBuild();
    seeded = await seededApi();
    port = new URL(seeded.api.baseUrl).port;
    browser = await launchChromium();
    // Last month in Lào Cai: Sở Y tế posted on every Monday and Wednesday but no Friday (LC-2.3a);
    // Sở Tài chính only on the first Monday.
    let firstMonday = true;
    for (let day = month.start; day < month.end; day = addDays(day, 1)) {
      if (weekday(day) === 1 || weekday(day) === 3)
        await postedAt(seeded.lc, seeded.ctx.db, seeded.laoCaiId, seeded.admin, 'so-y-te', `${day}T09:00`);
      if (weekday(day) === 1 && firstMonday) {
        await postedAt(seeded.lc, seeded.ctx.db, seeded.laoCaiId, seeded.admin, 'so-tai-chinh', `${day}T10:00`);
        firstMonday = false;
      }
    }
    // Last quarter in Nghệ An: Sở Tài chính's news and an announcement, counted for payment (NA-10.1).
    await postedAt(seeded.na, seeded.ctx.db, seeded.ngheAnId, seeded.naAdmin, 'so-tai-chinh', `${addDays(quarter.start, 5)}T09:00`);
    await postedAt(
      seeded.na,
      seeded.ctx.db,
      seeded.ngheAnId,
      seeded.naAdmin,
      'so-tai-chinh',
      `${addDays(quarter.start, 6)}T09:00`,
      'announcement',
    );
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });
  jest.setTimeout(180_000);

  it('LC-2.3a, LC-3.4: the Lào Cai IT centre reads last month’s results per unit, downloads the monthly compliance report as XLSX (its rows are the report’s) and CSV, and sees emulation scores and royalties (LC-3.1c)', async () => {
    const origin = `http://lao-cai.localhost:${port}`;
    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin, 'it.laocai', STRONG_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.getByRole('menuitem', { name: 'Tuân thủ' }).click();
    await page.getByRole('heading', { name: 'Tuân thủ', level: 1 }).waitFor();

    // Results of last month: Sở Y tế's Monday/Wednesday/Friday days as the API judged them.
    await choose(page, 'Kỳ', monthName(month.start));
    const results = (await seeded.lc.send('GET', `/api/v1/compliance/results?period=month&date=${month.start}`, undefined, seeded.admin))
      .body;
    const yte = results.schedules.filter((s: { unit: string; rule: string }) => s.unit === 'so-y-te' && s.rule === 'update-days');
    const required = yte.reduce((n: number, s: { requiredDays: string[] }) => n + s.requiredDays.length, 0);
    const missed = yte.reduce((n: number, s: { missedDays: string[] }) => n + s.missedDays.length, 0);
    expect(missed).toBeGreaterThan(0); // the Fridays
    expect(required).toBeGreaterThan(missed);
    const units = page.getByRole('region', { name: 'Kết quả theo đơn vị' });
    await units.getByRole('row', { name: /Sở Y tế/ }).waitFor();
    await page.getByRole('heading', { name: 'Đạt và không đạt theo từng tuần' }).waitFor();
    // Lào Cai's rules set no deadlines: no section for late documents.
    expect(await page.getByRole('heading', { name: 'Văn bản trễ hạn hoặc chưa đăng' }).count()).toBe(0);
    await expectAccessible(page, 'compliance results');
    // One unit: its Mondays and Wednesdays met, its Fridays missed, in the table and the day grid (LC-2.3a).
    await choose(page, 'Đơn vị', 'Sở Y tế');
    await units
      .getByRole('row', { name: /Sở Y tế/ })
      .getByText(`${required - missed}/${required} đạt`)
      .waitFor();
    expect(await units.getByRole('row').count()).toBe(2); // the headings and Sở Y tế
    await page.getByRole('heading', { name: 'Các ngày phải đăng (LC-2.3a)' }).waitFor();
    const days = page.getByRole('list', { name: 'Sở Y tế: các ngày phải đăng' });
    expect(await days.getByText('chưa đăng').count()).toBe(missed);
    expect(new URL(page.url()).searchParams.get('don-vi')).toBe('so-y-te');
    await expectAccessible(page, 'compliance results of one unit');
    await screenshot(page, 'tuan-thu');

    // The monthly report (LC-3.4) of last month, on screen and as files.
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await choose(page, 'Tên báo cáo', 'Báo cáo tình hình thực hiện chế độ cung cấp thông tin (LC-3.4)');
    await choose(page, 'Kỳ báo cáo', monthName(month.start));
    const report = (
      await seeded.lc.send('GET', `/api/v1/compliance/reports/monthly-compliance?period=month&date=${month.start}`, undefined, seeded.admin)
    ).body;
    await page.getByRole('heading', { name: report.title }).waitFor();
    const yteRow = report.rows.find((r: { unit: string }) => r.unit === 'so-y-te');
    expect(yteRow).toMatchObject({ requiredDays: required, missedDays: missed });
    await page
      .getByRole('region', { name: `${report.title}: ${report.period.label}` })
      .getByRole('row', { name: /Sở Y tế/ })
      .getByText(`${String(yteRow.rate).replace('.', ',')} %`, { exact: true })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('muc')).toBe('bao-cao');
    await expectAccessible(page, 'compliance report');

    const xlsx = await downloaded(page, 'Tải XLSX', files);
    expect(xlsx.name).toBe(`bao-cao-monthly-compliance-${month.start}.xlsx`);
    const rows = await sheetRows(xlsx.path, 'Báo cáo');
    expect(rows[0]).toEqual([report.title]);
    expect(rows).toContainEqual([
      `Kỳ báo cáo: ${report.period.label} (${month.start.slice(8)}/${month.start.slice(5, 7)}/${month.start.slice(0, 4)} – ${addDays(month.end, -1).slice(8)}/${addDays(month.end, -1).slice(5, 7)}/${addDays(month.end, -1).slice(0, 4)})`,
    ]);
    // One line per unit of the report, with its figures, and the totals last.
    const change = (r: { rate: number | null; previousRates: (number | null)[] }) => {
      const last = r.previousRates.at(-1);
      return r.rate !== null && last !== null && last !== undefined ? Math.round((r.rate - last) * 10) / 10 : null;
    };
    const expected = (name: string, code: string, r: typeof yteRow) => [
      name,
      code,
      r.quotaPeriodsMet,
      r.quotaPeriods,
      r.requiredDays,
      r.missedDays,
      r.rate,
      ...r.previousRates,
      change(r),
    ];
    const heading = rows.findIndex((r) => r[0] === 'Tên đơn vị');
    // An empty cell (a rate with nothing judged) reads as null, as the JSON says it.
    const lines = rows
      .slice(heading + 1, heading + 1 + report.rows.length + 1)
      .map((l) => Array.from({ length: rows[heading].length }, (_, i) => l[i] ?? null));
    expect(lines).toEqual([
      ...report.rows.map((r: typeof yteRow) => expected(r.unitName, r.unit, r)),
      expected('Tổng cộng', '', report.totals),
    ]);
    expect(lines.find((l) => l[1] === 'so-y-te')!.slice(4, 7)).toEqual([required, missed, yteRow.rate]);

    const csv = await downloaded(page, 'Tải CSV', files);
    expect(csv.name).toBe(`bao-cao-monthly-compliance-${month.start}.csv`);

    // Emulation scores (LC-3.4) of last month: Sở Y tế, bound by one weighted rule, scores its report rate.
    await page.getByRole('tab', { name: 'Điểm thi đua' }).click();
    await choose(page, 'Kỳ chấm điểm', monthName(month.start));
    const scores = page.getByRole('region', { name: `Điểm thi đua ${report.period.label}` });
    await scores
      .getByRole('row', { name: /Sở Y tế/ })
      .getByText(String(yteRow.rate).replace('.', ','), { exact: true })
      .waitFor();
    await expectAccessible(page, 'emulation scores');

    // Royalties (LC-3.1c): the month's statement, under the province's own decision.
    await page.getByRole('tab', { name: 'Nhuận bút' }).click();
    await page.getByText('Quyết định 07/2006/QĐ-UBND (LC-3.1c)').waitFor();
    await expectAccessible(page, 'royalty statement');

    // Lào Cai's rules ask for no certified volume statement (NA-10.1 is Nghệ An's): no such tab.
    expect(await page.getByRole('tab', { name: 'Khối lượng thông tin' }).count()).toBe(0);
    await page.context().close();
  });

  it('NA-10.1, NA-12.3: the Nghệ An IT centre certifies last quarter’s volume, corrects it only with a reason, and has no royalty or emulation tabs', async () => {
    const origin = `http://nghe-an.localhost:${port}`;
    const page = await (await newOfficial(browser, 360)).newPage();
    await signIn(page, origin, 'it.nghean', STRONG_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(`${origin}/admin/tuan-thu?muc=khoi-luong`);
    await page.getByRole('heading', { name: 'Tuân thủ', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Khối lượng thông tin', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'Báo cáo' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Nhuận bút' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Điểm thi đua' }).count()).toBe(0);

    await page.getByRole('heading', { name: new RegExp(`Số liệu hiện tại: ${quarter.name}`) }).waitFor();
    await page.getByText('Tổng cộng 2 tin bài').waitFor();
    await page.getByRole('button', { name: `Xác nhận khối lượng ${quarter.name}` }).click();
    await page.getByText(`Đã xác nhận khối lượng thông tin ${quarter.name}.`).waitFor();
    const certified = page.getByRole('region', { name: 'Bảng kê đã xác nhận' });
    await certified.getByText('Đang áp dụng').waitFor();
    await expectAccessible(page, 'volume statements (360 px)');
    // Nothing wider than the phone's screen: wide tables scroll in their own region.
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(360);

    // A correction needs a reason: refused in the form, then made with one.
    await postedAt(seeded.na, seeded.ctx.db, seeded.ngheAnId, seeded.naAdmin, 'so-tai-chinh', `${addDays(quarter.start, 20)}T09:00`);
    await certified.getByRole('button', { name: /^Điều chỉnh bảng kê/ }).click();
    const dialog = page.getByRole('dialog', { name: `Điều chỉnh bảng kê ${quarter.name}` });
    await pressUntil(
      page,
      dialog.getByRole('button', { name: 'Lập bảng kê điều chỉnh' }),
      dialog.getByText('Hãy ghi lý do điều chỉnh (ít nhất 3 ký tự).'),
    );
    await expectAccessible(page, 'volume correction dialog (360 px)');
    await dialog.getByLabel('Lý do điều chỉnh').fill('Bổ sung tin bị sót');
    await settled(page);
    await dialog.getByRole('button', { name: 'Lập bảng kê điều chỉnh' }).click();
    await page.getByText(`Đã lập bảng kê điều chỉnh ${quarter.name}.`).waitFor();
    await certified.getByText('Đã được điều chỉnh').waitFor();
    await certified.getByText(/Bổ sung tin bị sót/).waitFor();
    const listed = (
      await seeded.na.send('GET', `/api/v1/compliance/volume-statements?from=${quarter.start}&to=${quarter.end}`, undefined, seeded.naAdmin)
    ).body;
    expect(listed.map((s: { total: number; reason: string | null }) => [s.total, s.reason])).toEqual([
      [2, null],
      [3, 'Bổ sung tin bị sót'],
    ]);

    // The half-yearly and yearly report (NA-12.3) is Nghệ An's own.
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo tình hình thực hiện Quy định cung cấp thông tin (NA-12.3)' }).waitFor();
    await expectAccessible(page, 'Nghệ An report (360 px)');
    expect(await pageWidth()).toBeLessThanOrEqual(360);

    // NA-11: the yearly record for rewards and discipline assesses each unit by its rate.
    await page.goto(
      `${origin}/admin/tuan-thu?muc=bao-cao&bao-cao=rewards-record&loai-ky-bao-cao=year&ky-bao-cao=${todayIn(ZONE).slice(0, 4)}-01-01`,
    );
    await page.getByRole('heading', { name: 'Theo dõi kết quả cung cấp thông tin phục vụ khen thưởng, kỷ luật (NA-11)' }).waitFor();
    await page.getByText('từ 95 % trở lên đề nghị khen thưởng; dưới 70 % nhắc nhở, chấn chỉnh').waitFor();
    await page.getByRole('columnheader', { name: 'Đánh giá (khen thưởng, kỷ luật)' }).waitFor();
    // The lines are assessed (early in January nothing is judged yet: "Chưa có số liệu").
    const region = page.getByRole('region', { name: /Theo dõi kết quả cung cấp thông tin/ });
    let tags = 0;
    for (const label of ['Đề nghị khen thưởng', 'Hoàn thành', 'Nhắc nhở, chấn chỉnh', 'Chưa có số liệu'])
      tags += await region.getByRole('cell', { name: label, exact: true }).count();
    expect(tags).toBeGreaterThan(0);
    await expectAccessible(page, 'Nghệ An record for rewards and discipline (360 px)');
    await page.context().close();
  });
});
