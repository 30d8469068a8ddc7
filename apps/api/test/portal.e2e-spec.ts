import { TenantOnboarding } from '@cong/onboarding';
import { HttpResponse, ruleVariant } from '@cong/testing';
import { XMLParser } from 'fast-xml-parser';

import Parser from 'rss-parser';
import { PortalFixture, portalFixture, PublishedItem, uploadImage, XSS_PAYLOADS } from './portal-fixture';
import { elements, executable, textOf } from './html-inspection';

describe('public portal pages (issue 16): every province domain and sub-site, server-rendered Vietnamese HTML', () => {
  let f: PortalFixture;
  const page = (host: string, path: string, headers: Record<string, string> = {}): Promise<HttpResponse> =>
    f.api.onHost(host, path, { headers });
  const lc = (path: string) => page('laocai.gov.vn', path);
  const na = (path: string) => page('nghean.gov.vn', path);
  const itemPath = (i: PublishedItem) => (i.site === 'portal' ? `/${i.slug}` : `/${i.site}/${i.slug}`);

  beforeAll(async () => {
    f = await portalFixture();
  }, 120_000);
  afterAll(() => f?.close());

  it('home of each province: its title, its newest items and documents, links to the sub-sites; lang="vi"; no scripts; a strict CSP', async () => {
    const home = await lc('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.text).toMatch(/^<!doctype html><html lang="vi">/);
    expect(home.text).toContain('<title>Cổng giao tiếp điện tử Lào Cai</title>');
    expect(home.text).toContain(f.laoCai.items.portalNews.title);
    expect(home.text).toContain('15/2025/QĐ-UBND');
    expect(home.text).toContain('href="/so-y-te"');
    expect(home.text).toContain('Cơ quan chủ quản: Ủy ban nhân dân tỉnh Lào Cai');
    expect(home.text).toContain('--primary:#9b1c1c');
    const csp = home.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(elements(home.text).filter((e) => e.name === 'script')).toEqual([]);

    const naHome = await na('/');
    expect(naHome.text).toContain('<title>Trang thông tin điện tử tỉnh Nghệ An</title>');
    expect(naHome.text).toContain('108/2006/QĐ-UBND');
    expect(naHome.headers['content-security-policy']).not.toEqual(csp);
  });

  it("cross-province: one province's domain never shows another's items, by any address", async () => {
    const naHome = await na('/');
    for (const item of Object.values(f.laoCai.items)) expect(naHome.text).not.toContain(item.title.slice(0, 30));
    expect((await na(`/so-tai-chinh/${f.laoCai.items.news.slug}`)).status).toBe(404);
    expect((await na(`/so-y-te/${f.laoCai.items.news.slug}`)).status).toBe(404);
    expect((await lc(itemPath(f.ngheAn.items.news))).status).toBe(404);
    const search = await na('/tim-kiem?q=khanh+thanh');
    expect(search.text).not.toContain(f.laoCai.items.news.title);
    expect((await na('/co-quan/h-sa-pa')).status).toBe(404);
    // Unknown hosts are not a province's portal: the platform's own routes answer them.
    expect((await page('khong-co.gov.vn', '/')).headers['content-type']).not.toContain('text/html; charset=utf-8');
  });

  it('a sub-site home shows its own sections (LC-2.1.1) and items', async () => {
    const sub = await lc('/so-y-te');
    expect(sub.status).toBe(200);
    expect(sub.text).toContain('<title>Sở Y tế — Cổng giao tiếp điện tử Lào Cai</title>');
    for (const section of ['Giới thiệu chung', 'Văn bản pháp quy', 'Thủ tục hành chính', 'Tin tức, thông báo', 'Giao tiếp trực tuyến'])
      expect(sub.text).toContain(section);
    expect(sub.text).toContain(f.laoCai.items.news.title);
    expect(sub.text).not.toContain(f.laoCai.items.portalNews.title);
    const district = await lc('/h-sa-pa');
    expect(district.text).toContain('Điều kiện tự nhiên - xã hội');
  });

  it("news item: dd/mm/yyyy in the province's time, unit, the body's and attachments' images with WebP srcset, files", async () => {
    const res = await lc(itemPath(f.laoCai.items.news));
    expect(res.status).toBe(200);
    const body = res.text;
    expect(body).toContain(`<h1>${f.laoCai.items.news.title}</h1>`);
    expect(body).toMatch(/<time dateTime="[^"]+">\d{2}\/\d{2}\/\d{4}<\/time>/i);
    expect(body).toContain('Sở Y tế');
    expect(body).toMatch(
      /srcset="\/api\/v1\/public\/media\/[0-9a-f-]{36}\?width=320 320w, \/api\/v1\/public\/media\/[0-9a-f-]{36}\?width=640 640w, \/api\/v1\/public\/media\/[0-9a-f-]{36}\?width=1280 1280w"/,
    );
    expect(body).toContain('alt="Toàn cảnh bệnh viện"');
    expect(body).toContain('href="https://laocai.gov.vn/bc.pdf"');
    const image = /src="(\/api\/v1\/public\/media\/[0-9a-f-]{36}\?width=640)"/.exec(body)![1];
    const file = await lc(image);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    // Breadcrumbs: home › section › item.
    expect(body).toMatch(
      /<nav class="breadcrumbs" aria-label="Đường dẫn"><ol><li><a href="\/so-y-te">Trang chủ<\/a><\/li><li><a href="\/so-y-te\/chuyen-muc\/tin-tuc-thong-bao">Tin tức, thông báo<\/a><\/li>/,
    );
  });

  it('legal document: number, kind, issuer, signer, dates, status, file, and the document that replaced it (NA-5.4, LC-2.1.1)', async () => {
    const res = await lc(itemPath(f.laoCai.items.legalDocument));
    const text = textOf(res.text);
    for (const fact of [
      '07/2006/QĐ-UBND',
      'Quyết định',
      'UBND tỉnh Lào Cai',
      'Chủ tịch UBND tỉnh',
      '09/02/2006',
      '24/02/2006',
      'Đã bị thay thế',
    ])
      expect(text).toContain(fact);
    expect(res.text).toContain(`href="/so-y-te/${f.laoCai.items.laterDocument.slug}"`);
    expect(textOf((await lc(itemPath(f.laoCai.items.laterDocument))).text)).toContain('Còn hiệu lực');
  });

  it('procedure, FAQ, investment project and page show their structured fields (NA-5.3, NA-5.6, LC-2.1.1)', async () => {
    const procedure = textOf((await lc(itemPath(f.laoCai.items.procedure))).text);
    for (const fact of [
      '1.001234',
      'Khám bệnh, chữa bệnh',
      'Sở Y tế Lào Cai',
      'Nộp hồ sơ',
      'Đơn đề nghị',
      '15 ngày làm việc',
      'Luật Đất đai 2024',
      'Mẫu đơn',
    ])
      expect(procedure).toContain(fact);
    const faq = textOf((await lc(itemPath(f.laoCai.items.faq))).text);
    expect(faq).toContain('Thủ tục cấp phép xây dựng cần gì?');
    expect(faq).toContain('02/11/2026');
    const project = textOf((await lc(itemPath(f.laoCai.items.investment))).text);
    expect(project).toContain('500.000.000.000 đồng');
    expect(project).toContain('Đang kêu gọi đầu tư');
    expect((await lc(itemPath(f.laoCai.items.page))).status).toBe(200);
  });

  it('section pages: the navigation tree, breadcrumbs, keyset paging newest first', async () => {
    const titles: string[] = [];
    for (let i = 1; i <= 21; i++)
      titles.push((await f.laoCai.publish('so-y-te', 'news', `Tin số ${i} của Sở Y tế`, { section: 'giao-tiep-truc-tuyen' })).title);
    const first = await lc('/so-y-te/chuyen-muc/giao-tiep-truc-tuyen');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Tin số 21 của Sở Y tế');
    expect(first.text).not.toContain('Tin số 1 của Sở Y tế<');
    const next = /href="(\/so-y-te\/chuyen-muc\/giao-tiep-truc-tuyen\?sau=[A-Za-z0-9_-]+)" rel="next"/.exec(first.text)![1];
    const second = await lc(next);
    expect(second.text).toContain('Tin số 1 của Sở Y tế<');
    expect(second.text).toContain('name="robots" content="noindex"');
    const parent = await lc('/so-y-te/chuyen-muc/gioi-thieu-chung');
    expect(parent.text).toContain('href="/so-y-te/chuyen-muc/co-cau-to-chuc"');
    expect((await lc('/so-y-te/chuyen-muc/khong-co')).status).toBe(404);
    expect((await lc('/so-y-te/chuyen-muc/giao-tiep-truc-tuyen?sau=khong-phai-con-tro')).status).toBe(400);
  });

  it('search is accent-insensitive ("khanh thanh" finds "Khánh thành"), counts and pages its results', async () => {
    const res = await lc('/tim-kiem?q=khanh+thanh+benh+vien');
    expect(res.status).toBe(200);
    expect(res.text).toContain(f.laoCai.items.news.title);
    expect(res.text).toMatch(/Tìm thấy \d+ kết quả cho “khanh thanh benh vien”/);
    const inSite = await lc('/so-y-te/tim-kiem?q=ngan+sach');
    expect(inSite.text).toContain('Không tìm thấy kết quả nào');
    expect((await na('/tim-kiem?q=ngan+sach')).text).toContain(f.ngheAn.items.news.title);
    const tooShort = await lc('/tim-kiem?q=a');
    expect(tooShort.status).toBe(400);
    expect(tooShort.text).toContain('Từ khóa: cần ít nhất 2 ký tự.');
    expect((await lc('/tim-kiem')).status).toBe(200);
    expect((await lc('/tim-kiem?q=benh+vien&utm_source=zalo')).status).toBe(200);
  });

  it('legal documents by kind, issuer, status, year and number; procedures by field (NA-5.3, NA-5.4)', async () => {
    const all = await lc('/van-ban');
    expect(all.text).toContain(f.laoCai.items.legalDocument.title);
    expect(all.text).toContain(f.laoCai.items.laterDocument.title);
    expect(all.text).not.toContain(f.ngheAn.items.legalDocument.title);
    const inForce = await lc('/van-ban?hieu-luc=con-hieu-luc');
    expect(inForce.text).toContain(f.laoCai.items.laterDocument.title);
    expect(inForce.text).not.toContain(f.laoCai.items.legalDocument.title);
    expect((await lc('/van-ban?nam=2006')).text).not.toContain(f.laoCai.items.laterDocument.title);
    expect((await lc('/van-ban?so=15%2F2025')).text).toContain(f.laoCai.items.laterDocument.title);
    expect((await lc('/van-ban?loai=quyet-dinh&co-quan=ubnd+tinh+lao+cai')).text).toContain('Có 2 văn bản.');
    expect((await lc('/van-ban?loai=khong-co')).status).toBe(400);
    expect((await lc('/van-ban?nam=20xx')).text).toContain('Năm ban hành: cần là số từ 1945 đến 2100.');
    expect((await lc('/thu-tuc?linh-vuc=kham+benh')).text).toContain(f.laoCai.items.procedure.title);
    expect((await lc('/thu-tuc?linh-vuc=dat+dai')).text).toContain('Không có thủ tục nào phù hợp.');
  });

  it('NA-5.7: a Nghệ An sub-site keeps "Thông tin - hình ảnh khác" among its sections; a photo posted there is listed in it and shown with its WebP variants', async () => {
    const image = await uploadImage(f, 'nghe-an', f.ngheAn.tokens.editor, 'Hội chợ hàng Việt.png');
    const item = await f.ngheAn.publish('so-tai-chinh', 'news', 'Hình ảnh hội chợ hàng Việt tại thành phố Vinh', {
      section: 'thong-tin-khac',
      body: `<p><img src="/api/v1/public/media/${image}" alt="Gian hàng tại hội chợ"></p>`,
    });
    expect((await na('/so-tai-chinh')).text).toContain('href="/so-tai-chinh/chuyen-muc/thong-tin-khac"');
    const section = await na('/so-tai-chinh/chuyen-muc/thong-tin-khac');
    expect(section.status).toBe(200);
    expect(section.text).toContain('<h1>Thông tin - hình ảnh khác</h1>');
    expect(section.text).toContain(item.title);
    const page = await na(`/so-tai-chinh/${item.slug}`);
    expect(page.text).toContain('alt="Gian hàng tại hội chợ"');
    expect(page.text).toMatch(new RegExp(`srcset="/api/v1/public/media/${image}\\?width=320 320w`));
  });

  it("unit directory and a unit's public profile (NA-5.1): functions, duties, leaders, contacts, divisions that receive citizens", async () => {
    const tree = await lc('/co-quan');
    expect(tree.text).toContain('href="/co-quan/so-y-te"');
    const unit = textOf((await lc('/co-quan/so-y-te')).text);
    for (const fact of [
      'Tham mưu, giúp UBND tỉnh quản lý nhà nước về y tế',
      'Nguyễn Văn An',
      'Giám đốc',
      '0214 3840 123',
      'Bộ phận một cửa',
      'soyte@laocai.gov.vn',
    ])
      expect(unit).toContain(fact);
    expect((await lc('/co-quan/khong-co')).status).toBe(404);
  });

  it('old slugs answer 301, trailing slashes 301, unknown pages a Vietnamese 404, withdrawn items 410', async () => {
    const item = await f.laoCai.publish('so-y-te', 'news', 'Tin sẽ đổi địa chỉ');
    const edit = await f.laoCai.caller.send(
      'PUT',
      `/api/v1/content/${item.id}`,
      { expectedRevision: 1, title: item.title, slug: 'tin-da-doi-dia-chi' },
      f.laoCai.tokens.head,
    );
    expect(edit.status).toBe(200);
    const moved = await lc(`/so-y-te/${item.slug}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/so-y-te/tin-da-doi-dia-chi');
    expect((await lc('/so-y-te/')).headers.location).toBe('/so-y-te');
    const missing = await lc('/so-y-te/khong-co-tin-nay');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Không tìm thấy trang');
    expect(missing.text).toContain('lang="vi"');

    const view = await f.laoCai.caller.send('GET', `/api/v1/content/${item.id}/workflow`, undefined, f.laoCai.tokens.head);
    const down = await f.laoCai.caller.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'take-down', version: view.body.version, comment: 'Thông tin chưa chính xác' },
      f.laoCai.tokens.head,
    );
    expect(down.status).toBe(200);
    const gone = await lc('/so-y-te/tin-da-doi-dia-chi');
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('Tin bài đã được gỡ');
    expect(
      (await f.api.request(`/api/v1/public/sites/so-y-te/items/tin-da-doi-dia-chi`, { headers: { 'x-tenant': 'lao-cai' } })).status,
    ).toBe(410);
  });

  it('publish, edit and withdraw through the workflow show on the pages at once (the cache is invalidated)', async () => {
    const before = await lc('/so-y-te');
    expect((await lc('/so-y-te')).headers.etag).toBe(before.headers.etag);
    const item = await f.laoCai.publish('so-y-te', 'news', 'Tin vừa đăng hiện ngay');
    const after = await lc('/so-y-te');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('Tin vừa đăng hiện ngay');
    const itemPage = await lc(itemPath(item));
    expect(itemPage.status).toBe(200);

    const edit = await f.laoCai.caller.send(
      'PUT',
      `/api/v1/content/${item.id}`,
      { expectedRevision: 1, title: 'Tin vừa đăng đã sửa tiêu đề' },
      f.laoCai.tokens.head,
    );
    expect(edit.status).toBe(200);
    expect((await lc(itemPath(item))).text).toContain('<h1>Tin vừa đăng đã sửa tiêu đề</h1>');

    const view = await f.laoCai.caller.send('GET', `/api/v1/content/${item.id}/workflow`, undefined, f.laoCai.tokens.head);
    await f.laoCai.caller.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'take-down', version: view.body.version, comment: 'Gỡ thử' },
      f.laoCai.tokens.head,
    );
    expect((await lc('/so-y-te')).text).not.toContain('Tin vừa đăng đã sửa tiêu đề');
    expect((await lc(itemPath(item))).status).toBe(410);
  });

  it('featured items ("Tin nổi bật") lead their site\'s home; featuring a published item is a live change the workflow allows or refuses', async () => {
    const { caller, tokens, items } = f.laoCai;
    const featured = await caller.send('PUT', `/api/v1/content/${items.report.id}/featured`, { featured: true }, tokens.editor);
    expect([featured.status, featured.body.featured, featured.body.revision]).toEqual([200, true, 1]);
    const home = await lc('/so-y-te');
    expect(home.text).toMatch(
      new RegExp(
        `<h2 id="tin-noi-bat">Tin nổi bật</h2><ul class="item-list"><li class="first"><h3><a href="/so-y-te/${items.report.slug}">`,
      ),
    );
    const history = (await caller.send('GET', `/api/v1/content/${items.report.id}/transitions`, undefined, tokens.head)).body;
    expect(history.at(-1)).toMatchObject({ action: 'edit-live', comment: 'Đưa vào tin nổi bật' });
    expect((await caller.send('PUT', `/api/v1/content/${items.report.id}/featured`, { featured: 'có' }, tokens.editor)).status).toBe(422);
    expect(
      (await caller.send('PUT', `/api/v1/content/${items.report.id}/featured`, { featured: false }, tokens.editor)).body.featured,
    ).toBe(false);
    expect((await lc('/so-y-te')).text).not.toContain('Tin nổi bật');
    // Nghệ An (NA-8.1): the information team may not change a published item live; the unit's head may.
    const ngheAn = f.ngheAn;
    const refused = await ngheAn.caller.send(
      'PUT',
      `/api/v1/content/${ngheAn.items.news.id}/featured`,
      { featured: true },
      ngheAn.tokens.editor,
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'WORKFLOW_LIVE_EDIT_REFUSED']);
    expect((await ngheAn.caller.send('GET', `/api/v1/content/${ngheAn.items.news.id}`, undefined, ngheAn.tokens.head)).body.featured).toBe(
      false,
    );
    expect(
      (await ngheAn.caller.send('PUT', `/api/v1/content/${ngheAn.items.news.id}/featured`, { featured: true }, ngheAn.tokens.head)).status,
    ).toBe(200);
    expect((await na('/so-tai-chinh')).text).toContain('Tin nổi bật');
    // Another province's item is not found, whatever the token.
    expect((await caller.send('PUT', `/api/v1/content/${ngheAn.items.news.id}/featured`, { featured: true }, tokens.head)).status).toBe(
      404,
    );
  });

  it('the RSS and Atom item links and the sitemap URLs resolve to these pages; robots.txt names the sitemaps', async () => {
    const rss = await new Parser().parseString((await lc('/api/v1/public/sites/so-y-te/feed.rss')).text);
    const atom = await new Parser().parseString((await lc('/api/v1/public/sites/so-y-te/feed.atom')).text);
    const links = [...rss.items, ...atom.items].map((i) => i.link!);
    expect(links.length).toBeGreaterThan(4);
    const sitemap = new XMLParser().parse((await lc('/so-y-te/sitemap.xml')).text);
    const urls = (sitemap.urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(urls).toContain('https://laocai.gov.vn/so-y-te/van-ban');
    for (const link of [...new Set([...links, ...urls])]) {
      const url = new URL(link);
      const res = await page(url.host, url.pathname + url.search);
      expect([link, res.status]).toEqual([link, 200]);
    }
    const robots = await lc('/robots.txt');
    expect(robots.text).toContain('Sitemap: https://laocai.gov.vn/sitemap.xml');
    expect(robots.text).toContain('Sitemap: https://laocai.gov.vn/so-y-te/sitemap.xml');
    expect((await lc('/so-y-te/robots.txt')).status).toBe(404);
    const portalMap = new XMLParser().parse((await lc('/sitemap.xml')).text);
    expect((portalMap.urlset.url as { loc: string }[]).map((u) => u.loc)).toContain(
      `https://laocai.gov.vn/${f.laoCai.items.portalNews.slug}`,
    );
  });

  it('escapes every value: the XSS payloads in titles, summaries, bodies and fields leave no executable markup on any page', async () => {
    const xss = f.laoCai.items.xss;
    const pages = [
      '/',
      '/so-y-te',
      itemPath(xss),
      '/so-y-te/chuyen-muc/tin-tuc-thong-bao',
      `/tim-kiem?q=${encodeURIComponent('tin thử')}`,
      `/tim-kiem?q=${encodeURIComponent(XSS_PAYLOADS[0])}`,
      `/van-ban?so=${encodeURIComponent('"><script>')}`,
    ];
    for (const path of pages) {
      const res = await lc(path);
      expect([path, res.status < 500]).toEqual([path, true]);
      expect([path, executable(res.text)]).toEqual([path, []]);
    }
    const item = await lc(itemPath(xss));
    expect(item.text).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('the stylesheet and icon are served with a hash in their name and cached for good', async () => {
    const home = await lc('/');
    const css = /href="(\/assets\/portal\.[0-9a-f]{10}\.css)"/.exec(home.text)![1];
    const res = await lc(css);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await lc('/assets/khong-co.css')).status).toBe(404);
  });

  // Last: it changes Lào Cai's rules for the rest of the file.
  it("a sub-site on a domain of its own (portal.subsiteDomains) answers at that domain's root; its path under the portal stays", async () => {
    const definition = await ruleVariant(
      'lao-cai',
      (r) => (r.portal.subsiteDomains = [{ unit: 'so-y-te', domain: 'soyte.laocai.gov.vn' }]),
    );
    await f.api.app.get(TenantOnboarding).apply(definition, { actorLabel: 'test-rule-change' });
    const own = (path: string) => page('soyte.laocai.gov.vn', path);
    const home = await own('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<title>Sở Y tế — Cổng giao tiếp điện tử Lào Cai</title>');
    expect(home.text).toContain('href="/chuyen-muc/tin-tuc-thong-bao"');
    expect(home.text).toContain(`href="/${f.laoCai.items.announcement.slug}"`);
    expect((await own(`/${f.laoCai.items.news.slug}`)).text).toContain(
      `<link rel="canonical" href="https://soyte.laocai.gov.vn/${f.laoCai.items.news.slug}"/>`,
    );
    // The portal and the other sites are absolute links to the primary domain; the directory is the portal's.
    expect(home.text).toContain('href="https://laocai.gov.vn/co-quan"');
    expect((await own('/co-quan/so-y-te')).headers.location).toBe('https://laocai.gov.vn/co-quan/so-y-te');
    expect((await own('/robots.txt')).text).toContain('Sitemap: https://soyte.laocai.gov.vn/sitemap.xml');
    // The old path keeps working on the portal's domain; feed links now name the sub-site's domain and resolve there.
    expect((await lc(`/so-y-te/${f.laoCai.items.news.slug}`)).status).toBe(200);
    const rss = await new Parser().parseString((await own('/api/v1/public/sites/so-y-te/feed.rss')).text);
    const link = new URL(rss.items[0].link!);
    expect(link.host).toBe('soyte.laocai.gov.vn');
    expect((await own(link.pathname)).status).toBe(200);
  });
});
