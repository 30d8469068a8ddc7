import { ContactRetention } from '@cong/citizens';
import { addDays, todayIn } from '@cong/rules';
import { sheetRows, TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { solvedChallenge } from './citizen-writes';
import { XSS_PAYLOADS } from './portal-fixture';
import { publishThrough } from './publishing';

const ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Consultations on draft documents (issue 19; lấy ý kiến dự thảo văn bản; NA-5.6, LC-1.1): a
 * draft carried by a published item, open for comments between two days; comments behind the
 * proof of work and rate limits, public only once moderated; at the close, every comment per
 * article for the drafting agency as XLSX and CSV.
 */
describe('consultations on draft documents (LC-1.1, NA-5.6)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let na: Caller;
  let lc: Caller;
  let admin: string;
  let head: string;
  let otherHead: string;
  let lcAdmin: string;
  let ngheAnId: string;
  let draftItem: string;
  let address = 0;
  const today = todayIn(ZONE);

  const send = (caller: Caller, method: string, path: string, body?: unknown, token?: string) =>
    caller.send(method, path, body, token, { 'x-forwarded-for': `198.51.100.${++address}` });
  const solved = (caller: Caller) => solvedChallenge(caller, 'comment', { 'x-forwarded-for': `198.51.100.${++address}` });
  const comment = async (caller: Caller, id: string, extra: Record<string, unknown> = {}) =>
    send(caller, 'POST', `/api/v1/public/consultations/${id}/comments`, {
      name: 'Phạm Thị Dung',
      email: `dung.${address}@example.vn`,
      comment: 'Đề nghị bổ sung quy định về thời hạn trả lời người dân.',
      consent: true,
      altcha: await solved(caller),
      ...extra,
    });
  const consultation = (extra: Record<string, unknown> = {}) => ({
    documentItem: draftItem,
    title: 'Dự thảo Quyết định ban hành Quy chế cung cấp thông tin trên cổng thông tin điện tử tỉnh',
    articles: ['Điều 1. Phạm vi điều chỉnh', 'Điều 2. Đối tượng áp dụng', 'Điều 3. Thời hạn cung cấp thông tin'],
    opensOn: today,
    closesOn: addDays(today, 30),
    ...extra,
  });

  beforeAll(async () => {
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    ngheAnId = await ctx.applySeed('nghe-an');
    const laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    lc = new Caller(api, 'lao-cai');
    lcAdmin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    head = await invitedAccount(na, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }]);
    otherHead = await invitedAccount(na, admin, 'truong.taichinh', [{ role: 'unit_head', unit: 'so-tai-chinh' }]);
    const item = await na.send(
      'POST',
      '/api/v1/content',
      {
        site: 'so-tu-phap',
        type: 'announcement',
        title: 'Lấy ý kiến dự thảo Quy chế cung cấp thông tin',
        body: '<p>Toàn văn dự thảo đính kèm.</p>',
        fields: {},
      },
      head,
    );
    expect(item.status).toBe(201);
    draftItem = item.body.id;
    await publishThrough(na, [head], draftItem);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('a department opens its draft; comments arrive per article, are public only once moderated; the summary per article as XLSX and CSV', async () => {
    const opened = await send(na, 'POST', '/api/v1/consultations', consultation(), head);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ site: 'so-tu-phap', unit: { code: 'so-tu-phap' }, phase: 'open', phaseLabel: 'Đang lấy ý kiến' });
    expect(opened.body.document.slug).toBeTruthy();
    const id = opened.body.id;

    const onArticle = await comment(na, id, { article: 2, organisation: 'Hội Luật gia tỉnh' });
    expect(onArticle.status).toBe(201);
    expect(onArticle.body.message).toContain('sau khi được kiểm duyệt');
    await comment(na, id, { comment: `Góp ý chung ${XSS_PAYLOADS.join(' ')}` });
    await comment(na, id, { article: 0, comment: 'Quảng cáo không liên quan' });

    // Nothing public before moderation.
    expect((await send(na, 'GET', `/api/v1/public/consultations/${id}`)).body.comments).toEqual([]);
    const pending = await send(na, 'GET', `/api/v1/consultations/${id}?status=pending`, undefined, head);
    expect(pending.body.comments).toHaveLength(3);
    const [first, second, third] = pending.body.comments;
    expect(first).toMatchObject({
      articleLabel: 'Điều 3. Thời hạn cung cấp thông tin',
      organisation: 'Hội Luật gia tỉnh',
      statusLabel: 'Chờ duyệt',
    });
    expect(first.email).toMatch(/@example\.vn$/);

    const moderate = (commentId: string, body: unknown) =>
      send(na, 'POST', `/api/v1/consultations/${id}/comments/${commentId}/moderation`, body, head);
    expect((await moderate(first.id, { decision: 'published' })).body.status).toBe('published');
    expect((await moderate(second.id, { decision: 'published' })).body.status).toBe('published');
    const noReason = await moderate(third.id, { decision: 'rejected' });
    expect({ status: noReason.status, code: noReason.body.code }).toEqual({ status: 422, code: 'CITIZENS_REASON_REQUIRED' });
    expect((await moderate(third.id, { decision: 'rejected', reason: 'Không liên quan đến dự thảo' })).body.statusLabel).toBe(
      'Không công bố',
    );

    const publicView = await send(na, 'GET', `/api/v1/public/consultations/${id}`);
    expect(publicView.body.comments.map((c: { articleLabel: string }) => c.articleLabel)).toEqual([
      'Điều 3. Thời hạn cung cấp thông tin',
      'Góp ý chung cho toàn bộ dự thảo',
    ]);
    expect(JSON.stringify(publicView.body)).not.toContain('@example.vn');
    expect(JSON.stringify(publicView.body)).not.toContain('Quảng cáo');

    const xlsx = await send(na, 'GET', `/api/v1/consultations/${id}/summary?format=xlsx`, undefined, head);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const { rows } = await sheetRows(xlsx.raw, 'Tổng hợp góp ý');
    const lines = rows.filter((r) => typeof r[0] === 'number');
    // Per article: the whole draft first, then Điều 1, Điều 3.
    expect(lines.map((r) => r[1])).toEqual([
      'Góp ý chung cho toàn bộ dự thảo',
      'Điều 1. Phạm vi điều chỉnh',
      'Điều 3. Thời hạn cung cấp thông tin',
    ]);
    expect(lines[1][6]).toBe('Không công bố: Không liên quan đến dự thảo');
    expect(rows.flat()).toContain('Tổng số ý kiến: 3');
    const csv = await send(na, 'GET', `/api/v1/consultations/${id}/summary?format=csv`, undefined, head);
    expect(csv.text).toContain('Hội Luật gia tỉnh');
    expect(csv.text).toContain(`"Góp ý chung ${XSS_PAYLOADS[0]}`);
  });

  it('refuses: no proof of work, an article the draft does not have, missing consent, before it opens and after it closes; an open consultation keeps its articles', async () => {
    const opened = await send(na, 'POST', '/api/v1/consultations', consultation(), head);
    const id = opened.body.id;
    const noPow = await send(na, 'POST', `/api/v1/public/consultations/${id}/comments`, {
      name: 'An',
      comment: 'Góp ý thử',
      consent: true,
    });
    expect({ status: noPow.status, code: noPow.body.code }).toEqual({ status: 422, code: 'CITIZENS_CHALLENGE_REQUIRED' });
    const article = await comment(na, id, { article: 9 });
    expect({ status: article.status, code: article.body.code }).toEqual({ status: 422, code: 'CITIZENS_CONSULTATION_ARTICLE' });
    const consent = await comment(na, id, { consent: false });
    expect(consent.status).toBe(422);
    expect(consent.body.errors.map((e: { field: string }) => e.field)).toContain('consent');

    const oversize = await comment(na, id, { comment: 'x'.repeat(10_001) });
    expect(oversize.body.errors.map((e: { field: string }) => e.field)).toContain('comment');
    // The flood: the eleventh comment from one address in a minute is a 429.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await api.request(`/api/v1/public/consultations/${id}/comments`, {
            method: 'POST',
            headers: { 'x-tenant': 'nghe-an', 'content-type': 'application/json', 'x-forwarded-for': '198.18.1.1' },
            body: JSON.stringify({}),
          })
        ).status,
      );
    expect(statuses[10]).toBe(429);

    const locked = await send(na, 'PATCH', `/api/v1/consultations/${id}`, { articles: ['Điều 1'] }, head);
    expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 409, code: 'CITIZENS_CONSULTATION_OPENED' });
    const ended = await send(na, 'PATCH', `/api/v1/consultations/${id}`, { closesOn: addDays(today, -3) }, head);
    expect(ended.body.closesOn).toBe(today);

    const upcoming = await send(
      na,
      'POST',
      '/api/v1/consultations',
      consultation({ opensOn: addDays(today, 5), closesOn: addDays(today, 9) }),
      head,
    );
    const early = await comment(na, upcoming.body.id);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'CITIZENS_CONSULTATION_NOT_OPEN' });
    // Closed: the last day was yesterday.
    await ctx.asOwner((c) =>
      c.query(`UPDATE citizens_consultation SET opens_on = $2, closes_on = $3 WHERE id = $1`, [
        id,
        addDays(today, -10),
        addDays(today, -1),
      ]),
    );
    const late = await comment(na, id);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'CITIZENS_CONSULTATION_CLOSED' });

    const backwards = await send(
      na,
      'POST',
      '/api/v1/consultations',
      consultation({ opensOn: addDays(today, 5), closesOn: addDays(today, 1) }),
      head,
    );
    expect(backwards.body.code).toBe('CITIZENS_CONSULTATION_DAYS');
    const noDocument = await send(
      na,
      'POST',
      '/api/v1/consultations',
      consultation({ documentItem: '00000000-0000-4000-8000-000000000000' }),
      head,
    );
    expect({ status: noDocument.status, field: noDocument.body.errors?.[0]?.field }).toEqual({ status: 422, field: 'documentItem' });
  });

  it('reach and cross-province: another unit’s head neither opens nor sees it; Lào Cai neither reads nor comments on Nghệ An’s draft', async () => {
    const opened = await send(na, 'POST', '/api/v1/consultations', consultation(), admin);
    expect(opened.status).toBe(201);
    expect((await send(na, 'POST', '/api/v1/consultations', consultation(), otherHead)).status).toBe(403);
    expect((await send(na, 'GET', `/api/v1/consultations/${opened.body.id}`, undefined, otherHead)).status).toBe(404);
    expect((await send(na, 'GET', '/api/v1/consultations', undefined, otherHead)).body).toEqual([]);
    expect((await send(lc, 'GET', `/api/v1/public/consultations/${opened.body.id}`)).status).toBe(404);
    expect((await comment(lc, opened.body.id)).status).toBe(404);
    expect((await send(lc, 'GET', `/api/v1/consultations/${opened.body.id}`, undefined, lcAdmin)).status).toBe(404);
    expect((await send(lc, 'GET', `/api/v1/consultations/${opened.body.id}/summary`, undefined, lcAdmin)).status).toBe(404);
    expect((await send(lc, 'GET', '/api/v1/consultations', undefined, lcAdmin)).body).toEqual([]);
  });

  it('erases commenters’ e-mail addresses (and unpublished names) once the retention after closing has run', async () => {
    const opened = await send(na, 'POST', '/api/v1/consultations', consultation({ closesOn: today }), head);
    await comment(na, opened.body.id);
    const retention = api.app.get(ContactRetention);
    const tenant = { id: ngheAnId, timezone: ZONE };
    const later = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);
    expect(await retention.eraseExpiredCommenters(tenant, later(300))).toBe(0);
    expect(await retention.eraseExpiredCommenters(tenant, later(400))).toBeGreaterThan(0);
    const after = await send(na, 'GET', `/api/v1/consultations/${opened.body.id}`, undefined, head);
    expect(after.body.comments[0]).toMatchObject({ email: null, authorName: null, status: 'pending' });
  });
});
