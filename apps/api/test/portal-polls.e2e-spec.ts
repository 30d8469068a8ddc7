import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { hiddenFields, sumOf } from './citizen-writes';
import { executable, textOf } from './html-inspection';
import { XSS_PAYLOADS } from './portal-fixture';

const HOST = 'nghean.gov.vn';
const FORM = '/api/v1/public/polls/form';

/**
 * The portal's poll pages (issue 19; NA-5.5) with JavaScript off: a site's polls, one poll's form,
 * the sum that stands in for the proof of work, the voter cookie that keeps one vote per browser,
 * and the results shown after voting; payloads in the poll inert on its pages.
 */
describe('portal: opinion polls without JavaScript (NA-5.5)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let na: Caller;
  let board: string;
  let address = 0;

  const page = (path: string, cookie?: string) => api.onHost(HOST, path, { headers: cookie ? { cookie } : {} });
  const post = (fields: [string, string][], cookie?: string) =>
    api.onHost(HOST, FORM, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': `192.0.2.${++address}`,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    const ngheAnId = await ctx.applySeed('nghe-an');
    await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    const admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    board = await invitedAccount(na, admin, 'bbt.nghean', [{ role: 'editorial_board' }]);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('NA-5.5: a citizen without JavaScript votes once: a sum, the voter cookie, the results after voting; payloads inert', async () => {
    const created = await na.send(
      'POST',
      '/api/v1/polls',
      {
        site: 'portal',
        question: `Bạn thường dùng dịch vụ công nào nhất? ${XSS_PAYLOADS[0]}`,
        choice: 'single',
        options: ['Cấp giấy khai sinh', `Đăng ký kinh doanh ${XSS_PAYLOADS[1]}`],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        resultsShown: 'after_vote',
      },
      board,
    );
    expect(created.status).toBe(201);
    const list = await page('/binh-chon');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(textOf(list.text)).toContain('Bạn thường dùng dịch vụ công nào nhất?');
    expect(executable(list.text)).toEqual([]);

    const form = await page(`/binh-chon/${created.body.id}`);
    expect(form.status).toBe(200);
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");
    expect(form.text).toContain('type="radio" name="options"');
    expect(executable(form.text).filter((e) => e !== '<script>')).toEqual([]);

    const none = await post([['poll', created.body.id]]);
    expect(none.status).toBe(422);
    expect(textOf(none.text)).toContain('Vui lòng chọn phương án.');

    const step = await post([
      ['poll', created.body.id],
      ['options', created.body.options[0].id],
    ]);
    expect(step.status).toBe(200);
    expect(textOf(step.text)).toContain('Xác nhận bình chọn');
    const voted = await post([...hiddenFields(step.text), ['challengeAnswer', sumOf(step.text)]]);
    expect(voted.status).toBe(303);
    expect(voted.headers['location']).toBe(`/binh-chon/${created.body.id}?da-binh-chon=1`);
    const cookie = String(voted.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^cong_voter=/);

    const after = await page(voted.headers['location'] as string, cookie);
    const text = textOf(after.text);
    expect(text).toContain('Cảm ơn bạn đã tham gia bình chọn.');
    expect(text).toContain('1 người đã tham gia.');
    expect(text).toContain(`Đăng ký kinh doanh ${XSS_PAYLOADS[1]}`);
    expect(after.text).not.toContain('type="radio"');
    expect(executable(after.text)).toEqual([]);
    // Another browser (no cookie) still sees the form and no results.
    expect((await page(`/binh-chon/${created.body.id}`)).text).toContain('type="radio"');

    // The same browser again: refused, said on the page.
    const secondStep = await post(
      [
        ['poll', created.body.id],
        ['options', created.body.options[1].id],
      ],
      cookie,
    );
    const twice = await post([...hiddenFields(secondStep.text), ['challengeAnswer', sumOf(secondStep.text)]], cookie);
    expect(twice.status).toBe(409);
    expect(textOf(twice.text)).toContain('Bạn đã bình chọn trong cuộc thăm dò này.');
    expect((await page('/binh-chon/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Another province's portal does not show it.
    expect((await api.onHost('laocai.gov.vn', `/binh-chon/${created.body.id}`)).status).toBe(404);
  });
});
