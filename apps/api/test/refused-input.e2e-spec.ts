import { SAMPLE_FIELDS } from '@cong/testing';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 14, "accepted though wrong": requests that used to succeed and do harm or say something
 * untrue are refused with a 4xx naming the problem, and nothing changes.
 */
describe('refused input (issue 14): what used to be accepted though wrong', () => {
  let seeded: SeededApi;
  const it_ = (method: string, path: string, body?: unknown) => seeded.lc.send(method, path, body, seeded.admin);
  const pub = (path: string) => seeded.api.request(`/api/v1/public${path}`, { headers: { 'x-tenant': 'lao-cai' } });

  beforeAll(async () => {
    seeded = await seededApi();
  });
  afterAll(() => seeded?.close());

  it('a null, array or bare-value body is refused, never read as "empty everything"', async () => {
    const profile = { functions: 'Tham mưu về y tế', address: '1 Hoàng Liên, Lào Cai' };
    expect((await it_('PUT', '/api/v1/units/so-y-te/profile', profile)).status).toBe(200);
    for (const body of [null, [], 'x', 7]) {
      const res = await it_('PUT', '/api/v1/units/so-y-te/profile', body);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, 'body']);
    }
    expect((await it_('GET', '/api/v1/units/so-y-te')).body.profile).toMatchObject(profile);
  });

  it('a PATCH may leave a field out but not set a required one to null', async () => {
    for (const body of [{ name: null }, { kind: null }, { tags: null }]) {
      const res = await it_('PATCH', '/api/v1/units/so-y-te', body);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, Object.keys(body)[0]]);
    }
    expect((await it_('GET', '/api/v1/units/so-y-te')).body.name).toBe('Sở Y tế');
    const section = await it_('PATCH', '/api/v1/sites/so-y-te/sections/tin-tuc-thong-bao', { title: null });
    expect([section.status, section.body.errors?.[0]?.field]).toEqual([422, 'title']);
    const position = await it_('PATCH', '/api/v1/sites/so-y-te/sections/tin-tuc-thong-bao', { position: null });
    expect([position.status, position.body.errors?.[0]?.field]).toEqual([422, 'position']);
    // null still means "the top of the menu" where the API says it does.
    expect((await it_('PATCH', '/api/v1/sites/so-y-te/sections/tin-tuc-thong-bao', { parent: null })).status).toBe(200);
  });

  it('a public list of a site or section that does not exist is a 404, as the site itself is', async () => {
    expect((await pub('/sites/khong-co/items')).status).toBe(404);
    expect((await pub('/sites/khong-co')).status).toBe(404);
    const section = await pub('/sites/so-y-te/items?section=khong-co');
    expect([section.status, section.body.code]).toEqual([404, 'SITES_SECTION_NOT_FOUND']);
    expect((await pub('/sites/so-y-te/feed.rss?section=khong-co')).status).toBe(404);
    // An existing section with nothing published is an empty page, not a 404.
    expect((await pub('/sites/so-y-te/items?section=tin-tuc-thong-bao')).status).toBe(200);
  });

  it('unknown query parameters are named, not ignored', async () => {
    const units = await it_('GET', '/api/v1/units?inactiv=true');
    expect([units.status, units.body.errors?.[0]?.field]).toEqual([422, 'inactiv']);
    expect((await it_('GET', '/api/v1/units?inactive=maybe')).status).toBe(422);
    expect((await it_('GET', '/api/v1/units?inactive=true')).status).toBe(200);
    const media = await pub('/media/0b5e7f0e-4a3c-4a3c-8d2e-0d4f1f0e1111?widht=300');
    expect([media.status, media.body.errors?.[0]?.field]).toEqual([422, 'widht']);
    expect((await pub('/media/0b5e7f0e-4a3c-4a3c-8d2e-0d4f1f0e1111?width=0')).status).toBe(422);
  });

  it('a save that leaves parts out keeps them: fields, body, summary, section', async () => {
    const fields = SAMPLE_FIELDS.legal_document;
    const created = await it_('POST', '/api/v1/content', {
      site: 'so-y-te',
      type: 'legal_document',
      title: 'Quyết định về y tế',
      summary: 'Tóm tắt',
      body: '<p>Nội dung</p>',
      section: 'tin-tuc-thong-bao',
      fields,
    });
    expect(created.status).toBe(201);
    const saved = await it_('PUT', `/api/v1/content/${created.body.id}`, { expectedRevision: 1, title: 'Quyết định về y tế (sửa)' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      title: 'Quyết định về y tế (sửa)',
      summary: 'Tóm tắt',
      body: '<p>Nội dung</p>',
      section: 'tin-tuc-thong-bao',
      fields: created.body.fields,
    });
    // Clearing is said, not implied.
    const cleared = await it_('PUT', `/api/v1/content/${created.body.id}`, {
      expectedRevision: 2,
      title: 'Quyết định về y tế (sửa)',
      summary: '',
      section: null,
    });
    expect(cleared.body).toMatchObject({ summary: null, section: null, fields: created.body.fields });
  });
});
