import { addDays, todayIn } from '@cong/rules';
import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { hiddenFields, sumOf } from './citizen-writes';
import { executable, textOf } from './html-inspection';
import { XSS_PAYLOADS } from './portal-fixture';
import { publishThrough } from './publishing';

const HOST = 'nghean.gov.vn';
const FORM = '/api/v1/public/consultations/form';

/**
 * The portal's consultation pages (issue 19; lấy ý kiến dự thảo; LC-1.1, NA-5.6) with JavaScript
 * off: a site's drafts open for comments, one draft with its published comments per article, the
 * comment form with its errors and the sum in place of the proof of work; payloads inert.
 */
describe('portal: commenting on a draft without JavaScript (LC-1.1, NA-5.6)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let na: Caller;
  let head: string;
  let address = 0;
  const today = todayIn('Asia/Ho_Chi_Minh');

  const page = (path: string) => api.onHost(HOST, path);
  const post = (fields: [string, string][]) =>
    api.onHost(HOST, FORM, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `192.0.2.${++address}` },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    const ngheAnId = await ctx.applySeed('nghe-an');
    await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    const admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    head = await invitedAccount(na, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }]);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('LC-1.1: a citizen reads a draft, comments on an article after fixing an error and answering a sum; published by the department, the comment shows with the payload inert', async () => {
    const item = await na.send(
      'POST',
      '/api/v1/content',
      { site: 'so-tu-phap', type: 'announcement', title: 'Lấy ý kiến dự thảo quy chế', body: '<p>Dự thảo đính kèm.</p>', fields: {} },
      head,
    );
    await publishThrough(na, [head], item.body.id);
    const opened = await na.send(
      'POST',
      '/api/v1/consultations',
      {
        documentItem: item.body.id,
        title: 'Dự thảo Quy chế phối hợp cung cấp thông tin',
        articles: ['Điều 1. Phạm vi', 'Điều 2. Trách nhiệm'],
        opensOn: today,
        closesOn: addDays(today, 20),
      },
      head,
    );
    expect(opened.status).toBe(201);
    const path = `/so-tu-phap/gop-y-du-thao/${opened.body.id}`;

    // Another province's portal does not show it.
    expect((await api.onHost('laocai.gov.vn', `/so-tu-phap/gop-y-du-thao/${opened.body.id}`)).status).toBe(404);
    const list = await page('/so-tu-phap/gop-y-du-thao');
    expect(textOf(list.text)).toContain('Dự thảo Quy chế phối hợp cung cấp thông tin');
    const draft = await page(path);
    expect(draft.status).toBe(200);
    expect(draft.headers['cache-control']).toBe('no-store');
    expect(draft.headers['content-security-policy']).toContain("script-src 'self'");
    expect(draft.text).toContain('<option value="1">Điều 2. Trách nhiệm</option>');
    expect(textOf(draft.text)).toContain('Chưa có ý kiến nào được công bố.');

    const comment = `Đề nghị làm rõ trách nhiệm của từng sở. ${XSS_PAYLOADS.join(' ')}`;
    const base: [string, string][] = [
      ['consultation', opened.body.id],
      ['article', '1'],
      ['organisation', 'Hội Cựu chiến binh tỉnh'],
      ['comment', comment],
      ['consent', 'true'],
    ];
    const missing = await post([...base, ['name', '']]);
    expect(missing.status).toBe(422);
    expect(textOf(missing.text)).toContain('Họ và tên phải có ít nhất 2 ký tự.');
    expect(missing.text).toContain('value="Hội Cựu chiến binh tỉnh"');

    const step = await post([...base, ['name', `Hoàng Văn Em ${XSS_PAYLOADS[1]}`]]);
    expect(step.status).toBe(200);
    expect(textOf(step.text)).toContain('Xác nhận gửi góp ý');
    expect(executable(step.text)).toEqual([]);
    const sent = await post([...hiddenFields(step.text), ['challengeAnswer', sumOf(step.text)]]);
    expect(sent.status).toBe(303);
    expect(sent.headers['location']).toBe(`${path}?da-gui=1`);
    const thanked = await page(sent.headers['location'] as string);
    expect(textOf(thanked.text)).toContain('sẽ được công bố sau khi được kiểm duyệt');
    expect(textOf(thanked.text)).toContain('Chưa có ý kiến nào được công bố.');

    const pending = await na.send('GET', `/api/v1/consultations/${opened.body.id}?status=pending`, undefined, head);
    const commentId = pending.body.comments[0].id;
    expect(pending.body.comments[0]).toMatchObject({ articleLabel: 'Điều 2. Trách nhiệm', organisation: 'Hội Cựu chiến binh tỉnh' });
    await na.send('POST', `/api/v1/consultations/${opened.body.id}/comments/${commentId}/moderation`, { decision: 'published' }, head);
    const shown = await page(path);
    const text = textOf(shown.text);
    expect(text).toContain('Điều 2. Trách nhiệm');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Hội Cựu chiến binh tỉnh');
    expect(executable(shown.text).filter((e) => e !== '<script>')).toEqual([]);
    expect(shown.text.match(/<script /g)?.length).toBe(3);
  });
});
