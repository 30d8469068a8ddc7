import { readFileSync } from 'node:fs';
import { sheetRows, TestContext } from '@cong/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { Browser } from 'playwright-core';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import {
  choose,
  expectAccessible,
  launchChromium,
  newOfficial,
  pickTime,
  requireConsoleBuild,
  screenshot,
  signIn,
} from './console-browser';

/** A day `days` from now as the province writes it (dd/mm/yyyy). */
const provinceDay = (days: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );

/**
 * Opinion polls (thăm dò ý kiến, NA-5.5) in a real browser (Debian's Chromium), against the real
 * API, PostgreSQL and Redis. Citizens vote as the portal's widget does, through the public API with
 * a solved proof of work, each from an address of its own; what the screen did is read back from
 * the API; axe (WCAG 2.1 AA) on each screen passed.
 */
describe('admin console in Chromium, opinion polls (NA-5.5)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let browser: Browser;
  let na: Caller;
  let origin: string;
  let board: string;
  let address = 0;

  /** A citizen's vote: a challenge solved and the vote sent from a new address (the public write limit is per address). */
  async function vote(pollId: string, options: string[]) {
    const from = { 'x-forwarded-for': `203.0.113.${++address}` };
    const challenge = await na.send('GET', '/api/v1/public/challenge?purpose=vote', undefined, undefined, from);
    expect(challenge.status).toBe(200);
    const solution = await solveChallenge({ challenge: challenge.body, deriveKey });
    const altcha = Buffer.from(JSON.stringify({ challenge: challenge.body, solution })).toString('base64');
    return na.send('POST', `/api/v1/public/polls/${pollId}/votes`, { options, altcha }, undefined, from);
  }

  beforeAll(async () => {
    requireConsoleBuild();
    // Each citizen's request says its address (x-forwarded-for), as a proxy would.
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    const ngheAnId = await ctx.applySeed('nghe-an');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    origin = `http://nghe-an.localhost:${new URL(api.baseUrl).port}`;
    const admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    board = await invitedAccount(na, admin, 'bbt.nghean', [{ role: 'editorial_board' }], { displayName: 'Hồ Thị Biên' });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await ctx?.close();
  });
  jest.setTimeout(240_000);

  it('NA-5.5: the editorial board creates a poll on the portal, a citizen votes, the board sees the results and downloads the XLSX, then ends it early', async () => {
    const question = 'Bạn đánh giá thế nào về dịch vụ công trực tuyến của tỉnh?';
    const closes = `${provinceDay(14)} 17:00`;

    // The board writes the poll: options added and reordered; a duplicate refused by the API under the options.
    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin, 'bbt.nghean', STRONG_PASSWORD);
    await page.getByRole('menuitem', { name: /Thăm dò ý kiến$/ }).click();
    await page.getByRole('heading', { name: 'Thăm dò ý kiến', level: 1 }).waitFor();
    await page.getByText('Chưa có cuộc thăm dò nào.').waitFor();
    await page.getByRole('button', { name: 'Tạo cuộc thăm dò' }).click();
    const form = page.getByRole('dialog', { name: 'Tạo cuộc thăm dò ý kiến' });
    await form
      .locator('.ant-select', { has: page.getByLabel('Trang', { exact: true }) })
      .getByText('Trang thông tin điện tử tỉnh Nghệ An')
      .waitFor();
    await form.getByLabel('Câu hỏi', { exact: true }).fill(question);
    await form.getByLabel('Giới thiệu (không bắt buộc)').fill('Ý kiến của người dân giúp tỉnh cải thiện cổng dịch vụ công.');
    await form.getByLabel('Phương án 1', { exact: true }).fill('Hài lòng');
    await form.getByLabel('Phương án 2', { exact: true }).fill('Rất hài lòng');
    await form.getByRole('button', { name: 'Thêm phương án' }).click();
    await form.getByLabel('Phương án 3', { exact: true }).fill('Chưa hài lòng');
    await form.getByRole('button', { name: 'Thêm phương án' }).click();
    await form.getByLabel('Phương án 4', { exact: true }).fill('hài lòng');
    await form.getByRole('button', { name: 'Đưa phương án 2 lên' }).click();
    expect(await form.getByLabel('Phương án 1', { exact: true }).inputValue()).toBe('Rất hài lòng');
    await pickTime(page, form.getByLabel(/^Kết thúc/), closes);
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/polls'));
    await form.getByRole('button', { name: 'Tạo cuộc thăm dò' }).click();
    expect((await refused).status()).toBe(422);
    await form
      .getByRole('group', { name: /Phương án/ })
      .getByText('Các phương án không được trùng nhau.')
      .waitFor();
    await expectAccessible(page, 'new poll, duplicate options refused by the API');
    await screenshot(page, 'tham-do-tao');
    await form.getByRole('button', { name: 'Bỏ phương án 4' }).click();
    await form.getByText('Các phương án không được trùng nhau.').waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: 'Tạo cuộc thăm dò' }).click();
    await page.getByText('Đã tạo cuộc thăm dò.').waitFor();

    const drawer = page.getByRole('dialog', { name: question, exact: true });
    await drawer.getByText('Đang mở', { exact: true }).waitFor();
    const created = (await na.send('GET', '/api/v1/polls?site=portal', undefined, board)).body.find(
      (p: { question: string }) => p.question === question,
    );
    expect(created).toMatchObject({
      site: 'portal',
      choice: 'single',
      phase: 'open',
      resultsShown: 'after_vote',
      closesAtText: `${closes} (GMT+7)`,
      options: [{ label: 'Rất hài lòng' }, { label: 'Hài lòng' }, { label: 'Chưa hài lòng' }],
    });
    expect(new URL(page.url()).searchParams.get('cuoc-tham-do')).toBe(created.id);
    await expectAccessible(page, 'the new poll, open, no votes yet');

    // Three citizens vote on the portal (after voting, each sees the results).
    const [veryGood, good] = created.options.map((o: { id: string }) => o.id);
    for (const chosen of [veryGood, good, veryGood]) {
      const voted = await vote(created.id, [chosen]);
      expect(voted.status).toBe(201);
    }

    // The board opens the poll from its address: each option's votes and share, the number of voters.
    await page.goto(`${origin}/admin/tham-do?cuoc-tham-do=${created.id}`);
    const results = page.getByRole('dialog', { name: question, exact: true });
    await results.getByText('Số người tham gia: 3').waitFor();
    const rows = results.getByRole('region', { name: 'Kết quả theo phương án' }).getByRole('row');
    const row = (label: string) => rows.filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    expect(await row('Rất hài lòng').getByRole('cell').allTextContents()).toEqual(['Rất hài lòng', '2', '66,7 %']);
    expect(await row('Hài lòng').getByRole('cell').allTextContents()).toEqual(['Hài lòng', '1', '33,3 %']);
    expect(await row('Chưa hài lòng').getByRole('cell').allTextContents()).toEqual(['Chưa hài lòng', '0', '0 %']);
    await expectAccessible(page, 'poll results');
    await screenshot(page, 'tham-do-ket-qua');

    // The XLSX holds the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Tải XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`ket-qua-tham-do-${created.id.slice(0, 8)}.xlsx`);
    const { rows: sheet } = await sheetRows(readFileSync((await download.path())!), 'Kết quả');
    expect(sheet).toEqual(
      expect.arrayContaining([
        ['STT', 'Phương án', 'Số lượt chọn', 'Tỷ lệ người tham gia (%)'],
        [1, 'Rất hài lòng', 2, 66.7],
        [2, 'Hài lòng', 1, 33.3],
        [3, 'Chưa hài lòng', 0, 0],
        ['Tổng số người tham gia: 3'],
      ]),
    );

    // The list: the poll with its phase and voters, filtered to the portal (kept in the address).
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    await results.getByRole('button', { name: 'Đóng' }).click();
    await results.waitFor({ state: 'hidden' });
    await choose(page, 'Trang', 'Trang thông tin điện tử tỉnh Nghệ An');
    expect(new URL(page.url()).searchParams.get('trang')).toBe('portal');
    const listed = page.getByRole('region', { name: 'Danh sách cuộc thăm dò' }).getByRole('row').filter({ hasText: question });
    expect(await listed.getByRole('cell').allTextContents()).toEqual([
      question,
      'Trang thông tin điện tử tỉnh Nghệ An',
      `Từ ${created.opensAtText}đến ${created.closesAtText}`,
      'Đang mở',
      '3',
    ]);
    await expectAccessible(page, 'poll list');
    await screenshot(page, 'tham-do');
    await page.context().close();

    // At 360 px: the board extends the poll, then ends it early; the portal then shows the results to all and takes no vote.
    const phone = await (await newOfficial(browser, 360)).newPage();
    await signIn(phone, origin, 'bbt.nghean', STRONG_PASSWORD, `/admin/tham-do?cuoc-tham-do=${created.id}`);
    const open = phone.getByRole('dialog', { name: question, exact: true });
    await open.getByText('Số người tham gia: 3').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The results fit the phone: no sideways scrolling to read a share.
    const figures = open.getByRole('region', { name: 'Kết quả theo phương án' });
    expect(await figures.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(
      await figures
        .getByRole('row')
        .filter({ has: phone.getByRole('cell', { name: 'Rất hài lòng', exact: true }) })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['Rất hài lòng', '2', '66,7 %']);
    await open.getByRole('button', { name: 'Gia hạn' }).click();
    const extend = phone.getByRole('dialog', { name: 'Gia hạn cuộc thăm dò' });
    const later = `${provinceDay(21)} 17:00`;
    await pickTime(phone, extend.getByLabel(/^Kết thúc mới/), later);
    await expectAccessible(phone, 'extend dialog (360 px)');
    await extend.getByRole('button', { name: 'Gia hạn' }).click();
    await phone.getByText(`Đã gia hạn tới ${later} (GMT+7).`).waitFor();
    await open.getByText(`${later} (GMT+7)`).waitFor();

    await open.getByRole('button', { name: 'Kết thúc ngay' }).click();
    const confirm = phone.getByRole('dialog', { name: 'Kết thúc cuộc thăm dò ngay?' });
    await expectAccessible(phone, 'end now, confirmation (360 px)');
    await confirm.getByRole('button', { name: 'Kết thúc ngay' }).click();
    await phone.getByText('Đã kết thúc cuộc thăm dò.').waitFor();
    await open.getByText('Đã kết thúc', { exact: true }).waitFor();
    expect(await open.getByRole('button', { name: /Kết thúc ngay|Gia hạn/ }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'the poll ended (360 px)');
    await screenshot(phone, 'tham-do-ket-thuc');

    const ended = (await na.send('GET', `/api/v1/polls/${created.id}`, undefined, board)).body;
    expect(ended.phase).toBe('closed');
    expect(new Date(ended.closesAt).getTime()).toBeLessThanOrEqual(Date.now());
    const publicly = await na.send('GET', `/api/v1/public/polls/${created.id}`);
    expect(publicly.body.results).toMatchObject({ voters: 3 });
    const late = await vote(created.id, [good]);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'CITIZENS_POLL_CLOSED' });
    await phone.context().close();
  });
});
