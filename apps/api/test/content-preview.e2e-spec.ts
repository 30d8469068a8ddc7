import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Caller, invitedAccount } from './auth-session';
import { uploadImage } from './portal-fixture';
import { SeededApi, seededApi } from './seeded-api';

/**
 * The console's "Xem trước": a draft rendered with the portal's own item page (the province's
 * theme, navigation and footer), checked as a save is, written nowhere, and readable for a short
 * while at an unguessable address that needs no token (the console shows it in a frame).
 */
describe('content previews: a draft as the public will see it, written nowhere', () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  let lc: Caller;
  let editor: string;
  let image: string;

  const preview = (body: Record<string, unknown>, token = editor, caller = lc) =>
    caller.send('POST', '/api/v1/content/previews', body, token);
  /** A preview's address read as a browser frame would: no token, no province header. */
  const open = (url: string) => seeded.api.request(url);
  const countItems = async () =>
    (await seeded.ctx.db.transaction(seeded.laoCaiId, (m) => m.query(`SELECT count(*)::int AS n FROM content_item`)))[0].n as number;

  beforeAll(async () => {
    seeded = await seededApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cong-preview-media-')) });
    lc = seeded.lc;
    editor = await invitedAccount(lc, seeded.admin, 'bientap.xemtruoc', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    image = await uploadImage(seeded, 'lao-cai', editor, 'Khánh thành bệnh viện.png');
  });
  afterAll(() => seeded?.close());

  it("renders a new sub-site item with the portal's page, the draft's photo through the preview alone, and saves nothing (LC-3.1b)", async () => {
    const before = await countItems();
    const res = await preview({
      site: 'so-y-te',
      type: 'news',
      title: 'Khánh thành Bệnh viện Đa khoa tỉnh',
      summary: 'Bệnh viện 500 giường đón người bệnh từ hôm nay.',
      body: `<p>Sáng nay bệnh viện mới đón người bệnh.</p><p><img src="/api/v1/public/media/${image}" alt="Toàn cảnh"></p><script>alert(1)</script>`,
      section: 'tin-tuc-thong-bao',
    });
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/api\/v1\/content\/previews\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(res.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await countItems()).toBe(before);

    const page = await open(res.body.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'none'.*frame-ancestors 'self'/);
    expect(page.text).toContain('<h1>Khánh thành Bệnh viện Đa khoa tỉnh</h1>');
    expect(page.text).toContain('Bản xem trước, chưa công bố');
    expect(page.text).toContain('<meta name="robots" content="noindex"/>');
    // The province's chrome: its portal title, the sub-site, the breadcrumbs to the section.
    expect(page.text).toMatch(/Cổng giao tiếp điện tử Lào Cai/);
    expect(page.text).toContain('Sở Y tế');
    expect(page.text).not.toContain('<script>');
    // Links go to the live portal (absolute); the photo comes through the preview's own address.
    expect(page.text).toMatch(/href="https:\/\/[^"]+\/so-y-te"/);
    const photo = `${res.body.url}/media/${image}?width=640`;
    expect(page.text).toContain(`src="${photo}"`);
    const bytes = await open(photo);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/webp');
    // The upload is still a draft's: citizens cannot fetch it.
    expect((await lc.send('GET', `/api/v1/public/media/${image}`)).status).toBe(404);
  });

  it('an existing item previews with the unsaved edit, the item unchanged; an upload the draft does not show is refused', async () => {
    const created = await lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title: 'Lịch tiêm chủng tháng Tư' }, editor);
    expect(created.status).toBe(201);
    const res = await preview({ item: created.body.id, title: 'Lịch tiêm chủng tháng Năm' });
    expect(res.status).toBe(201);
    const page = await open(res.body.url);
    expect(page.text).toContain('<h1>Lịch tiêm chủng tháng Năm</h1>');
    expect((await lc.send('GET', `/api/v1/content/${created.body.id}`, undefined, editor)).body).toMatchObject({
      title: 'Lịch tiêm chủng tháng Tư',
      revision: 1,
    });
    expect((await open(`${res.body.url}/media/${image}`)).status).toBe(404);
  });

  it("refuses what a save refuses, in the editor's words, and what the caller may not write", async () => {
    const empty = await preview({ site: 'so-y-te', type: 'news', title: '<b></b>' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((f: { field: string }) => f.field)).toEqual(['title']);
    const noType = await preview({ site: 'so-y-te', title: 'Tin không có loại' });
    expect(noType.status).toBe(422);
    expect(noType.body.errors.map((f: { field: string }) => f.field)).toEqual(['type']);
    // Another unit's sub-site: not the editor's to write.
    expect((await preview({ site: 'so-xay-dung', type: 'news', title: 'Tin của Sở Xây dựng' })).status).toBe(403);
    expect((await preview({ site: 'so-y-te', type: 'news', title: 'Không đăng nhập' }, '')).status).toBe(401);
  });

  it("another province's item is not found, and its preview address shows nothing of it in the other province's terms", async () => {
    const lcItem = await lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title: 'Tin nội bộ Lào Cai' }, editor);
    const fromNa = await preview({ item: lcItem.body.id, title: 'Đổi tiêu đề' }, seeded.naAdmin, seeded.na);
    expect(fromNa.status).toBe(404);
    expect(fromNa.body.code).toBe('CONTENT_NOT_FOUND');
    // Nghệ An's own preview of a sub-site of the same code shows Nghệ An's chrome, never Lào Cai's.
    const na = await preview({ site: 'so-y-te', type: 'news', title: 'Tin của Nghệ An' }, seeded.naAdmin, seeded.na);
    expect(na.status).toBe(201);
    const page = await open(na.body.url);
    expect(page.text).toMatch(/Nghệ An/);
    expect(page.text).not.toMatch(/Lào Cai/);
  });

  it('an unknown, expired or malformed address is a Vietnamese 404 page', async () => {
    for (const token of ['A'.repeat(43), 'not-a-token', '%3Cscript%3E']) {
      const res = await open(`/api/v1/content/previews/${token}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('Bản xem trước đã hết hạn');
    }
  });
});
