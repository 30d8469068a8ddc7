import { SAMPLE_FIELDS } from '@cong/testing';
import { invitedAccount } from './auth-session';
import { publishThrough } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

const SERVICE_URL = 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004567';

/**
 * The registry of a province's online public services (LC-2.1.3): a unit registers the services it
 * chooses (its head or editors), the editorial council accepts or declines each, and later suspends
 * or retires it; an active service is shown on its unit's sub-site and on the page of the procedure
 * it serves. Another unit may not register for it, and another province sees nothing.
 */
describe('the registry of online public services (LC-2.1.3)', () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  /** Lào Cai: Sở Y tế's editor and head, the editorial council, Sở Tài chính's editor. */
  let ytEditor: string;
  let ytHead: string;
  let council: string;
  let otherEditor: string;
  /** A published procedure of Sở Y tế's sub-site. */
  let procedure: { id: string; slug: string };

  const service = (extra: Record<string, unknown> = {}) => ({
    unit: 'so-y-te',
    name: 'Cấp giấy phép hoạt động đối với trạm y tế cấp xã',
    code: '1.004567',
    level: 'full',
    url: SERVICE_URL,
    ...extra,
  });
  const subSite = async () => (await seeded.api.onHost('laocai.gov.vn', '/so-y-te')).text;
  const procedurePage = async () => (await seeded.api.onHost('laocai.gov.vn', `/so-y-te/${procedure.slug}`)).text;

  beforeAll(async () => {
    seeded = await seededApi();
    const { lc, admin } = seeded;
    ytEditor = await invitedAccount(lc, admin, 'bientap.yte.dvc', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      displayName: 'Lò Thị Mai',
    });
    ytHead = await invitedAccount(lc, admin, 'truong.yte.dvc', [{ role: 'unit_head', unit: 'so-y-te' }]);
    council = await invitedAccount(lc, admin, 'hoidong.bientap', [{ role: 'editorial_council' }], { displayName: 'Hội đồng biên tập' });
    otherEditor = await invitedAccount(lc, admin, 'bientap.taichinh.dvc', [{ role: 'unit_editor', unit: 'so-tai-chinh' }]);
    const created = await lc.send(
      'POST',
      '/api/v1/content',
      { site: 'so-y-te', type: 'procedure', title: 'Cấp giấy phép hoạt động đối với trạm y tế cấp xã', fields: SAMPLE_FIELDS.procedure },
      ytEditor,
    );
    expect(created.status).toBe(201);
    await publishThrough(lc, [ytEditor, ytHead], created.body.id);
    procedure = { id: created.body.id, slug: created.body.slug };
  });

  afterAll(() => seeded?.close());

  it('LC-2.1.3: Sở Y tế registers a service for its procedure; once the editorial council accepts it, the sub-site and the procedure’s page link it; suspended, it leaves them', async () => {
    const { lc, admin } = seeded;
    const registered = await lc.send('POST', '/api/v1/online-services', service({ procedure: procedure.id }), ytEditor);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      unit: { code: 'so-y-te', name: 'Sở Y tế' },
      code: '1.004567',
      level: 'full',
      levelLabel: 'Toàn trình',
      procedure: { id: procedure.id, title: 'Cấp giấy phép hoạt động đối với trạm y tế cấp xã' },
      request: null,
      status: 'registered',
      statusLabel: 'Đã đăng ký, chờ xem xét',
      registeredBy: 'Lò Thị Mai',
      actions: ['edit'],
    });
    const id = registered.body.id as string;
    // Waiting for the council: the unit may still correct it; citizens do not see it yet.
    const corrected = await lc.send(
      'PATCH',
      `/api/v1/online-services/${id}`,
      { name: 'Cấp giấy phép hoạt động cho trạm y tế cấp xã' },
      ytEditor,
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body.name).toBe('Cấp giấy phép hoạt động cho trạm y tế cấp xã');
    expect(await subSite()).not.toContain(SERVICE_URL);
    expect((await lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'active' }, ytHead)).status).toBe(403);

    const accepted = await lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'active' }, council);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', statusLabel: 'Đang cung cấp trực tuyến', decidedBy: 'Hội đồng biên tập' });
    expect(accepted.body.actions.sort()).toEqual(['edit', 'retire', 'suspend']);
    const home = await subSite();
    expect(home).toContain('<h2 id="dich-vu-cong">Dịch vụ công trực tuyến</h2>');
    expect(home).toContain(`href="${SERVICE_URL.replace(/&/g, '&amp;')}"`);
    expect(home).toContain('Cấp giấy phép hoạt động cho trạm y tế cấp xã');
    expect(home).toContain('(dịch vụ công trực tuyến toàn trình, mã 1.004567)');
    const page = await procedurePage();
    expect(page).toContain('<h2 id="truc-tuyen">Thực hiện trực tuyến</h2>');
    expect(page).toContain(`href="${SERVICE_URL}"`);
    // The portal's own home lists no unit's services.
    expect((await seeded.api.onHost('laocai.gov.vn', '/')).text).not.toContain(SERVICE_URL);

    // Accepted: only the council and the IT centre correct it now.
    const late = await lc.send('PATCH', `/api/v1/online-services/${id}`, { name: 'Tên khác của dịch vụ' }, ytEditor);
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('ONLINE_SERVICE_FORBIDDEN');
    const noUrl = await lc.send('PATCH', `/api/v1/online-services/${id}`, { url: null }, admin);
    expect(noUrl.status).toBe(422);
    expect(noUrl.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);

    const unreasoned = await lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'suspended' }, council);
    expect(unreasoned.status).toBe(422);
    expect(unreasoned.body.errors).toEqual([{ field: 'note', message: 'Hãy ghi lý do.' }]);
    const suspended = await lc.send(
      'POST',
      `/api/v1/online-services/${id}/decision`,
      { status: 'suspended', note: 'Nâng cấp hệ thống một cửa' },
      council,
    );
    expect(suspended.body).toMatchObject({ status: 'suspended', statusNote: 'Nâng cấp hệ thống một cửa' });
    expect(await subSite()).not.toContain(SERVICE_URL);
    expect(await procedurePage()).not.toContain('Thực hiện trực tuyến');

    const listed = await lc.send('GET', '/api/v1/online-services?unit=so-y-te&q=tram y te', undefined, otherEditor);
    expect(listed.body.items.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[id, 'suspended']]);
    expect((await lc.send('GET', '/api/v1/online-services?status=active', undefined, otherEditor)).body.items).toEqual([]);
    const audit = await lc.send('GET', `/api/v1/audit?subject=${id}`, undefined, admin);
    // The refused change (no link while active) left nothing behind, in the entry or the log.
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'services.changed',
      'services.decided',
      'services.decided',
      'services.registered',
    ]);
  });

  it('LC-2.1.3: refusals name what is wrong: another unit’s service, an unknown unit, a bad or taken code, a link that is no web address, an item that is no procedure, a decision out of turn', async () => {
    const { lc } = seeded;
    const fields = async (r: Promise<{ status: number; body: { errors?: { field: string }[] } }>) => {
      const answer = await r;
      // Each field once (a missing name fails two of its checks).
      return [answer.status, [...new Set((answer.body.errors ?? []).map((e) => e.field))]];
    };
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ code: '2.000001' }), otherEditor))).toEqual([403, ['unit']]);
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ unit: 'so-khong-co', code: null }), ytEditor))).toEqual([
      422,
      ['unit'],
    ]);
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ code: 'mã có dấu' }), ytEditor))).toEqual([422, ['code']]);
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ url: 'javascript:alert(1)' }), ytEditor))).toEqual([
      422,
      ['url'],
    ]);
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ level: 'muc-4', name: 'ab' }), ytEditor))).toEqual([
      422,
      ['name', 'level'],
    ]);
    const news = await lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title: 'Không phải thủ tục' }, ytEditor);
    expect(
      await fields(lc.send('POST', '/api/v1/online-services', service({ code: '2.000002', procedure: news.body.id }), ytEditor)),
    ).toEqual([422, ['procedure']]);
    // Left out, or null, the name and the level are refused, never a 500.
    const { name: _name, level: _level, ...nameless } = service({ code: null });
    expect(await fields(lc.send('POST', '/api/v1/online-services', nameless, ytEditor))).toEqual([422, ['name', 'level']]);
    // Addresses the database would not keep, or that hide a user name: refused in words.
    for (const url of [
      'HTTPS://dichvucong.gov.vn/a',
      'https:dichvucong.gov.vn',
      'https://dichvucong.gov.vn@evil.example/x',
      'https://localhost/x',
    ])
      expect([url, ...(await fields(lc.send('POST', '/api/v1/online-services', service({ code: null, url }), ytEditor)))]).toEqual([
        url,
        422,
        ['url'],
      ]);
    // A procedure of another unit is not Sở Y tế's to serve.
    const foreign = await lc.send(
      'POST',
      '/api/v1/content',
      { site: 'so-tai-chinh', type: 'procedure', title: 'Thủ tục của Sở Tài chính', fields: SAMPLE_FIELDS.procedure },
      otherEditor,
    );
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ code: null, procedure: foreign.body.id }), ytEditor))).toEqual(
      [422, ['procedure']],
    );
    // A National Portal code names one live service of the province.
    const first = await lc.send('POST', '/api/v1/online-services', service({ code: '2.000500' }), ytEditor);
    expect(first.status).toBe(201);
    expect(await fields(lc.send('POST', '/api/v1/online-services', service({ code: '2.000500' }), ytEditor))).toEqual([409, ['code']]);
    const nulled = await lc.send('PATCH', `/api/v1/online-services/${first.body.id}`, { name: null, level: null }, ytEditor);
    expect([nulled.status, [...new Set(nulled.body.errors.map((e: { field: string }) => e.field))]]).toEqual([422, ['name', 'level']]);
    // Nothing changed: no entry in the log.
    expect((await lc.send('PATCH', `/api/v1/online-services/${first.body.id}`, { code: '2.000500' }, ytEditor)).status).toBe(200);
    const log = await lc.send('GET', `/api/v1/audit?subject=${first.body.id}`, undefined, seeded.admin);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['services.registered']);
    // Declined, it frees its code for a new registration.
    await lc.send('POST', `/api/v1/online-services/${first.body.id}/decision`, { status: 'declined', note: 'Sai mã' }, council);
    expect((await lc.send('POST', '/api/v1/online-services', service({ code: '2.000500' }), ytEditor)).status).toBe(201);
    // The declined entry can still be corrected with its code as it was: it holds none.
    const corrected = await lc.send(
      'PATCH',
      `/api/v1/online-services/${first.body.id}`,
      { code: '2.000500', name: 'Tên đã sửa lại' },
      council,
    );
    expect([corrected.status, corrected.body.name]).toEqual([200, 'Tên đã sửa lại']);

    // Registered without a link: it cannot be accepted until it has one; declined with a reason; then nothing more.
    const waiting = await lc.send('POST', '/api/v1/online-services', service({ code: null, url: null, level: 'partial' }), ytHead);
    expect(waiting.status).toBe(201);
    const id = waiting.body.id as string;
    expect(await fields(lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'active' }, council))).toEqual([422, ['url']]);
    expect(await fields(lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'retired', note: 'x' }, council))).toEqual([
      409,
      [],
    ]);
    const declined = await lc.send(
      'POST',
      `/api/v1/online-services/${id}/decision`,
      { status: 'declined', note: 'Trùng dịch vụ đã có' },
      council,
    );
    expect(declined.body).toMatchObject({ status: 'declined', statusLabel: 'Không chấp thuận', actions: ['edit'] });
    expect(await fields(lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'active' }, council))).toEqual([409, []]);
    expect((await lc.send('PATCH', `/api/v1/online-services/${id}`, { level: 'full' }, ytHead)).status).toBe(403);
    expect((await lc.send('GET', '/api/v1/online-services/not-a-uuid', undefined, ytHead)).status).toBe(400);
  });

  it('NA-8.5, LC-2.1.3: a unit’s proposal becomes its entry; another province reads, changes and decides nothing of it', async () => {
    const { na, lc, naAdmin, admin } = seeded;
    const proposal = await na.send(
      'POST',
      '/api/v1/unit-requests',
      {
        kind: 'proposal',
        unit: 'so-tu-phap',
        title: 'Đăng ký khai sinh trực tuyến',
        description: 'Sở Tư pháp đề xuất cung cấp trực tuyến toàn trình thủ tục đăng ký khai sinh.',
      },
      naAdmin,
    );
    expect(proposal.status).toBe(201);
    const entry = await na.send(
      'POST',
      '/api/v1/online-services',
      {
        unit: 'so-tu-phap',
        name: 'Đăng ký khai sinh',
        level: 'full',
        url: 'https://dichvucong.nghean.gov.vn/dang-ky-khai-sinh',
        request: proposal.body.id,
      },
      naAdmin,
    );
    expect(entry.status).toBe(201);
    expect(entry.body.request).toEqual({ id: proposal.body.id, number: proposal.body.number });
    expect((await na.send('POST', `/api/v1/online-services/${entry.body.id}/decision`, { status: 'active' }, naAdmin)).status).toBe(200);
    expect(
      (
        await na.send(
          'POST',
          '/api/v1/online-services',
          { unit: 'so-tu-phap', name: 'Dịch vụ khác', level: 'full', request: '00000000-0000-4000-8000-000000000000' },
          naAdmin,
        )
      ).status,
    ).toBe(422);

    // Lào Cai's IT centre: Nghệ An's entry does not exist for it.
    const id = entry.body.id as string;
    expect((await lc.send('GET', `/api/v1/online-services/${id}`, undefined, admin)).status).toBe(404);
    expect((await lc.send('PATCH', `/api/v1/online-services/${id}`, { name: 'Đổi tên trái phép' }, admin)).status).toBe(404);
    expect((await lc.send('POST', `/api/v1/online-services/${id}/decision`, { status: 'suspended', note: 'x' }, admin)).status).toBe(404);
    const lcList = (await lc.send('GET', '/api/v1/online-services?limit=200', undefined, admin)).body.items as { id: string }[];
    expect(lcList.map((s) => s.id)).not.toContain(id);
    expect(
      (await lc.send('POST', '/api/v1/online-services', { ...service({ code: null }), request: proposal.body.id }, admin)).status,
    ).toBe(422);
    // Without a session: nothing.
    expect((await na.send('GET', '/api/v1/online-services')).status).toBe(401);
    // Nghệ An's sub-site shows it; Lào Cai's same-named unit's does not.
    expect((await seeded.api.onHost('nghean.gov.vn', '/so-tu-phap')).text).toContain('https://dichvucong.nghean.gov.vn/dang-ky-khai-sinh');
    expect((await seeded.api.onHost('laocai.gov.vn', '/so-tu-phap')).text).not.toContain('dichvucong.nghean.gov.vn');
  });
});
