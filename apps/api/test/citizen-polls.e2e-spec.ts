import { sheetRows, TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { solvedChallenge } from './citizen-writes';
import { XSS_PAYLOADS } from './portal-fixture';

/**
 * Opinion polls (issue 19; NA-5.5): a poll of a site open between two times in the province's
 * zone, single or multiple choice, one vote per person (per browser's voter cookie) behind the
 * proof of work and the rate limit, results after voting or after closing as the poll says,
 * exported as CSV and XLSX.
 */
describe('opinion polls (NA-5.5)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let na: Caller;
  let lc: Caller;
  let admin: string;
  let board: string;
  let head: string;
  let lcAdmin: string;
  let address = 0;
  const ip = () => `203.0.113.${++address}`;

  const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
  const send = (caller: Caller, method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}) =>
    caller.send(method, path, body, token, { 'x-forwarded-for': ip(), ...headers });

  const solved = (caller: Caller) => solvedChallenge(caller, 'vote', { 'x-forwarded-for': ip() });

  /** Votes as a browser would: its voter cookie (if it has one) sent back. */
  async function vote(caller: Caller, pollId: string, options: string[], cookie?: string) {
    const res = await send(
      caller,
      'POST',
      `/api/v1/public/polls/${pollId}/votes`,
      { options, altcha: await solved(caller) },
      undefined,
      cookie ? { cookie } : {},
    );
    const set = res.headers['set-cookie'];
    return { res, cookie: (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? cookie };
  }

  const poll = (extra: Record<string, unknown> = {}) => ({
    site: 'portal',
    question: 'Bạn đánh giá thế nào về dịch vụ công trực tuyến của tỉnh?',
    choice: 'single',
    options: ['Rất hài lòng', 'Hài lòng', 'Chưa hài lòng'],
    opensAt: minutesFromNow(-1),
    closesAt: minutesFromNow(24 * 60),
    resultsShown: 'after_vote',
    ...extra,
  });

  beforeAll(async () => {
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    const ngheAnId = await ctx.applySeed('nghe-an');
    const laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    lc = new Caller(api, 'lao-cai');
    admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    board = await invitedAccount(na, admin, 'bbt.nghean', [{ role: 'editorial_board' }]);
    head = await invitedAccount(na, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }]);
    lcAdmin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('NA-5.5: the editorial board opens a poll on the portal; each person votes once; results after voting; the results as CSV and XLSX', async () => {
    const created = await send(na, 'POST', '/api/v1/polls', poll(), board);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phase: 'open', phaseLabel: 'Đang mở', site: 'portal' });
    expect(created.body.closesAtText).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(GMT\+7\)$/);
    const [veryGood, good] = created.body.options.map((o: { id: string }) => o.id);

    const listed = await send(na, 'GET', '/api/v1/public/polls?site=portal');
    expect(listed.body.find((p: { id: string }) => p.id === created.body.id)).toMatchObject({ results: null, voted: false });

    const first = await vote(na, created.body.id, [veryGood]);
    expect(first.res.status).toBe(201);
    expect(first.cookie).toMatch(/^cong_voter=[A-Za-z0-9_-]{43}$/);
    expect(String(first.res.headers['set-cookie'])).toContain('HttpOnly');
    expect(first.res.body).toMatchObject({ voted: true, results: { voters: 1 } });
    const again = await vote(na, created.body.id, [good], first.cookie);
    expect(again.res.status).toBe(409);
    expect(again.res.body.code).toBe('CITIZENS_POLL_VOTED');
    await vote(na, created.body.id, [good]);
    const third = await vote(na, created.body.id, [good]);
    expect(third.res.body.results).toEqual({
      voters: 3,
      counts: [
        { optionId: veryGood, label: 'Rất hài lòng', votes: 1, percent: 33.3 },
        { optionId: good, label: 'Hài lòng', votes: 2, percent: 66.7 },
        expect.objectContaining({ label: 'Chưa hài lòng', votes: 0, percent: 0 }),
      ],
    });

    const csv = await send(na, 'GET', `/api/v1/polls/${created.body.id}/results?format=csv`, undefined, board);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Hài lòng,2,66.7');
    expect(csv.text).toContain('Tổng số người tham gia: 3');
    const xlsx = await send(na, 'GET', `/api/v1/polls/${created.body.id}/results?format=xlsx`, undefined, board);
    const { rows } = await sheetRows(xlsx.raw, 'Kết quả');
    expect(rows).toContainEqual([1, 'Rất hài lòng', 1, 33.3]);
  });

  it('NA-5.5: results after closing stay hidden until it closes; multiple choice is limited; an open poll keeps its question; ended early, it is closed to votes', async () => {
    const created = await send(
      na,
      'POST',
      '/api/v1/polls',
      poll({ site: 'so-tu-phap', choice: 'multiple', maxChoices: 2, resultsShown: 'after_close', options: ['A', 'B', 'C'] }),
      head,
    );
    expect(created.status).toBe(201);
    const ids = created.body.options.map((o: { id: string }) => o.id);
    const tooMany = await vote(na, created.body.id, ids);
    expect({ status: tooMany.res.status, code: tooMany.res.body.code }).toEqual({ status: 422, code: 'CITIZENS_POLL_CHOICE' });
    const two = await vote(na, created.body.id, ids.slice(0, 2));
    expect(two.res.status).toBe(201);
    expect(two.res.body.results).toBeNull();

    const changed = await send(na, 'PATCH', `/api/v1/polls/${created.body.id}`, { question: 'Câu hỏi khác hẳn' }, head);
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 409, code: 'CITIZENS_POLL_OPENED' });
    const ended = await send(na, 'PATCH', `/api/v1/polls/${created.body.id}`, { closesAt: minutesFromNow(-5) }, head);
    expect(ended.body.phase).toBe('closed');
    const closed = await send(na, 'GET', `/api/v1/public/polls/${created.body.id}`);
    expect(closed.body.results).toMatchObject({ voters: 1 });
    const reopen = await send(na, 'PATCH', `/api/v1/polls/${created.body.id}`, { closesAt: minutesFromNow(60) }, head);
    expect({ status: reopen.status, code: reopen.body.code }).toEqual({ status: 409, code: 'CITIZENS_POLL_CLOSED' });
    const late = await vote(na, created.body.id, [ids[2]]);
    expect({ status: late.res.status, code: late.res.body.code }).toEqual({ status: 409, code: 'CITIZENS_POLL_CLOSED' });
  });

  it('refuses a vote without a proof of work, for an option of another poll, before the poll opens, on a poll taken down; bad poll fields are named', async () => {
    const created = await send(na, 'POST', '/api/v1/polls', poll(), admin);
    const upcoming = await send(na, 'POST', '/api/v1/polls', poll({ opensAt: minutesFromNow(60), closesAt: minutesFromNow(120) }), admin);
    const noProof = await send(na, 'POST', `/api/v1/public/polls/${created.body.id}/votes`, { options: [created.body.options[0].id] });
    expect({ status: noProof.status, code: noProof.body.code }).toEqual({ status: 422, code: 'CITIZENS_CHALLENGE_REQUIRED' });
    const foreign = await vote(na, created.body.id, [upcoming.body.options[0].id]);
    expect({ status: foreign.res.status, code: foreign.res.body.code }).toEqual({ status: 422, code: 'CITIZENS_POLL_CHOICE' });
    const early = await vote(na, upcoming.body.id, [upcoming.body.options[0].id]);
    expect({ status: early.res.status, code: early.res.body.code }).toEqual({ status: 409, code: 'CITIZENS_POLL_NOT_OPEN' });
    await send(na, 'POST', `/api/v1/polls/${created.body.id}/withdraw`, undefined, admin);
    expect((await send(na, 'GET', `/api/v1/public/polls/${created.body.id}`)).status).toBe(404);

    const bad = await send(na, 'POST', '/api/v1/polls', poll({ options: ['Một'], closesAt: 'ngày mai', choice: 'tuỳ ý' }), admin);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['options', 'choice']));
    const badTimes = await send(na, 'POST', '/api/v1/polls', poll({ closesAt: 'ngày mai' }), admin);
    expect({ status: badTimes.status, code: badTimes.body.code, field: badTimes.body.errors?.[0]?.field }).toEqual({
      status: 422,
      code: 'CITIZENS_POLL_TIME',
      field: 'closesAt',
    });
    const backwards = await send(na, 'POST', '/api/v1/polls', poll({ opensAt: minutesFromNow(60), closesAt: minutesFromNow(30) }), admin);
    expect(backwards.body.code).toBe('CITIZENS_POLL_TIMES');
    const blank = await send(na, 'POST', '/api/v1/polls', poll({ options: ['Có', '   '] }), admin);
    expect({ status: blank.status, field: blank.body.errors?.[0]?.field }).toEqual({ status: 422, field: 'options' });
    const duplicates = await send(na, 'POST', '/api/v1/polls', poll({ options: ['Có', 'có'] }), admin);
    expect(duplicates.body.code).toBe('CITIZENS_POLL_OPTIONS');
  });

  it('cross-province and reach: Lào Cai cannot see or vote on Nghệ An’s poll; a unit head runs only the polls of their sub-sites', async () => {
    const created = await send(na, 'POST', '/api/v1/polls', poll(), board);
    expect((await send(lc, 'GET', `/api/v1/public/polls/${created.body.id}`)).status).toBe(404);
    const elsewhere = await send(lc, 'POST', `/api/v1/public/polls/${created.body.id}/votes`, {
      options: [created.body.options[0].id],
      altcha: await solved(lc),
    });
    expect(elsewhere.status).toBe(404);
    // Lào Cai's IT centre neither reads it nor finds it among its polls.
    expect((await send(lc, 'GET', `/api/v1/polls/${created.body.id}`, undefined, lcAdmin)).status).toBe(404);
    expect((await send(lc, 'GET', `/api/v1/polls/${created.body.id}/results?format=csv`, undefined, lcAdmin)).status).toBe(404);
    expect((await send(lc, 'GET', '/api/v1/polls', undefined, lcAdmin)).body.some((p: { id: string }) => p.id === created.body.id)).toBe(
      false,
    );
    expect((await send(na, 'POST', '/api/v1/polls', poll({ site: 'so-tai-chinh' }), head)).status).toBe(403);
    expect((await send(na, 'GET', `/api/v1/polls/${created.body.id}`, undefined, head)).status).toBe(404);
    expect((await send(na, 'GET', '/api/v1/polls', undefined, head)).body.every((p: { site: string }) => p.site === 'so-tu-phap')).toBe(
      true,
    );
  });

  it('payloads in a poll come back as data; in the CSV a formula-like option is made inert', async () => {
    const created = await send(
      na,
      'POST',
      '/api/v1/polls',
      poll({ question: `Thử ${XSS_PAYLOADS[0]}`, options: ['=HYPERLINK("http://x")', XSS_PAYLOADS[1]] }),
      board,
    );
    expect(created.status).toBe(201);
    const read = await send(na, 'GET', `/api/v1/public/polls/${created.body.id}`);
    expect(read.headers['content-type']).toContain('application/json');
    expect(read.body.question).toBe(`Thử ${XSS_PAYLOADS[0]}`);
    const csv = await send(na, 'GET', `/api/v1/polls/${created.body.id}/results?format=csv`, undefined, board);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('the flood: the eleventh vote from one address in a minute is a 429 with Retry-After', async () => {
    const created = await send(na, 'POST', '/api/v1/polls', poll(), board);
    const from = '198.18.0.9';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await api.request(`/api/v1/public/polls/${created.body.id}/votes`, {
            method: 'POST',
            headers: { 'x-tenant': 'nghe-an', 'content-type': 'application/json', 'x-forwarded-for': from },
            body: JSON.stringify({ options: [] }),
          })
        ).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
