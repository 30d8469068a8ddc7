import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount } from './auth-session';
import { publishThrough } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

interface Node {
  slug: string;
  title: string;
  children: Node[];
}

describe("a site's navigation: sections added, renamed, moved and removed by the unit or the IT centre", () => {
  let seeded: SeededApi;
  let api: ApiUnderTest;
  let lc: Caller;
  let admin: string;
  let head: string;
  let editor: string;
  let naAdmin: string;

  beforeAll(async () => {
    seeded = await seededApi();
    ({ api, lc, admin, naAdmin } = seeded);
    head = await invitedAccount(lc, admin, 'head.soyte', [{ role: 'unit_head', unit: 'so-y-te' }]);
    editor = await invitedAccount(lc, admin, 'editor.soyte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
  });

  afterAll(() => seeded?.close());

  const sections = (path = 'so-y-te') => `/api/v1/sites/${path}/sections`;
  const top = (body: { sections: Node[] }) => body.sections.map((s) => s.slug);
  const find = (nodes: Node[], slug: string): Node | undefined =>
    nodes.map((n) => (n.slug === slug ? n : find(n.children, slug))).find(Boolean);
  const publicSite = async (site = 'so-y-te') =>
    (await api.request(`/api/v1/public/sites/${site}`, { headers: { 'x-tenant': 'lao-cai' } })).body;

  it("adds a section (slug folded from its title) where it is asked to go, and citizens see the site's navigation", async () => {
    const before = await publicSite();
    expect(top(before)).toEqual([
      'gioi-thieu-chung',
      'van-ban-phap-quy',
      'thu-tuc-hanh-chinh',
      'tin-tuc-thong-bao',
      'giao-tiep-truc-tuyen',
    ]);

    const added = await lc.send('POST', sections(), { title: 'Hỏi đáp chính sách y tế', position: 1 }, head);
    expect(added.status).toBe(201);
    expect(top(added.body)).toEqual([
      'gioi-thieu-chung',
      'hoi-dap-chinh-sach-y-te',
      'van-ban-phap-quy',
      'thu-tuc-hanh-chinh',
      'tin-tuc-thong-bao',
      'giao-tiep-truc-tuyen',
    ]);
    // The public navigation is a cached answer: the change dropped it.
    const after = await publicSite();
    expect(after).toMatchObject({ key: 'so-y-te', path: '/so-y-te', title: 'Sở Y tế', domain: null });
    expect(top(after)).toEqual(top(added.body));
    // The sections the rules prescribe are marked; those the unit adds are not.
    expect(find(added.body.sections, 'gioi-thieu-chung')).toMatchObject({ required: true });
    expect(find(added.body.sections, 'hoi-dap-chinh-sach-y-te')).toMatchObject({ required: false });
    expect(find(after.sections, 'gioi-thieu-chung')!.children.map((c) => c.slug)).toEqual([
      'co-cau-to-chuc',
      'chuc-nang-nhiem-vu',
      'quy-hoach-phat-trien',
      'du-an-keu-goi-dau-tu',
    ]);

    const child = await lc.send('POST', sections(), { title: 'Bảo hiểm y tế', slug: 'bhyt', parent: 'hoi-dap-chinh-sach-y-te' }, head);
    expect(find(child.body.sections, 'hoi-dap-chinh-sach-y-te')!.children).toEqual([
      { id: expect.any(String), slug: 'bhyt', title: 'Bảo hiểm y tế', required: false, children: [] },
    ]);
    expect((await api.request('/api/v1/public/sites/khong-co', { headers: { 'x-tenant': 'lao-cai' } })).status).toBe(404);
  });

  it('renames, moves under another section and reorders; refuses a cycle, a fourth level, an unknown parent, a taken slug and bad titles', async () => {
    const renamed = await lc.send('PATCH', `${sections()}/hoi-dap-chinh-sach-y-te`, { title: 'Hỏi đáp', position: 5 }, admin);
    expect(renamed.status).toBe(200);
    expect(top(renamed.body).at(-1)).toBe('hoi-dap-chinh-sach-y-te');
    expect(find(renamed.body.sections, 'hoi-dap-chinh-sach-y-te')!.title).toBe('Hỏi đáp');

    const moved = await lc.send('PATCH', `${sections()}/bhyt`, { parent: 'tin-tuc-thong-bao', position: 0 }, head);
    expect(find(moved.body.sections, 'tin-tuc-thong-bao')!.children.map((c) => c.slug)).toEqual(['bhyt']);
    expect(find(moved.body.sections, 'hoi-dap-chinh-sach-y-te')!.children).toEqual([]);
    const back = await lc.send('PATCH', `${sections()}/bhyt`, { parent: null }, head);
    expect(top(back.body)).toContain('bhyt');

    const errors = async (method: string, path: string, body: unknown) => {
      const res = await lc.send(method, path, body, admin);
      return [res.status, res.body.code, res.body.errors];
    };
    await lc.send('PATCH', `${sections()}/bhyt`, { parent: 'hoi-dap-chinh-sach-y-te' }, admin);
    expect(await errors('PATCH', `${sections()}/hoi-dap-chinh-sach-y-te`, { parent: 'bhyt' })).toEqual([
      422,
      'PLATFORM_VALIDATION_FAILED',
      [{ field: 'parent', message: '"hoi-dap-chinh-sach-y-te" không thể nằm dưới chính nó hay một chuyên mục con của nó.' }],
    ]);
    await lc.send('POST', sections(), { title: 'Thẻ bảo hiểm', slug: 'the-bhyt', parent: 'bhyt' }, admin);
    expect(await errors('POST', sections(), { title: 'Cấp lại thẻ', parent: 'the-bhyt' })).toEqual([
      422,
      'PLATFORM_VALIDATION_FAILED',
      [{ field: 'parent', message: 'Chuyên mục chỉ được lồng tối đa 3 cấp.' }],
    ]);
    expect(await errors('PATCH', `${sections()}/hoi-dap-chinh-sach-y-te`, { parent: 'gioi-thieu-chung' })).toEqual([
      422,
      'PLATFORM_VALIDATION_FAILED',
      [{ field: 'parent', message: 'Chuyên mục chỉ được lồng tối đa 3 cấp.' }],
    ]);
    expect(await errors('POST', sections(), { title: 'Mục mới', parent: 'khong-co' })).toEqual([
      422,
      'PLATFORM_VALIDATION_FAILED',
      [{ field: 'parent', message: '"khong-co" không phải là chuyên mục của trang này.' }],
    ]);
    expect(await errors('POST', sections(), { title: 'Khác', slug: 'bhyt' })).toEqual([
      409,
      'SITES_SECTION_SLUG_TAKEN',
      [{ field: 'slug', message: '"bhyt" đã là một chuyên mục của trang này.' }],
    ]);
    expect((await errors('POST', sections(), { title: 'A' }))[0]).toBe(422);
    expect((await errors('POST', sections(), { title: '<b>Mục</b>' }))[0]).toBe(422);
    expect((await errors('POST', sections(), { title: 'Mục', slug: 'Không Hợp Lệ' }))[2]).toEqual([
      { field: 'slug', message: 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ tin-tuc).' },
    ]);
    expect((await errors('PATCH', `${sections()}/khong-co`, { title: 'Mục' }))[0]).toBe(422);
  });

  it('removes only empty sections the rules do not require; nothing is lost when it refuses', async () => {
    const errors = async (slug: string) => {
      const res = await lc.send('DELETE', `${sections()}/${slug}`, undefined, admin);
      return [res.status, res.body.code];
    };
    // LC-2.1.1: every department's sub-site has these sections.
    expect(await errors('tin-tuc-thong-bao')).toEqual([409, 'SITES_SECTION_REQUIRED']);
    expect(await errors('hoi-dap-chinh-sach-y-te')).toEqual([409, 'SITES_SECTION_NOT_EMPTY']);

    const item = await lc.send(
      'POST',
      '/api/v1/content',
      { site: 'so-y-te', type: 'news', title: 'Cấp thẻ bảo hiểm y tế cho trẻ em', section: 'the-bhyt' },
      admin,
    );
    await publishThrough(lc, [head], item.body.id);
    expect(await errors('the-bhyt')).toEqual([409, 'SITES_SECTION_NOT_EMPTY']);
    const listed = await api.request('/api/v1/public/sites/so-y-te/items?section=the-bhyt', { headers: { 'x-tenant': 'lao-cai' } });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([item.body.id]);

    await lc.send(
      'PUT',
      `/api/v1/content/${item.body.id}`,
      { expectedRevision: 1, title: item.body.title, section: 'tin-tuc-thong-bao' },
      admin,
    );
    const removed = await lc.send('DELETE', `${sections()}/the-bhyt`, undefined, admin);
    expect(removed.status).toBe(200);
    expect(find(removed.body.sections, 'the-bhyt')).toBeUndefined();
    expect(find((await publicSite()).sections, 'the-bhyt')).toBeUndefined();

    const audit = await lc.send('GET', '/api/v1/audit?limit=50', undefined, admin);
    const changes = audit.body.items.filter((e: { action: string }) => e.action === 'sites.section_changed');
    expect(changes[0]).toMatchObject({ details: { site: '/so-y-te', removed: 'the-bhyt' } });
    expect(changes.length).toBeGreaterThanOrEqual(6);
  });

  it("lets a unit's head arrange its own sub-site only; editors and other units cannot; the portal is the IT centre's", async () => {
    const add = (site: string, token: string) => lc.send('POST', sections(site), { title: 'Mục thử quyền' }, token);
    expect((await add('so-tai-chinh', head)).status).toBe(403);
    expect((await add('portal', head)).status).toBe(403);
    expect((await add('so-y-te', editor)).status).toBe(403);
    expect((await add('portal', admin)).status).toBe(201);
    expect(top(await publicSite('portal'))).toContain('muc-thu-quyen');
  });

  it("never reaches another province's sites", async () => {
    // A Nghệ An token is not accepted by Lào Cai at all.
    const smuggled = await lc.send('POST', sections(), { title: 'Mục lạ' }, naAdmin);
    expect(smuggled.status).toBe(401);
    // Nghệ An's own so-y-te is a different site: changing it leaves Lào Cai's as it was.
    const na = new Caller(api, 'nghe-an');
    const before = top(await publicSite());
    expect((await na.send('POST', sections(), { title: 'Mục của Nghệ An' }, naAdmin)).status).toBe(201);
    expect(top(await publicSite())).toEqual(before);
    const naSite = (await api.request('/api/v1/public/sites/so-y-te', { headers: { 'x-tenant': 'nghe-an' } })).body;
    expect(top(naSite)).toContain('muc-cua-nghe-an');
    expect(top(naSite)).not.toContain('hoi-dap-chinh-sach-y-te');
  });
});
