import { readFileSync } from 'node:fs';
import { sheetRows, TestContext, until } from '@cong/testing';
import { Browser, Locator, Page } from 'playwright-core';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { solvedChallenge } from '../../api/test/citizen-writes';
import { publishThrough } from '../../api/test/publishing';
import { choose, expectAccessible, launchChromium, newOfficial, requireConsoleBuild, screenshot, settled, signIn } from './console-browser';

const ZONE = 'Asia/Ho_Chi_Minh';
const at = (days: number) => new Date(Date.now() + days * 24 * 3600_000);
/** A day `days` from now as the province writes it (dd/mm/yyyy) and as the API does (YYYY-MM-DD). */
const provinceDay = (days: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at(days));
const isoDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at(days));

/**
 * Consultations on draft documents (góp ý dự thảo văn bản, LC-1.1) in a real browser (Debian's
 * Chromium), against the real API, PostgreSQL and Redis. Citizens comment as the portal's form
 * does, through the public API with a solved proof of work, each from an address of its own; what
 * the screen did is read back from the API; axe (WCAG 2.1 AA) on each screen passed.
 */
describe('admin console in Chromium, consultations on draft documents (LC-1.1)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let browser: Browser;
  let na: Caller;
  let origin: string;
  let head: string;
  let draftItem: string;
  let address = 0;

  /** A citizen's comment: a challenge solved and the comment sent from a new address (the public write limit is per address). */
  async function comment(id: string, body: Record<string, unknown>) {
    const from = { 'x-forwarded-for': `203.0.113.${++address}` };
    const altcha = await solvedChallenge(na, 'comment', from);
    return na.send('POST', `/api/v1/public/consultations/${id}/comments`, { consent: true, altcha, ...body }, undefined, from);
  }

  /** Types a day into an antd date picker, then picks it in the calendar the typing turned to, as a person would. */
  async function pickDay(page: Page, field: Locator, text: string) {
    await settled(page);
    await field.click();
    await field.fill(text);
    const [d, m, y] = text.split('/');
    const dropdown = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await dropdown.locator(`td[title="${y}-${m}-${d}"]`).click();
    await dropdown.waitFor({ state: 'hidden' });
    await until(async () => (await field.inputValue()) === text, 5_000, `${text} in the field`);
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
    head = await invitedAccount(na, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }], { displayName: 'Lê Văn Pháp' });
    // The draft is carried by an announcement Sở Tư pháp published on its sub-site.
    const item = await na.send(
      'POST',
      '/api/v1/content',
      {
        site: 'so-tu-phap',
        type: 'announcement',
        title: 'Lấy ý kiến dự thảo Quy chế cung cấp thông tin trên cổng thông tin điện tử tỉnh',
        body: '<p>Toàn văn dự thảo đính kèm.</p>',
        fields: {},
      },
      head,
    );
    expect(item.status).toBe(201);
    draftItem = item.body.id;
    await publishThrough(na, [head], draftItem);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await ctx?.close();
  });
  jest.setTimeout(240_000);

  it('LC-1.1: a department head opens its draft for comments, a citizen comments on an article, the head publishes one comment and keeps another off with a reason, and downloads the summary (XLSX read back with sheetRows)', async () => {
    const title = 'Dự thảo Quyết định ban hành Quy chế cung cấp thông tin trên cổng thông tin điện tử tỉnh';
    const closes = provinceDay(30);

    // The head picks the published announcement, writes the draft's articles (one moved up) and its last day.
    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin, 'truong.tuphap', STRONG_PASSWORD);
    await page.getByRole('menuitem', { name: /Góp ý dự thảo$/ }).click();
    await page.getByRole('heading', { name: 'Góp ý dự thảo văn bản', level: 1 }).waitFor();
    await page.getByText('Chưa có dự thảo lấy ý kiến nào.').waitFor();
    await page.getByRole('button', { name: 'Lấy ý kiến dự thảo' }).click();
    const form = page.getByRole('dialog', { name: 'Lấy ý kiến dự thảo văn bản' });
    const searched: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v1/content' && url.searchParams.get('q') === 'quy che cung cap') searched.push(url);
    });
    const search = form.getByLabel('Tìm tin bài đã đăng');
    // A busy machine may take the Enter before the words (or before the site is known): pressed again until the search is asked.
    for (let attempt = 1; searched.length === 0 && attempt <= 3; attempt++) {
      await search.fill('quy che cung cap');
      await search.press('Enter');
      await page
        .waitForRequest((r) => new URL(r.url()).searchParams.get('q') === 'quy che cung cap', { timeout: 10_000 })
        .catch(() => undefined);
    }
    expect(searched.map((u) => u.searchParams.get('status'))).toContain('published');
    const offered = form.getByRole('radio', { name: /Lấy ý kiến dự thảo Quy chế cung cấp thông tin/ });
    await offered.check();
    // The item's title is offered as the draft's; the head writes the draft's own.
    expect(await form.getByLabel('Tên dự thảo').inputValue()).toBe(
      'Lấy ý kiến dự thảo Quy chế cung cấp thông tin trên cổng thông tin điện tử tỉnh',
    );
    await form.getByLabel('Tên dự thảo').fill(title);
    await form.getByLabel('Tóm tắt (không bắt buộc)').fill('Quy định việc cung cấp thông tin của các cơ quan trên cổng của tỉnh.');
    for (const article of ['Điều 2. Đối tượng áp dụng', 'Điều 1. Phạm vi điều chỉnh', 'Điều 3. Thời hạn cung cấp thông tin']) {
      await form.getByRole('button', { name: 'Thêm điều khoản' }).click();
      const n = await form.getByLabel(/^Điều khoản \d+$/).count();
      await form.getByLabel(`Điều khoản ${n}`, { exact: true }).fill(article);
    }
    await form.getByRole('button', { name: 'Đưa điều khoản 2 lên' }).click();
    expect(await form.getByLabel('Điều khoản 1', { exact: true }).inputValue()).toBe('Điều 1. Phạm vi điều chỉnh');
    expect(await form.getByLabel('Ngày bắt đầu').inputValue()).toBe(provinceDay(0));
    await pickDay(page, form.getByLabel(/^Ngày kết thúc/), closes);
    await expectAccessible(page, 'new consultation, filled in');
    await screenshot(page, 'gop-y-du-thao-tao');
    await form.getByRole('button', { name: 'Mở lấy ý kiến' }).click();
    await page.getByText('Đã mở lấy ý kiến dự thảo.').waitFor();

    const drawer = page.getByRole('dialog', { name: title, exact: true });
    await drawer.getByText('Đang lấy ý kiến', { exact: true }).waitFor();
    const [created] = (await na.send('GET', '/api/v1/consultations?site=so-tu-phap', undefined, head)).body;
    expect(created).toMatchObject({
      title,
      site: 'so-tu-phap',
      unit: { code: 'so-tu-phap', name: 'Sở Tư pháp' },
      document: { title: 'Lấy ý kiến dự thảo Quy chế cung cấp thông tin trên cổng thông tin điện tử tỉnh' },
      articles: ['Điều 1. Phạm vi điều chỉnh', 'Điều 2. Đối tượng áp dụng', 'Điều 3. Thời hạn cung cấp thông tin'],
      opensOn: isoDay(0),
      closesOn: isoDay(30),
      phase: 'open',
      commentCount: 0,
    });
    expect(new URL(page.url()).searchParams.get('du-thao')).toBe(created.id);
    await drawer.getByText('Không có ý kiến nào chờ duyệt.').waitFor();
    await expectAccessible(page, 'the new consultation, open, no comments yet');

    // Citizens comment on the portal: an association on Điều 3, a person on the draft as a whole.
    const onArticle = await comment(created.id, {
      article: 2,
      name: 'Nguyễn Thị Hoa',
      organisation: 'Hội Luật gia tỉnh Nghệ An',
      email: 'hoa.nguyen@example.vn',
      comment: 'Đề nghị rút thời hạn cung cấp thông tin xuống 5 ngày làm việc.',
    });
    expect(onArticle.status).toBe(201);
    const general = await comment(created.id, { name: 'Trần Văn Bình', comment: 'Mời mua bảo hiểm giá rẻ tại website của chúng tôi.' });
    expect(general.status).toBe(201);

    // The head opens the consultation from its address: the comments waiting, each with its article and author.
    await page.goto(`${origin}/admin/gop-y-du-thao?du-thao=${created.id}`);
    const open = page.getByRole('dialog', { name: title, exact: true });
    await open.getByText('Chờ duyệt (2)', { exact: true }).waitFor();
    const card = (article: string) => open.getByRole('article', { name: article, exact: true });
    const hoa = card('Điều 3. Thời hạn cung cấp thông tin');
    await hoa.getByText('Hội Luật gia tỉnh Nghệ An').waitFor();
    await hoa.getByText('hoa.nguyen@example.vn').waitFor();
    await hoa.getByText('Đề nghị rút thời hạn cung cấp thông tin xuống 5 ngày làm việc.').waitFor();
    const binh = card('Góp ý chung cho toàn bộ dự thảo');
    await binh.getByText('Trần Văn Bình').waitFor();
    await binh.getByText('Không để lại').waitFor();
    await expectAccessible(page, 'comments waiting for moderation');
    await screenshot(page, 'gop-y-du-thao-y-kien');

    // One published; the other kept off the portal: first refused in the form without a reason, no request sent.
    await hoa.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Đã công bố ý kiến.').waitFor();
    await hoa.waitFor({ state: 'hidden' });
    const moderations: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/moderation')) moderations.push(r.url());
    });
    await binh.getByRole('button', { name: 'Không công bố', exact: true }).click();
    const reject = page.getByRole('dialog', { name: 'Không công bố ý kiến' });
    await reject.getByRole('button', { name: 'Không công bố' }).click();
    await reject.getByText('Hãy ghi lý do không công bố.').waitFor();
    expect(moderations).toEqual([]);
    await expectAccessible(page, 'keeping a comment off without a reason, refused in the form');
    await screenshot(page, 'gop-y-du-thao-khong-cong-bo');
    await reject.getByLabel('Lý do không công bố').fill('Quảng cáo, không liên quan đến dự thảo.');
    await reject.getByRole('button', { name: 'Không công bố' }).click();
    await page.getByText('Đã không công bố ý kiến.').waitFor();
    expect(moderations).toHaveLength(1);
    await open.getByText('Không có ý kiến nào chờ duyệt.').waitFor();

    // Every comment, with its status; the filter is in the address.
    await open.getByText('Tất cả (2)', { exact: true }).click();
    await until(async () => new URL(page.url()).searchParams.get('y-kien') === 'all', 5_000, 'the filter in the address');
    await card('Điều 3. Thời hạn cung cấp thông tin').getByText('Đã công bố', { exact: true }).waitFor();
    await binh.getByText('Quảng cáo, không liên quan đến dự thảo.').waitFor();
    await binh.getByText(/^Lê Văn Pháp, /).waitFor();
    const publicly = (await na.send('GET', `/api/v1/public/consultations/${created.id}`)).body;
    expect(publicly.comments.map((c: { authorName: string }) => c.authorName)).toEqual(['Nguyễn Thị Hoa']);

    // The summary for the drafting agency: every comment per article, the draft as a whole first, with its status.
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    const [download] = await Promise.all([page.waitForEvent('download'), open.getByRole('button', { name: 'Tải XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`tong-hop-gop-y-${created.id.slice(0, 8)}.xlsx`);
    const { rows } = await sheetRows(readFileSync((await download.path())!), 'Tổng hợp góp ý');
    // An empty cell (no organisation) may come back as nothing.
    const lines = rows.filter((r) => typeof r[0] === 'number').map((r) => [r[0], r[1], r[2], r[3] ?? '', r[4], r[5], r[6]]);
    expect(lines).toEqual([
      [
        1,
        'Góp ý chung cho toàn bộ dự thảo',
        'Trần Văn Bình',
        '',
        'Mời mua bảo hiểm giá rẻ tại website của chúng tôi.',
        provinceDay(0),
        'Không công bố: Quảng cáo, không liên quan đến dự thảo.',
      ],
      [
        2,
        'Điều 3. Thời hạn cung cấp thông tin',
        'Nguyễn Thị Hoa',
        'Hội Luật gia tỉnh Nghệ An',
        'Đề nghị rút thời hạn cung cấp thông tin xuống 5 ngày làm việc.',
        provinceDay(0),
        'Đã công bố',
      ],
    ]);
    expect(rows.flat()).toContain('Tổng số ý kiến: 2');

    // The list: the draft with its unit, days, phase and comments, filtered to the sub-site (kept in the address).
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    await open.getByRole('button', { name: 'Đóng' }).click();
    await open.waitFor({ state: 'hidden' });
    const siteTitle = (await na.send('GET', '/api/v1/sites', undefined, head)).body.find(
      (s: { key: string }) => s.key === 'so-tu-phap',
    ).title;
    await choose(page, 'Trang', siteTitle);
    expect(new URL(page.url()).searchParams.get('trang')).toBe('so-tu-phap');
    const listed = page.getByRole('region', { name: 'Danh sách dự thảo lấy ý kiến' }).getByRole('row').filter({ hasText: title });
    // Read once the row is there: a loaded machine renders the refreshed list a moment later.
    await listed.getByRole('cell').first().waitFor();
    expect(await listed.getByRole('cell').allTextContents()).toEqual([
      title,
      'Sở Tư pháp',
      `từ ${provinceDay(0)} đến ${closes}`,
      'Đang lấy ý kiến',
      '2',
    ]);
    await expectAccessible(page, 'consultation list');
    await screenshot(page, 'gop-y-du-thao');
    await page.context().close();

    // At 360 px: extended, then ended today (still open until the day is over), then taken down.
    const phone = await (await newOfficial(browser, 360)).newPage();
    await signIn(phone, origin, 'truong.tuphap', STRONG_PASSWORD, `/admin/gop-y-du-thao?du-thao=${created.id}`);
    const mobile = phone.getByRole('dialog', { name: title, exact: true });
    await mobile.getByText('Chờ duyệt (0)', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mobile.getByRole('button', { name: 'Gia hạn' }).click();
    const extend = phone.getByRole('dialog', { name: 'Gia hạn lấy ý kiến' });
    await pickDay(phone, extend.getByLabel(/^Ngày kết thúc mới/), provinceDay(45));
    await expectAccessible(phone, 'extend dialog (360 px)');
    await extend.getByRole('button', { name: 'Gia hạn' }).click();
    await phone.getByText(`Đã gia hạn: lấy ý kiến từ ${provinceDay(0)} đến ${provinceDay(45)}.`).waitFor();
    await mobile.getByText(provinceDay(45), { exact: true }).waitFor();

    await mobile.getByRole('button', { name: 'Kết thúc hôm nay' }).click();
    const endToday = phone.getByRole('dialog', { name: 'Kết thúc lấy ý kiến hôm nay?' });
    await expectAccessible(phone, 'end today, confirmation (360 px)');
    await endToday.getByRole('button', { name: 'Kết thúc hôm nay' }).click();
    await phone.getByText(`Đã đặt ngày kết thúc: lấy ý kiến từ ${provinceDay(0)} đến ${provinceDay(0)}.`).waitFor();
    expect((await na.send('GET', `/api/v1/consultations/${created.id}`, undefined, head)).body).toMatchObject({
      closesOn: isoDay(0),
      phase: 'open',
    });

    await mobile.getByRole('button', { name: 'Gỡ xuống' }).click();
    const takeDown = phone.getByRole('dialog', { name: 'Gỡ dự thảo lấy ý kiến xuống?' });
    await takeDown.getByRole('button', { name: 'Gỡ xuống' }).click();
    await phone.getByText('Đã gỡ dự thảo lấy ý kiến xuống.').waitFor();
    await mobile.getByText('Đã gỡ', { exact: true }).waitFor();
    expect(await mobile.getByRole('button', { name: /Kết thúc hôm nay|Gia hạn|Gỡ xuống/ }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'the consultation taken down (360 px)');
    await phone.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    await phone.locator('.ant-drawer-body').evaluate((e) => e.scrollTo(0, 0));
    await screenshot(phone, 'gop-y-du-thao-go-xuong');
    expect((await na.send('GET', `/api/v1/consultations/${created.id}`, undefined, head)).body.phase).toBe('withdrawn');
    await phone.context().close();
  });
});
