import { countQueries, naming, TestContext } from '@cong/testing';
import { CONTENT_TYPES } from '@cong/rules';
import { SAMPLE_FIELDS } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, STRONG_PASSWORD } from './auth-session';
import { publishThrough, takeDown } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

describe('authoring content over HTTP (NA-5.1, NA-5.2, NA-5.3, NA-5.4, NA-5.5, NA-5.6, LC-2.1.1): types, revisions, slugs, reach', () => {
  let seeded: SeededApi;
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let admin: string;
  let editorYte: string;

  beforeAll(async () => {
    seeded = await seededApi();
    ({ ctx, api, lc, admin } = seeded);
    const invited = await lc.send(
      'POST',
      '/api/v1/users/invitations',
      { username: 'bientap.yte', displayName: 'Biên tập Sở Y tế', roles: [{ role: 'unit_editor', unit: 'so-y-te' }] },
      admin,
    );
    await lc.send('POST', '/api/v1/auth/activate', { token: invited.body.invitation.token, password: STRONG_PASSWORD });
    editorYte = (await lc.login('bientap.yte', STRONG_PASSWORD)).body.accessToken;
  });

  afterAll(() => seeded?.close());

  const as = (token: string) => (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, token);

  it.each(CONTENT_TYPES.map((t) => [t]))('%s round-trips through the API', async (type) => {
    const created = await as(editorYte)('POST', '/content', {
      site: 'so-y-te',
      type,
      title: `Mẫu ${type} — Sở Y tế`,
      body: '<p>Nội dung</p>',
      fields: SAMPLE_FIELDS[type],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      site: 'so-y-te',
      unit: 'so-y-te',
      type,
      channel: 'subsite',
      status: 'draft',
      revision: 1,
      fields: SAMPLE_FIELDS[type],
      body: '<p>Nội dung</p>',
    });
    const read = await as(editorYte)('GET', `/content/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    if (type === 'legal_document') expect(read.body.legalStatus).toBe('in_effect');
  });

  it('refuses invalid structured fields with field-named 422s, and sanitises rich text', async () => {
    const bad = await as(editorYte)('POST', '/content', {
      site: 'so-y-te',
      type: 'procedure',
      title: 'Thủ tục',
      fields: { code: '', steps: 'một bước' },
    });
    expect(bad.status).toBe(422);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))]).toEqual(
      expect.arrayContaining(['fields.code', 'fields.field', 'fields.steps', 'fields.implementingAgency', 'fields.processingTime']),
    );
    const xss = await as(editorYte)('POST', '/content', {
      site: 'so-y-te',
      type: 'news',
      title: '<script>alert(1)</script>Tin <b>an toàn</b>',
      body: '<p onclick="x()">A<script>b()</script></p><a href="javascript:x">c</a>',
    });
    expect(xss.body).toMatchObject({ title: 'Tin an toàn', body: '<p>A</p><a>c</a>', slug: 'tin-an-toan' });
  });

  it('folds slugs from Vietnamese titles, keeps them unique per site, and keeps old slugs as redirects', async () => {
    const make = (title: string, slug?: string) =>
      as(editorYte)('POST', '/content', { site: 'so-y-te', type: 'news', title, ...(slug ? { slug } : {}) });
    const first = await make('Đoàn công tác về Bát Xát');
    const second = await make('Đoàn công tác về Bát Xát');
    expect([first.body.slug, second.body.slug]).toEqual(['doan-cong-tac-ve-bat-xat', 'doan-cong-tac-ve-bat-xat-2']);
    expect((await make('Khác', 'doan-cong-tac-ve-bat-xat')).body.code).toBe('CONTENT_SLUG_TAKEN');
    expect((await make('Khác', 'Có Dấu')).status).toBe(422);
    // An address the portal's pages hold is never an item's: the title's slug moves on, one asked for is refused.
    expect((await make('Hỏi đáp')).body.slug).toBe('hoi-dap-2');
    const held = await make('Khác', 'van-ban');
    expect([held.status, held.body.code, held.body.errors[0].field]).toEqual([422, 'CONTENT_SLUG_RESERVED', 'slug']);
    // On the portal a sub-site's key is a page too (/so-y-te).
    const onPortal = await as(editorYte)('POST', '/content', { site: 'portal', unit: 'so-y-te', type: 'news', title: 'Sở Y tế' });
    expect(onPortal.body.slug).toBe('so-y-te-2');

    const renamed = await as(editorYte)('PUT', `/content/${first.body.id}`, {
      expectedRevision: 1,
      title: 'Đoàn công tác về Bát Xát',
      slug: 'doan-cong-tac-bat-xat',
    });
    expect(renamed.body).toMatchObject({ slug: 'doan-cong-tac-bat-xat', revision: 2 });
    const redirects = await ctx.asOwner(
      async (c) => (await c.query(`SELECT old_slug, item_id FROM content_slug_redirect WHERE item_id = $1`, [first.body.id])).rows,
    );
    expect(redirects).toEqual([{ old_slug: 'doan-cong-tac-ve-bat-xat', item_id: first.body.id }]);
  });

  it('keeps every save as a revision: a stale save is a 409 and overwrites nothing; list, diff, restore', async () => {
    const item = (
      await as(editorYte)('POST', '/content', { site: 'so-y-te', type: 'announcement', title: 'Thông báo lịch tiêm', summary: 'Bản đầu' })
    ).body;
    const second = await as(editorYte)('PUT', `/content/${item.id}`, {
      expectedRevision: 1,
      title: 'Thông báo lịch tiêm (sửa)',
      summary: 'Bản hai',
    });
    expect(second.body.revision).toBe(2);
    const stale = await as(admin)('PUT', `/content/${item.id}`, { expectedRevision: 1, title: 'Ghi đè?', summary: 'Bản cũ' });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONTENT_STALE_REVISION']);
    expect((await as(editorYte)('GET', `/content/${item.id}`)).body).toMatchObject({ title: 'Thông báo lịch tiêm (sửa)', revision: 2 });

    const revisions = await as(editorYte)('GET', `/content/${item.id}/revisions`);
    expect(revisions.body.map((r: { revision: number; authorLabel: string }) => [r.revision, r.authorLabel])).toEqual([
      [2, 'bientap.yte'],
      [1, 'bientap.yte'],
    ]);
    const diff = await as(editorYte)('GET', `/content/${item.id}/diff?from=1&to=2`);
    expect(diff.body).toEqual([
      { kind: 'changed', path: 'summary', before: 'Bản đầu', after: 'Bản hai' },
      { kind: 'changed', path: 'title', before: 'Thông báo lịch tiêm', after: 'Thông báo lịch tiêm (sửa)' },
    ]);
    const restored = await as(editorYte)('POST', `/content/${item.id}/revisions/1/restore`, { expectedRevision: 2 });
    expect(restored.body).toMatchObject({ title: 'Thông báo lịch tiêm', summary: 'Bản đầu', revision: 3 });
    expect((await as(editorYte)('GET', `/content/${item.id}/revisions/3`)).body.restoredFrom).toBe(1);
    expect((await as(editorYte)('GET', `/content/${item.id}/revisions/9`)).status).toBe(404);
    await expect(ctx.asOwner((c) => c.query(`UPDATE content_revision SET title = 'x'`))).rejects.toThrow(/append-only/);
  });

  it('portal contributions name their unit; unit roles reach their unit only', async () => {
    const noUnit = await as(editorYte)('POST', '/content', { site: 'portal', type: 'news', title: 'Tin gửi Cổng' });
    expect(noUnit.body.code).toBe('CONTENT_UNIT_REQUIRED');
    const portal = await as(editorYte)('POST', '/content', { site: 'portal', unit: 'so-y-te', type: 'news', title: 'Tin gửi Cổng' });
    expect(portal.body).toMatchObject({ site: 'portal', unit: 'so-y-te', channel: 'portal' });
    expect((await as(editorYte)('POST', '/content', { site: 'portal', unit: 'so-xay-dung', type: 'news', title: 'Tin hộ' })).status).toBe(
      403,
    );
    expect((await as(editorYte)('POST', '/content', { site: 'so-xay-dung', type: 'news', title: 'Tin hộ' })).status).toBe(403);

    const other = (await as(admin)('POST', '/content', { site: 'so-xay-dung', type: 'news', title: 'Tin Sở Xây dựng' })).body;
    expect((await as(editorYte)('GET', `/content/${other.id}`)).status).toBe(404);
    expect((await as(editorYte)('PUT', `/content/${other.id}`, { expectedRevision: 1, title: 'Sửa hộ' })).status).toBe(404);
    const mine = await as(editorYte)('GET', '/content?limit=200');
    expect(mine.body.items.every((i: { unit: string }) => i.unit === 'so-y-te')).toBe(true);
    expect((await as(admin)('GET', '/content?site=so-xay-dung')).body.items.map((i: { id: string }) => i.id)).toContain(other.id);
  });

  it('issue 15: the staff list reads a page in one statement, whatever its size (no query per item)', async () => {
    for (let i = 0; i < 30; i++)
      await as(editorYte)('POST', '/content', {
        site: 'so-y-te',
        type: 'news',
        title: `Tin đếm truy vấn ${i}`,
        section: 'tin-tuc-thong-bao',
      });
    const page = (limit: number, site = '') => countQueries(() => as(admin)('GET', `/content?limit=${limit}${site}`));
    const small = await page(2);
    const large = await page(30);
    expect(small.result.body.items).toHaveLength(2);
    expect(large.result.body.items).toHaveLength(30);
    expect(large.result.body.items[0]).toMatchObject({ site: 'so-y-te', unit: 'so-y-te', section: 'tin-tuc-thong-bao' });
    expect(naming(large.statements, 'content_item')).toHaveLength(1);
    expect(large.statements.length).toBe(small.statements.length);
    // A site filter looks the site up once.
    const bySite = await page(30, '&site=so-y-te');
    expect(naming(bySite.statements, 'content_item')).toHaveLength(1);
    expect(bySite.statements.length).toBe(small.statements.length + 1);
    // Every other filter is a condition of the same statement (content-list-filters.e2e-spec.ts tests each).
    const filtered = await page(
      30,
      '&site=so-y-te&section=tin-tuc-thong-bao&unit=so-y-te&type=news&status=draft&q=dem%20truy%20van&updatedFrom=2026-01-01',
    );
    expect(filtered.result.body.items).toHaveLength(30);
    expect(naming(filtered.statements, 'content_item')).toHaveLength(1);
    expect(filtered.statements.length).toBe(small.statements.length + 1);
    expect((await as(admin)('GET', '/content?site=khong-co')).status).toBe(404);
  });

  it("describes the content types for the console's editor, labelled in Vietnamese; content.read needed", async () => {
    const res = await as(editorYte)('GET', '/content/types');
    expect(res.status).toBe(200);
    expect(res.body.map((t: { type: string }) => t.type)).toEqual([...CONTENT_TYPES]);
    const legal = res.body.find((t: { type: string }) => t.type === 'legal_document');
    expect(legal.label).toBe('Văn bản pháp luật');
    expect(legal.fields.find((f: { name: string }) => f.name === 'documentKind')).toMatchObject({
      label: 'Loại văn bản',
      presence: 'required',
      values: expect.arrayContaining([{ value: 'nghi-dinh', label: 'Nghị định' }]),
    });
    const fields = res.body.flatMap((t: { fields: { label: string; entry?: { fields: { label: string }[] } }[] }) => t.fields);
    expect(fields.every((f: { label: string }) => f.label.length > 1)).toBe(true);
    // Not an item id: the route is its own, not GET /content/{id}.
    expect((await lc.send('GET', '/api/v1/content/types')).status).toBe(401);
    const na = new Caller(api, 'nghe-an');
    const naAdmin = (await na.login('it.nghean', STRONG_PASSWORD)).body.accessToken;
    expect((await na.send('GET', '/api/v1/content/types', undefined, naAdmin)).body).toEqual(res.body);
  });

  it("never shows another province's items, even by id", async () => {
    const item = (await as(editorYte)('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Chỉ của Lào Cai' })).body;
    const na = new Caller(api, 'nghe-an');
    const naAdmin = (await na.login('it.nghean', STRONG_PASSWORD)).body.accessToken;
    expect((await na.send('GET', `/api/v1/content/${item.id}`, undefined, naAdmin)).status).toBe(404);
    expect((await na.send('PUT', `/api/v1/content/${item.id}`, { expectedRevision: 1, title: 'x' }, naAdmin)).status).toBe(404);
    expect((await na.send('GET', '/api/v1/content?limit=200', undefined, naAdmin)).body.items).toEqual([]);
  });

  it('publishing and taking down through the workflow set status, time and reason, and audit both', async () => {
    const item = (await as(editorYte)('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Sắp đăng' })).body;
    const before = Date.now();
    await publishThrough(lc, [editorYte], item.id);
    const published = (await as(editorYte)('GET', `/content/${item.id}`)).body;
    expect(published.status).toBe('published');
    expect(new Date(published.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const head = await invitedAccount(lc, admin, 'truong.yte', [{ role: 'unit_head', unit: 'so-y-te' }]);
    await takeDown(lc, head, item.id, 'Sai số liệu');
    expect((await as(head)('GET', `/content/${item.id}`)).body.status).toBe('withdrawn');
    const audit = await as(admin)('GET', `/audit?subject=${item.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['content.withdrawn', 'content.published']),
    );
  });
});
