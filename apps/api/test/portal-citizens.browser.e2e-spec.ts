import { launchChromium, TestContext, wcagAudit } from '@cong/testing';
import { Browser, Page } from 'playwright-core';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { sumOf } from './citizen-writes';
import { publishThrough } from './publishing';

/**
 * A citizen asks a question in Chromium (issue 19; NA-5.6, LC-1.1): with JavaScript the ALTCHA
 * widget solves its proof of work in a worker under the page's strict CSP; with JavaScript off the
 * form asks a sum instead, in the form itself. A file goes with either. Both end on the asker's
 * private status page; axe on every page passed.
 */
describe('portal: citizens write in a browser, with and without JavaScript (NA-5.6, LC-1.1, NA-5.5)', () => {
  jest.setTimeout(180_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let browser: Browser;
  let origin: string;
  let na: Caller;
  let board: string;
  let head: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const ngheAnId = await ctx.applySeed('nghe-an');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    const admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    board = await invitedAccount(na, admin, 'bbt.nghean', [{ role: 'editorial_board' }]);
    head = await invitedAccount(na, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }]);
    origin = `http://nghe-an.localhost:${new URL(api.baseUrl).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await ctx?.close();
  });

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return problems;
  }

  async function accessible(page: Page, what: string): Promise<string[]> {
    const result = await wcagAudit(page);
    return result.violations.map((v) => `${what}: ${v.id} — ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');

  async function fill(page: Page, title: string) {
    await page.fill('#ho-ten', 'Lê Văn Cường');
    await page.fill('#thu-dien-tu', `le.van.cuong.${Date.now()}@example.vn`);
    await page.selectOption('#don-vi', 'so-tu-phap');
    await page.fill('#tieu-de', title);
    await page.fill('#cau-hoi', 'Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và nộp ở đâu?');
    await page.check('#dong-y');
  }

  it('NA-5.6: with JavaScript the widget proves the work and the question is received; without it a sum does; errors are announced and linked', async () => {
    const failures: string[] = [];
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${origin}/hoi-dap`);
    failures.push(...(await accessible(page, 'Q&A page')));
    await page.click('text=Đặt câu hỏi');
    await page.waitForURL(/\/hoi-dap\/dat-cau-hoi$/);
    failures.push(...(await accessible(page, 'question form')));

    // Sent half-filled: the error summary takes focus and links to the fields.
    await page.fill('#ho-ten', 'L');
    await page.click('button:has-text("Gửi câu hỏi")');
    await page.waitForSelector('.error-summary');
    failures.push(...(await accessible(page, 'form with errors')));
    expect(await page.textContent('.error-summary')).toContain('Họ và tên phải có ít nhất 2 ký tự.');

    await fill(page, 'Đăng ký khai sinh cho con');
    await page.setInputFiles('#tep-dinh-kem', { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.click('button:has-text("Gửi câu hỏi")');
    await page.waitForURL(/\/hoi-dap\/theo-doi\?ma=[A-Za-z0-9_-]{43}&moi=1$/, { timeout: 60_000 });
    expect(await page.textContent('main')).toContain('Câu hỏi đã được gửi');
    expect(await page.textContent('main')).toContain('Sở Tư pháp');
    failures.push(...(await accessible(page, 'status page')));
    expect(problems).toEqual([]);
    await context.close();

    // JavaScript off: the same form asks a sum in place of the widget, and takes the file too.
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const plain = await noJs.newPage();
    await plain.goto(`${origin}/hoi-dap/dat-cau-hoi`);
    await fill(plain, 'Đăng ký khai sinh, hỏi lần hai');
    await plain.setInputFiles('#tep-dinh-kem', { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    // axe needs JavaScript: the page as served without it (its <noscript> part shown) is audited in a tab that runs it.
    const withJs = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const audited = await withJs.newPage();
    await audited.goto(`${origin}/hoi-dap`);
    await audited.setContent((await plain.content()).replace(/<\/?noscript>/g, ''), { waitUntil: 'load' });
    failures.push(...(await accessible(audited, 'form without JavaScript, its sum')));
    await withJs.close();
    const label = (await plain.textContent('label[for="phep-cong"]'))!;
    await plain.fill('#phep-cong', sumOf(label));
    await plain.click('button:has-text("Gửi câu hỏi")');
    await plain.waitForURL(/\/hoi-dap\/theo-doi\?ma=/);
    expect(await plain.textContent('main')).toContain('Câu hỏi đã được gửi');
    const desk = await na.send('GET', '/api/v1/questions?unit=so-tu-phap', undefined, board);
    expect(desk.body.items.map((q: { title: string }) => q.title)).toEqual(
      expect.arrayContaining(['Đăng ký khai sinh cho con', 'Đăng ký khai sinh, hỏi lần hai']),
    );
    for (const q of desk.body.items.filter((i: { title: string }) => i.title.startsWith('Đăng ký khai sinh'))) {
      expect((await na.send('GET', `/api/v1/questions/${q.id}`, undefined, board)).body.attachment).toMatchObject({
        mime: 'application/pdf',
      });
    }
    await noJs.close();
    expect(failures).toEqual([]);
  });

  it('NA-5.5: a citizen votes in a poll on a phone; the widget proves the work; the results show after voting', async () => {
    const created = await na.send(
      'POST',
      '/api/v1/polls',
      {
        site: 'portal',
        question: 'Bạn mong muốn cổng bổ sung dịch vụ nào?',
        choice: 'multiple',
        maxChoices: 2,
        options: ['Tra cứu hồ sơ', 'Thanh toán phí trực tuyến', 'Đặt lịch hẹn'],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        resultsShown: 'after_vote',
      },
      board,
    );
    expect(created.status).toBe(201);
    const failures: string[] = [];
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${origin}/binh-chon`);
    failures.push(...(await accessible(page, 'polls')));
    await page.click('text=Bạn mong muốn cổng bổ sung dịch vụ nào?');
    failures.push(...(await accessible(page, 'poll form')));
    await page.check('label:has-text("Tra cứu hồ sơ")');
    await page.check('label:has-text("Đặt lịch hẹn")');
    await page.click('button:has-text("Bình chọn")');
    await page.waitForURL(/da-binh-chon=1$/, { timeout: 60_000 });
    expect(await page.textContent('main')).toContain('1 người đã tham gia.');
    failures.push(...(await accessible(page, 'poll results')));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
    expect(failures).toEqual([]);
  });

  it('LC-1.1: a citizen comments on a draft article on a phone; the widget proves the work; the comment awaits moderation', async () => {
    const item = await na.send(
      'POST',
      '/api/v1/content',
      { site: 'so-tu-phap', type: 'announcement', title: 'Lấy ý kiến dự thảo quy chế', body: '<p>Dự thảo đính kèm.</p>', fields: {} },
      head,
    );
    await publishThrough(na, [head], item.body.id);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const opened = await na.send(
      'POST',
      '/api/v1/consultations',
      {
        documentItem: item.body.id,
        title: 'Dự thảo Quy chế phối hợp cung cấp thông tin',
        articles: ['Điều 1. Phạm vi', 'Điều 2. Trách nhiệm'],
        opensOn: today,
        closesOn: today,
      },
      head,
    );
    expect(opened.status).toBe(201);
    const failures: string[] = [];
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${origin}/so-tu-phap/gop-y-du-thao`);
    failures.push(...(await accessible(page, 'drafts')));
    await page.click('text=Dự thảo Quy chế phối hợp cung cấp thông tin');
    failures.push(...(await accessible(page, 'draft with its form')));
    await page.selectOption('#dieu-khoan', '1');
    await page.fill('#ho-ten', 'Hoàng Văn Em');
    await page.fill('#noi-dung-gop-y', 'Đề nghị làm rõ trách nhiệm của từng sở.');
    await page.check('#dong-y');
    await page.click('button:has-text("Gửi góp ý")');
    await page.waitForURL(/da-gui=1$/, { timeout: 60_000 });
    expect(await page.textContent('main')).toContain('sẽ được công bố sau khi được kiểm duyệt');
    failures.push(...(await accessible(page, 'draft after commenting')));
    expect(problems).toEqual([]);
    await context.close();
    expect(failures).toEqual([]);
  });
});
