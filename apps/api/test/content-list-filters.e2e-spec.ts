import { ContentItem } from '@cong/content';
import { countQueries, naming } from '@cong/testing';
import { Caller, invitedAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * The staff list's filters for the admin console (`GET /api/v1/content`): section, unit, author,
 * days of last change in the province's zone, and accent-insensitive words; combined, paged by
 * keyset, one statement per page, and never another province's items.
 */
describe("the staff content list's filters: section, unit, author, updated days, words", () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  let lc: Caller;
  let admin: string;
  let editor: string;
  let editorId: string;
  let adminId: string;
  const ids: Record<string, string> = {};

  const list = async (query: string, token = admin) => {
    const res = await lc.send('GET', `/api/v1/content?${query}`, undefined, token);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; title: string }[]; nextCursor: string | null };
  };
  /** The names (keys of `ids`) of this spec's items in a page, in the page's order. */
  const names = (page: { items: { id: string }[] }) =>
    page.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).filter((n): n is string => !!n);
  const problem = (query: string) => lc.send('GET', `/api/v1/content?${query}`, undefined, admin);
  const at = (name: string, instant: string) =>
    seeded.ctx.db.transaction(seeded.laoCaiId, (m) =>
      m.getRepository(ContentItem).update({ id: ids[name] }, { updatedAt: new Date(instant) }),
    );

  beforeAll(async () => {
    seeded = await seededApi();
    ({ lc, admin } = seeded);
    editor = await invitedAccount(lc, admin, 'bientap.loc', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    editorId = (await lc.send('GET', '/api/v1/auth/me', undefined, editor)).body.id;
    adminId = (await lc.send('GET', '/api/v1/auth/me', undefined, admin)).body.id;
    const create = async (name: string, token: string, body: Record<string, unknown>) => {
      const res = await lc.send('POST', '/api/v1/content', { type: 'news', ...body }, token);
      if (res.status !== 201) throw new Error(res.text);
      ids[name] = res.body.id;
    };
    // By the editor, on the Sở Y tế sub-site.
    await create('visit', editor, { site: 'so-y-te', title: 'Đoàn công tác tỉnh Nghệ An thăm Sở Y tế', section: 'tin-tuc-thong-bao' });
    await create('vaccines', editor, {
      site: 'so-y-te',
      type: 'announcement',
      title: 'Lịch tiêm chủng tháng Tư',
      summary: 'Áp dụng cho các trạm y tế xã; học tập kinh nghiệm Nghệ An',
    });
    await create('guide', editor, { site: 'so-y-te', title: 'Hướng dẫn phòng bệnh mùa mưa', section: 'gioi-thieu-chung' });
    // By the IT centre: a portal item contributed by Sở Xây dựng, and a revision of the editor's guide.
    await create('building', admin, { site: 'portal', unit: 'so-xay-dung', title: 'Quy hoạch xây dựng vùng Nghệ An mở rộng' });
    const guide = await lc.send(
      'PUT',
      `/api/v1/content/${ids.guide}`,
      { expectedRevision: 1, title: 'Hướng dẫn phòng bệnh mùa mưa bão' },
      admin,
    );
    expect(guide.status).toBe(200);
    // The other province: the same words, a unit of the same code.
    const na = await seeded.na.send(
      'POST',
      '/api/v1/content',
      { site: 'so-y-te', type: 'news', title: 'Nghệ An: tin của Sở Y tế Nghệ An' },
      seeded.naAdmin,
    );
    expect(na.status).toBe(201);
    ids.otherProvince = na.body.id;
    // Days of last change, either side of midnight in Asia/Ho_Chi_Minh (UTC+7).
    await at('visit', '2026-03-31T17:30:00Z'); // 1 April 00:30 there
    await at('vaccines', '2026-03-31T16:30:00Z'); // 31 March 23:30 there
    await at('guide', '2026-04-15T03:00:00Z');
    await at('building', '2026-05-02T03:00:00Z');
  });
  afterAll(() => seeded?.close());

  it('section: items of a section of the site; without site a 400 naming it', async () => {
    expect(names(await list('site=so-y-te&section=tin-tuc-thong-bao'))).toEqual(['visit']);
    expect(names(await list('site=so-y-te&section=gioi-thieu-chung'))).toEqual(['guide']);
    expect(names(await list('site=portal&section=tin-tuc-thong-bao'))).toEqual([]);
    const res = await problem('section=tin-tuc-thong-bao');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'CONTENT_SECTION_NEEDS_SITE', errors: [{ field: 'section' }] });
    expect(res.body.detail).toMatch(/chuyên mục/);
  });

  it("unit: a sub-site's items and those contributed to the portal; within the caller's reach only", async () => {
    expect(names(await list('unit=so-y-te')).sort()).toEqual(['guide', 'vaccines', 'visit']);
    expect(names(await list('unit=so-xay-dung'))).toEqual(['building']);
    expect(names(await list('unit=so-xay-dung', editor))).toEqual([]);
    expect(names(await list('unit=khong-co'))).toEqual([]);
  });

  it('author: items a user created or saved a revision of', async () => {
    expect(names(await list(`author=${editorId}`)).sort()).toEqual(['guide', 'vaccines', 'visit']);
    // The IT centre created `building` and saved revision 2 of the editor's `guide`.
    expect(names(await list(`author=${adminId}`)).sort()).toEqual(['building', 'guide']);
    expect((await problem('author=not-a-user')).status).toBe(422);
  });

  it("updatedFrom / updatedTo: the days of last change in the province's zone, both inclusive", async () => {
    expect(names(await list('updatedFrom=2026-04-01&updatedTo=2026-04-01'))).toEqual(['visit']);
    expect(names(await list('updatedFrom=2026-03-31&updatedTo=2026-03-31'))).toEqual(['vaccines']);
    expect(names(await list('updatedFrom=2026-03-31&updatedTo=2026-04-15'))).toEqual(['guide', 'visit', 'vaccines']);
    expect(names(await list('updatedFrom=2026-04-02&updatedTo=2026-05-02'))).toEqual(['building', 'guide']);
    expect(names(await list('updatedTo=2026-03-31'))).toEqual(['vaccines']);
  });

  it.each([
    ['updatedFrom=2026-02-30', 'CONTENT_BAD_DATE', 'updatedFrom'],
    ['updatedTo=01/04/2026', 'CONTENT_BAD_DATE', 'updatedTo'],
    ['updatedFrom=2026-4-1', 'CONTENT_BAD_DATE', 'updatedFrom'],
    ['updatedFrom=2026-04-02&updatedTo=2026-04-01', 'CONTENT_BAD_DATE_RANGE', 'updatedFrom'],
  ])('refuses %s with a Vietnamese 400 naming the field', async (query, code, field) => {
    const res = await problem(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, errors: [{ field }] });
    expect(res.body.detail).toMatch(/ngày/);
  });

  it("q: words of the title or summary, accents and case ignored; never another province's items", async () => {
    expect(names(await list('q=nghe%20an')).sort()).toEqual(['building', 'vaccines', 'visit']);
    expect(names(await list(`q=${encodeURIComponent('NGHỆ AN')}`)).sort()).toEqual(['building', 'vaccines', 'visit']);
    expect(names(await list('q=tiem%20chung'))).toEqual(['vaccines']);
    expect(names(await list('q=%25'))).toEqual([]); // a LIKE wildcard is a character like any other
    expect(names(await list('q=%20%20'))).toEqual(names(await list('')));
    const everything = await list('limit=200&q=nghe%20an');
    expect(everything.items.map((i) => i.id)).not.toContain(ids.otherProvince);
    expect((await problem(`q=${'a'.repeat(201)}`)).status).toBe(422);
    // Bytes that are no UTF-8, an emoji, quotes: answered, never a 500.
    for (const odd of ['%ED%A0%80', '%F0%9F%98%80', '%27%22%5C', '%E1%BB'])
      expect({ odd, status: (await problem(`q=${odd}`)).status }).toEqual({ odd, status: 200 });
  });

  it("another province's item never appears, whatever the filter", async () => {
    const naUnit = await list('limit=200&unit=so-y-te');
    const naSite = await list('limit=200&site=so-y-te&q=nghe%20an');
    for (const page of [naUnit, naSite]) expect(page.items.map((i) => i.id)).not.toContain(ids.otherProvince);
    // And the other province sees its own, not these.
    const theirs = await seeded.na.send('GET', '/api/v1/content?limit=200&q=nghe%20an', undefined, seeded.naAdmin);
    expect(theirs.body.items.map((i: { id: string }) => i.id)).toEqual([ids.otherProvince]);
  });

  it('filters combine, and keyset paging keeps them: every page under the same filters, no item twice', async () => {
    expect(names(await list(`unit=so-y-te&author=${adminId}`))).toEqual(['guide']);
    expect(names(await list('site=so-y-te&q=nghe%20an&updatedTo=2026-03-31'))).toEqual(['vaccines']);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=1&q=nghe%20an&updatedFrom=2026-03-31${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['building', 'visit', 'vaccines']);
  });

  it('one statement reads a page whatever the filters (a site filter adds its one lookup)', async () => {
    // The province lookup is cached for 30 s: on a slow run it may be read again during either
    // request. It is the same with or without filters, so it is left out of the comparison.
    const work = (run: { statements: string[] }) => run.statements.filter((st) => naming([st], 'tenancy_tenant').length === 0);
    const plain = await countQueries(() => list('limit=50'));
    const filtered = await countQueries(() =>
      list(
        `limit=50&site=so-y-te&section=tin-tuc-thong-bao&type=news&status=draft&unit=so-y-te&author=${editorId}` +
          '&updatedFrom=2026-03-01&updatedTo=2026-04-30&q=nghe%20an',
      ),
    );
    expect(names(filtered.result)).toEqual(['visit']);
    expect(naming(filtered.statements, 'content_item')).toHaveLength(1);
    expect(work(filtered).length).toBe(work(plain).length + 1);
  });
});
