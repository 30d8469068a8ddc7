import { PublicResponseCache } from '@cong/platform-cache';
import { SAMPLE_FIELDS, TestContext } from '@cong/testing';
import { XMLParser } from 'fast-xml-parser';
import { Client } from 'pg';
import Parser from 'rss-parser';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { publishThrough, takeDown } from './publishing';

describe('public read API (no sign-in): published only, per province, cached and invalidated', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let admin: string;
  let laoCaiId: string;
  let cache: PublicResponseCache;
  /** Published as production publishes: through the workflow, by the province's head of units and its editorial board. */
  let publishers: string[];
  const publish = (id: string) => publishThrough(lc, publishers, id);
  const withdraw = (id: string, reason: string) => takeDown(lc, publishers[0], id, reason);

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCaiId = await ctx.applySeed('lao-cai');
    await ctx.applySeed('nghe-an');
    api = await ApiUnderTest.start(ctx.config);
    lc = new Caller(api, 'lao-cai');
    admin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    cache = PublicResponseCache.connect(ctx.config.redis.url, ctx.config.redis.prefix);
    publishers = [
      await invitedAccount(lc, admin, 'truong.ubnd', [{ role: 'unit_head', unit: 'ubnd-tinh' }]),
      await invitedAccount(lc, admin, 'bbt.cong', [{ role: 'editorial_board' }]),
    ];
  });

  afterAll(async () => {
    await cache?.close();
    await api?.close();
    await ctx?.close();
  });

  const create = async (site: string, type: string, title: string, extra: Record<string, unknown> = {}) =>
    (await lc.send('POST', '/api/v1/content', { site, type, title, ...extra }, admin)).body as {
      id: string;
      slug: string;
      revision: number;
    };
  const pub = (path: string, headers: Record<string, string> = {}) =>
    api.request(`/api/v1/public${path}`, { headers: { 'x-tenant': 'lao-cai', ...headers } });

  it('lists published items only, newest first; never drafts; pages with a cursor', async () => {
    const draft = await create('so-y-te', 'news', 'Bản nháp chưa đăng');
    const older = await create('so-y-te', 'news', 'Tin cũ hơn', { section: 'tin-tuc-thong-bao' });
    const newer = await create('so-y-te', 'announcement', 'Thông báo mới hơn');
    await publish(older.id);
    await publish(newer.id);

    const list = await pub('/sites/so-y-te/items');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual(['Thông báo mới hơn', 'Tin cũ hơn']);
    expect(list.body.items.some((i: { id: string }) => i.id === draft.id)).toBe(false);
    expect((await pub(`/sites/so-y-te/items/${draft.slug}`)).status).toBe(404);
    expect((await pub('/sites/so-y-te/items?section=tin-tuc-thong-bao')).body.items.map((i: { id: string }) => i.id)).toEqual([older.id]);
    expect((await pub('/sites/so-y-te/items?type=announcement')).body.items.map((i: { id: string }) => i.id)).toEqual([newer.id]);

    const page1 = await pub('/sites/so-y-te/items?limit=1');
    const page2 = await pub(`/sites/so-y-te/items?limit=1&cursor=${page1.body.nextCursor}`);
    expect([page1.body.items[0].id, page2.body.items[0].id]).toEqual([newer.id, older.id]);
    expect((await pub('/sites/so-y-te/items?limit=0')).status).toBe(422);
  });

  it('refuses unknown, repeated and malformed parameters with a 422 naming each (they would also multiply cache entries)', async () => {
    const unknown = await pub('/sites/so-y-te/items?utm_source=zalo&limit=500');
    expect(unknown.status).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'utm_source']);
    expect((await pub('/sites/so-y-te/items?type=news&type=page')).body.errors).toEqual([
      { field: 'type', message: '`type` chỉ được ghi một lần.' },
    ]);
    expect((await pub('/search?q=a')).body.errors[0].field).toBe('q');
    expect((await pub('/search')).status).toBe(422);
    expect((await pub('/sites/Not_A_Site/items')).status).toBe(422);
    expect((await api.request('/api/v1/public/sites', { headers: { 'x-tenant': 'khong-co' } })).status).toBe(404);
  });

  it('serves an item by slug; an old slug answers 301 to the current one', async () => {
    const item = await create('so-y-te', 'news', 'Khánh thành bệnh viện đa khoa');
    await publish(item.id);
    const read = await pub(`/sites/so-y-te/items/${item.slug}`);
    expect(read.body).toMatchObject({ title: 'Khánh thành bệnh viện đa khoa', site: 'so-y-te', unit: 'so-y-te' });
    await lc.send(
      'PUT',
      `/api/v1/content/${item.id}`,
      { expectedRevision: 1, title: 'Khánh thành bệnh viện đa khoa tỉnh', slug: 'khanh-thanh-benh-vien' },
      admin,
    );
    const moved = await pub(`/sites/so-y-te/items/${item.slug}`);
    expect([moved.status, moved.headers.location]).toEqual([301, '/api/v1/public/sites/so-y-te/items/khanh-thanh-benh-vien']);
    expect((await pub('/sites/so-y-te/items/khanh-thanh-benh-vien')).body.title).toBe('Khánh thành bệnh viện đa khoa tỉnh');
  });

  it('answers with ETag and Cache-Control, 304 for a current copy, and drops the cache on publish and withdraw', async () => {
    const first = await pub('/sites/tp-lao-cai/items');
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60, stale-if-error=3600');
    expect((await pub('/sites/tp-lao-cai/items', { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
    expect(first.body.items).toEqual([]);

    const item = await create('tp-lao-cai', 'news', 'Lễ hội hoa tam giác mạch');
    await publish(item.id);
    const afterPublish = await pub('/sites/tp-lao-cai/items', { 'if-none-match': String(first.headers.etag) });
    expect(afterPublish.status).toBe(200);
    expect(afterPublish.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    await withdraw(item.id, 'Thông tin chưa chính xác');
    expect((await pub('/sites/tp-lao-cai/items')).body.items).toEqual([]);
    // Withdrawn: 410 Gone (it was published here), not a 404 that says it never existed.
    const gone = await pub(`/sites/tp-lao-cai/items/${item.slug}`);
    expect([gone.status, gone.body.code]).toEqual([410, 'CONTENT_GONE']);
  });

  it('finds "Nghệ An" from "nghe an" and "NGHE AN"; legal documents by number and issuer, procedures by field', async () => {
    const news = await create('portal', 'news', 'Đoàn công tác tỉnh Nghệ An thăm Lào Cai', { unit: 'van-phong-ubnd-tinh' });
    const legal = await create('so-y-te', 'legal_document', 'Quy định cung cấp thông tin', { fields: SAMPLE_FIELDS.legal_document });
    const procedure = await create('so-y-te', 'procedure', 'Cấp giấy phép hành nghề', {
      fields: { ...SAMPLE_FIELDS.procedure, field: 'Khám bệnh, chữa bệnh' },
    });
    for (const id of [news.id, legal.id, procedure.id]) await publish(id);

    // A list page (built by Postgres) says what the item itself says, legal status included.
    const page = (await pub('/sites/so-y-te/items?limit=100')).body.items as Record<string, unknown>[];
    for (const id of [legal.id, procedure.id]) {
      const listed = page.find((i) => i.id === id)!;
      const { body: _body, fields: _fields, site: _site, ...own } = (await pub(`/sites/so-y-te/items/${listed.slug}`)).body;
      expect(listed).toEqual(own);
    }
    expect(page.find((i) => i.id === legal.id)!.legalStatus).toBe('in_effect');

    // A typo no word matches ("Ca" for "Cai") falls back to trigram similarity on the title.
    expect(
      (await pub(`/search?q=${encodeURIComponent('doan cong tac tinh nghe an tham lao ca')}`)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([news.id]);

    for (const q of ['nghe an', 'NGHE AN', 'Nghệ An', 'nghẹ an']) {
      const found = await pub(`/search?q=${encodeURIComponent(q)}`);
      expect({ q, ids: found.body.items.map((i: { id: string }) => i.id) }).toEqual({ q, ids: [news.id] });
    }
    const byNumber = await pub(`/search?q=${encodeURIComponent('07/2006/QĐ-UBND')}&type=legal_document`);
    expect(byNumber.body.items).toEqual([expect.objectContaining({ id: legal.id, legalStatus: 'in_effect' })]);
    expect(
      (await pub(`/search?q=${encodeURIComponent('quy dinh')}&issuingBody=${encodeURIComponent('ubnd tinh lao cai')}`)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([legal.id]);
    expect(
      (await pub(`/search?q=${encodeURIComponent('giay phep')}&field=${encodeURIComponent('kham benh')}`)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([procedure.id]);
    expect((await pub('/search?q=x')).status).toBe(422);
  });

  it('filters legal documents by status on the province date and by issue dates; refuses bad bounds with 422s', async () => {
    const base = { ...SAMPLE_FIELDS.legal_document, issuingBody: 'UBND tỉnh Lào Cai' };
    const doc = async (title: string, fields: Record<string, unknown>) => {
      const item = await create('so-tu-phap', 'legal_document', title, { fields: { ...base, ...fields } });
      await publish(item.id);
      return item.id;
    };
    const inEffect = await doc('Quy chế văn thư lưu trữ', {
      number: '01/2020/QĐ-UBND',
      issuedOn: '2020-03-01',
      effectiveFrom: '2020-03-15',
    });
    const expired = await doc('Quy chế văn thư cũ', {
      number: '02/2010/QĐ-UBND',
      issuedOn: '2010-01-05',
      effectiveFrom: '2010-01-20',
      expiresOn: '2020-03-15',
    });
    const future = await doc('Quy chế văn thư mới', { number: '03/2099/QĐ-UBND', issuedOn: '2026-01-02', effectiveFrom: '2099-01-01' });
    const replaced = await doc('Quy chế văn thư bị thay thế', {
      number: '04/2015/QĐ-UBND',
      issuedOn: '2015-06-01',
      effectiveFrom: '2015-06-15',
      replacedBy: inEffect,
    });

    const ids = async (query: string) =>
      (await pub(`/search?q=${encodeURIComponent('quy che van thu')}&type=legal_document${query}`)).body.items as {
        id: string;
        legalStatus: string;
      }[];
    expect((await ids('')).map((i) => i.id).sort()).toEqual([inEffect, expired, future, replaced].sort());
    for (const [status, id] of [
      ['in_effect', inEffect],
      ['expired', expired],
      ['not_yet_effective', future],
      ['replaced', replaced],
    ]) {
      const found = await ids(`&legalStatus=${status}`);
      expect({ status, found }).toEqual({ status, found: [expect.objectContaining({ id, legalStatus: status })] });
    }
    expect((await ids('&issuedFrom=2015-01-01&issuedTo=2020-12-31')).map((i) => i.id).sort()).toEqual([inEffect, replaced].sort());
    expect((await ids('&issuedFrom=2026-01-02')).map((i) => i.id)).toEqual([future]);

    expect((await pub('/search?q=quy+che&legalStatus=valid')).body.errors).toEqual([
      { field: 'legalStatus', message: '`legalStatus` phải là một trong: not_yet_effective, in_effect, expired, replaced.' },
    ]);
    expect((await pub('/search?q=quy+che&issuedFrom=2020-13-01')).body.errors).toEqual([
      { field: 'issuedFrom', message: '`issuedFrom` phải là một ngày dạng YYYY-MM-DD.' },
    ]);
    const backwards = await pub('/search?q=quy+che&issuedFrom=2021-01-01&issuedTo=2020-01-01');
    expect([backwards.status, backwards.body.errors]).toEqual([
      422,
      [{ field: 'issuedTo', message: '`issuedTo` không được trước `issuedFrom`.' }],
    ]);
  });

  it("searches a table of published items' words only, kept current by every change to an item", async () => {
    const reader = new Client({ connectionString: ctx.config.database.publicUrl });
    await reader.connect();
    const indexed = async (id: string) =>
      (await reader.query(`SELECT search_title FROM content_public_search WHERE item_id = $1`, [id])).rows.map((r) => r.search_title);
    const found = async (q: string) => ((await pub(`/search?q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).map((i) => i.id);
    try {
      const item = await create('so-y-te', 'news', 'Tiêm chủng mở rộng tại Bát Xát');
      expect(await indexed(item.id)).toEqual([]);
      await publish(item.id);
      expect(await indexed(item.id)).toEqual(['tiem chung mo rong tai bat xat']);
      expect(await found('tiem chung bat xat')).toEqual([item.id]);

      await lc.send('PUT', `/api/v1/content/${item.id}`, { expectedRevision: 1, title: 'Tiêm chủng mở rộng tại Mường Khương' }, admin);
      expect(await found('tiem chung muong khuong')).toEqual([item.id]);
      expect(await found('bat xat')).toEqual([]);

      await withdraw(item.id, 'Sai địa danh');
      expect(await indexed(item.id)).toEqual([]);
      expect(await found('tiem chung muong khuong')).toEqual([]);

      // Under row-level security Postgres uses an index for a condition only if the condition is
      // leakproof or no row policy must go first. The search table's policy admits every row, so the
      // words are matched in the index (on content_item the public reader could only filter).
      await reader.query('SET enable_seqscan = off');
      const plan = (
        await reader.query(`EXPLAIN (FORMAT JSON) SELECT item_id FROM content_public_search
        WHERE search_words @@ plainto_tsquery('simple', 'tiem')`)
      ).rows[0]['QUERY PLAN'][0].Plan;
      expect(plan).toMatchObject({
        'Node Type': 'Bitmap Heap Scan',
        Plans: [{ 'Index Name': 'content_public_search_words', 'Index Cond': "(search_words @@ '''tiem'''::tsquery)" }],
      });
    } finally {
      await reader.end();
    }
  });

  it('publishes RSS 2.0 and Atom feeds (per site and section) and a sitemap, with the newest published items', async () => {
    const items = [];
    // Published one after the other: the second is the newer.
    for (const title of ['Tin thứ nhất về Sa Pa', 'Tin thứ hai về Sa Pa']) {
      const item = await create('h-sa-pa', 'news', title, { summary: `Tóm tắt: ${title}`, section: 'thu-tuc-hanh-chinh' });
      await publish(item.id);
      items.push(item);
    }
    await create('h-sa-pa', 'news', 'Bản nháp không lên feed');
    const parser = new Parser();
    const rss = await pub('/sites/h-sa-pa/feed.rss');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const rssFeed = await parser.parseString(rss.text);
    expect(rssFeed.title).toBe('Huyện Sa Pa');
    expect(rssFeed.items.map((i) => i.title)).toEqual(['Tin thứ hai về Sa Pa', 'Tin thứ nhất về Sa Pa']);
    expect(rssFeed.items[0].link).toBe(`https://laocai.gov.vn/h-sa-pa/${items[1].slug}`);

    const atom = await parser.parseString((await pub('/sites/h-sa-pa/feed.atom?section=thu-tuc-hanh-chinh')).text);
    expect(atom.items.map((i) => i.title)).toEqual(['Tin thứ hai về Sa Pa', 'Tin thứ nhất về Sa Pa']);
    expect((await parser.parseString((await pub('/sites/h-sa-pa/feed.rss?section=giao-tiep-truc-tuyen')).text)).items).toEqual([]);

    const sitemap = new XMLParser().parse((await pub('/sites/h-sa-pa/sitemap.xml')).text);
    const urls = [sitemap.urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(urls.sort()).toEqual(items.map((i) => `https://laocai.gov.vn/h-sa-pa/${i.slug}`).sort());
    expect((await pub('/sites/khong-co/feed.rss')).status).toBe(404);

    // An item without a summary has no description (never the word "undefined").
    const bare = await create('h-sa-pa', 'news', 'Tin không có tóm tắt');
    await publish(bare.id);
    const withBare = await pub('/sites/h-sa-pa/feed.rss');
    expect(withBare.text).not.toContain('undefined');
    expect((await parser.parseString(withBare.text)).description).toBe('Thông tin mới đăng trên Huyện Sa Pa');
    const bareEntry = (await parser.parseString(withBare.text)).items.find((i) => i.title === 'Tin không có tóm tắt');
    expect(bareEntry).toBeDefined();
    expect(bareEntry?.content).toBeUndefined();
    expect((await parser.parseString((await pub('/sites/h-sa-pa/feed.atom')).text)).items.map((i) => i.title)).toContain(
      'Tin không có tóm tắt',
    );
  });

  it('issue 14 stored XSS: a title or summary with markup written as entities reaches no surface as markup', async () => {
    const payload = 'Thủ tục &#60;img src=x onerror=alert(1)&#62;';
    const item = await create('h-sa-pa', 'news', payload, { summary: `Tóm tắt &lt;script&gt;alert(1)&lt;/script&gt; ${payload}` });
    const staff = await lc.send('GET', `/api/v1/content/${item.id}`, undefined, admin);
    expect(staff.body.title).toBe('Thủ tục');
    await publish(item.id);
    const surfaces = [
      staff.text,
      (await pub(`/sites/h-sa-pa/items/${item.slug}`)).text,
      (await pub('/sites/h-sa-pa/items')).text,
      (await pub('/search?q=thu+tuc')).text,
      (await pub('/sites/h-sa-pa/feed.rss')).text,
      (await pub('/sites/h-sa-pa/feed.atom')).text,
      (await pub('/sites/h-sa-pa/sitemap.xml')).text,
    ];
    for (const text of surfaces) {
      expect(text).not.toMatch(/<(img|script)\b/i);
      expect(text).not.toMatch(/&lt;(img|script)\b/i);
      expect(text).not.toMatch(/&#0*60;(img|script)/i);
    }
  });

  it('links feeds and sitemaps of a sub-site with its own domain there, and answers for the province on that domain', async () => {
    // What applying `portal.subsiteDomains` stores (tested with onboarding): the site's domain, and the
    // domain among the province's.
    await ctx.asOwner(async (c) => {
      await c.query(`UPDATE sites_site SET domain = 'sapa.laocai.gov.vn' WHERE tenant_id = $1 AND path = '/h-sa-pa'`, [laoCaiId]);
      await c.query(`INSERT INTO tenancy_tenant_domain (tenant_id, domain, is_primary) VALUES ($1, 'sapa.laocai.gov.vn', false)`, [
        laoCaiId,
      ]);
    });
    await cache.invalidate(laoCaiId);
    const item = await create('h-sa-pa', 'news', 'Mùa hoa đỗ quyên ở Sa Pa');
    await publish(item.id);

    const onItsDomain = (path: string) => api.request(`/api/v1/public${path}`, { headers: { host: 'sapa.laocai.gov.vn' } });
    expect((await onItsDomain('/sites')).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'h-sa-pa', domain: 'sapa.laocai.gov.vn' })]),
    );
    const rss = await new Parser().parseString((await onItsDomain('/sites/h-sa-pa/feed.rss')).text);
    expect(rss.link).toBe('https://sapa.laocai.gov.vn');
    expect(rss.items[0].link).toBe(`https://sapa.laocai.gov.vn/${item.slug}`);
    const sitemap = new XMLParser().parse((await onItsDomain('/sites/h-sa-pa/sitemap.xml')).text);
    expect([sitemap.urlset.url].flat().map((u: { loc: string }) => u.loc)).toContain(`https://sapa.laocai.gov.vn/${item.slug}`);
    // Other sites keep their path on the province's primary domain.
    expect((await new Parser().parseString((await pub('/sites/portal/feed.rss')).text)).link).toBe('https://laocai.gov.vn');
  });

  it("never shows another province's items, and the public role cannot read a draft even when it asks", async () => {
    const naList = await api.request('/api/v1/public/sites/so-y-te/items', { headers: { 'x-tenant': 'nghe-an' } });
    expect(naList.body.items).toEqual([]);
    expect(
      (await api.request(`/api/v1/public/search?q=${encodeURIComponent('nghe an')}`, { headers: { 'x-tenant': 'nghe-an' } })).body.items,
    ).toEqual([]);
    // A Nghệ An site asked of Lào Cai is no site at all there.
    expect((await api.request('/api/v1/public/sites/tp-vinh/items', { headers: { 'x-tenant': 'lao-cai' } })).status).toBe(404);

    const reader = new Client({ connectionString: ctx.config.database.publicUrl });
    await reader.connect();
    try {
      const { rows } = await reader.query(`SELECT status, count(*)::int AS n FROM content_item GROUP BY status ORDER BY status`);
      expect(rows).toEqual([{ status: 'published', n: expect.any(Number) }]);
      await expect(reader.query(`UPDATE content_item SET title = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(reader.query(`SELECT count(*) FROM accounts_user`)).rejects.toThrow(/permission denied/);
    } finally {
      await reader.end();
    }
  });
});
