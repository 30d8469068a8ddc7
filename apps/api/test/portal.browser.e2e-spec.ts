import { launchChromium, wcagAudit } from '@cong/testing';
import { Browser, Page } from 'playwright-core';
import { PortalFixture, portalFixture, PublishedItem } from './portal-fixture';

/**
 * The portal in a real browser (Debian's Chromium, driven by playwright-core; `npm run check`
 * installs it where missing): axe (WCAG 2.1 AA) on every page template of both seed provinces at
 * 360 and 1280 px, the skip link by keyboard, reading with JavaScript off, the stored-XSS item.
 * Pages are opened as a citizen would in development: `http://<province>.localhost:<port>/`.
 */
describe('public portal in Chromium (issue 16): WCAG 2.1 AA, keyboard, JavaScript off, 360 px', () => {
  let f: PortalFixture;
  let browser: Browser;
  let origin: Record<'lao-cai' | 'nghe-an', string>;
  const itemPath = (i: PublishedItem) => (i.site === 'portal' ? `/${i.slug}` : `/${i.site}/${i.slug}`);

  beforeAll(async () => {
    f = await portalFixture();
    const port = new URL(f.api.baseUrl).port;
    origin = { 'lao-cai': `http://lao-cai.localhost:${port}`, 'nghe-an': `http://nghe-an.localhost:${port}` };
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  /** Every template, with a page of each province that shows it. */
  const templates = (): [string, 'lao-cai' | 'nghe-an', string][] => {
    const lc = f.laoCai.items;
    const na = f.ngheAn.items;
    return [
      ['portal home', 'lao-cai', '/'],
      ['portal home', 'nghe-an', '/'],
      ['sub-site home', 'lao-cai', '/so-y-te'],
      ['sub-site home', 'nghe-an', '/so-tai-chinh'],
      ['section', 'lao-cai', '/so-y-te/chuyen-muc/tin-tuc-thong-bao'],
      ['section', 'nghe-an', '/so-tai-chinh/chuyen-muc/tin-tuc'],
      ['section with sub-sections', 'lao-cai', '/so-y-te/chuyen-muc/gioi-thieu-chung'],
      ['news item (images, files)', 'lao-cai', itemPath(lc.news)],
      ['news item', 'nghe-an', itemPath(na.news)],
      ['legal document', 'lao-cai', itemPath(lc.legalDocument)],
      ['legal document', 'nghe-an', itemPath(na.legalDocument)],
      ['procedure', 'lao-cai', itemPath(lc.procedure)],
      ['procedure', 'nghe-an', itemPath(na.procedure)],
      ['FAQ', 'lao-cai', itemPath(lc.faq)],
      ['investment project', 'lao-cai', itemPath(lc.investment)],
      ['page', 'lao-cai', itemPath(lc.page)],
      ['search results', 'lao-cai', '/tim-kiem?q=benh+vien'],
      ['search results', 'nghe-an', '/tim-kiem?q=ngan+sach'],
      ['legal documents register', 'lao-cai', '/van-ban?loai=quyet-dinh'],
      ['legal documents register', 'nghe-an', '/van-ban'],
      ['procedures register', 'nghe-an', '/thu-tuc'],
      ['unit directory', 'lao-cai', '/co-quan'],
      ['unit directory', 'nghe-an', '/co-quan'],
      ['unit profile', 'lao-cai', '/co-quan/so-y-te'],
      // The citizens' pages are audited at 360 px by portal-citizens.browser; the form, with its widget, at both widths here.
      ['question form (the proof-of-work widget runs)', 'lao-cai', '/hoi-dap/dat-cau-hoi'],
      ['not found', 'nghe-an', '/khong-co-trang-nay'],
      ['bad filter', 'lao-cai', '/van-ban?nam=abc'],
    ];
  };

  /** Console errors (a CSP refusal among them; the 404 and 400 pages' own status aside) and dialogs. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 40[04]/.test(m.text())) problems.push(m.text());
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return problems;
  }

  async function open(page: Page, province: 'lao-cai' | 'nghe-an', path: string): Promise<string[]> {
    const problems = watch(page);
    await page.goto(`${origin[province]}${path}`, { waitUntil: 'load' });
    return problems;
  }

  it.each([360, 1280])(
    'axe finds no WCAG 2.1 A/AA violation on any template of either province at %i px; nothing overflows sideways; no CSP or console error',
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const failures: string[] = [];
      const page = await context.newPage();
      const problems = watch(page);
      for (const [name, province, path] of templates()) {
        problems.length = 0;
        await page.goto(`${origin[province]}${path}`, { waitUntil: 'load' });
        const result = await wcagAudit(page);
        // axe ran its checks on this page (a page it could not inspect would pass nothing).
        if (result.passes.length < 10)
          failures.push(`${province} ${name} (${path}) @${width}px: axe passed only ${result.passes.length} rules`);
        for (const v of result.violations)
          failures.push(
            `${province} ${name} (${path}) @${width}px: ${v.id} — ${v.help}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) failures.push(`${province} ${name} (${path}) @${width}px: ${overflow}px wider than the screen`);
        for (const p of problems) failures.push(`${province} ${name} (${path}) @${width}px: console: ${p}`);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
      }
      await context.close();
      expect(failures).toEqual([]);
    },
    240_000,
  );

  it('keyboard only: the first Tab reaches the skip link, which takes focus to the main content', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await open(page, 'lao-cai', '/so-y-te');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute('href'), visible: box.top >= 0 && box.height > 0 };
    });
    expect(skip).toEqual({ text: 'Bỏ qua, đến nội dung chính', href: '#noi-dung', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    // The next Tab goes on inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('with JavaScript off, a citizen reads a section list, opens an item and searches', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await open(page, 'lao-cai', '/so-y-te/chuyen-muc/tin-tuc-thong-bao');
    const first = page.locator('main .item-list a').first();
    const title = await first.textContent();
    expect(title).toBeTruthy();
    await first.click();
    await page.waitForLoadState('load');
    expect(await page.textContent('main h1')).toBe(title);
    await page.fill('#tim-kiem-dau-trang', 'khanh thanh');
    await page.press('#tim-kiem-dau-trang', 'Enter');
    await page.waitForURL(/tim-kiem\?q=khanh\+thanh/);
    expect(await page.textContent('main')).toContain(f.laoCai.items.news.title);
    await context.close();
  });

  it('the item carrying XSS payloads runs nothing: no script, no dialog, its text shown as text', async () => {
    const page = await browser.newPage();
    const problems = await open(page, 'lao-cai', itemPath(f.laoCai.items.xss));
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('*')).flatMap((e) =>
          Array.from(e.attributes)
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${e.tagName}[${a.name}]`),
        ),
      ),
    ).toEqual([]);
    expect(await page.textContent('main h1')).toContain('Tin thử');
    expect(await page.textContent('main')).toContain('<script>alert(1)</script>');
    await page.close();
  });
});
