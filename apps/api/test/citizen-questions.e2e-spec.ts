import { ContactRetention } from '@cong/citizens';
import { ComplianceReminders } from '@cong/compliance';
import { addDays, todayIn } from '@cong/rules';
import { MailCatcher, ruleVariant, TestContext, until } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { solvedChallenge } from './citizen-writes';
import { publishThrough } from './publishing';

const ZONE = 'Asia/Ho_Chi_Minh';
const EMAIL = 'nguyen.van.an@example.vn';
const PHONE = '0912 345 678';

/**
 * Citizens' questions (issue 19; LC-1.1, NA-5.6): asked on a portal without an account behind a
 * proof of work and rate limits, routed to a unit, answered through the faq workflow, judged by
 * the province's answer deadline in working days, followed by a private link; contacts never public.
 */
describe('citizens’ questions and answers (NA-5.6, LC-1.1)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let smtp: MailCatcher;
  let na: Caller;
  let lc: Caller;
  let naAdmin: string;
  let editor: string;
  let head: string;
  let board: string;
  let ngheAnId: string;
  let laoCaiId: string;
  let address = 0;

  /** Each test speaks from addresses of its own, so the per-address limit of one does not spend another's. */
  const from = () => `198.51.100.${++address}`;
  const send = (caller: Caller, method: string, path: string, body?: unknown, token?: string, ip = from()) =>
    caller.send(method, path, body, token, { 'x-forwarded-for': ip });

  const solved = (caller: Caller) => solvedChallenge(caller, 'question', { 'x-forwarded-for': from() });

  const question = (extra: Record<string, unknown> = {}) => ({
    site: 'so-tu-phap',
    name: 'Nguyễn Văn An',
    email: EMAIL,
    phone: PHONE,
    title: 'Thủ tục chứng thực bản sao giấy tờ',
    question: 'Tôi cần chứng thực bản sao sổ hộ khẩu thì nộp hồ sơ ở đâu và mất bao lâu?',
    consent: true,
    ...extra,
  });

  /** Asks with a solved challenge, from a fresh address and (unless `extra` says) a contact of its own. */
  async function ask(caller: Caller, extra: Record<string, unknown> = {}, ip = from()) {
    const contact = { email: `nguoi.hoi.${address}@example.vn`, phone: undefined };
    return send(
      caller,
      'POST',
      '/api/v1/public/questions',
      { ...question({ ...contact, ...extra }), altcha: await solved(caller) },
      undefined,
      ip,
    );
  }

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    ctx = await TestContext.create({ TRUST_PROXY: 'true', SMTP_URL: smtp.url, SMTP_FROM: 'Cổng Nghệ An <congtt@nghean.gov.vn>' });
    // Nghệ An answers citizens within 15 working days (the held-out style rule, written as data).
    const definition = await ruleVariant('nghe-an', (r) => {
      (r.deadlines as unknown[]).push({
        id: 'citizen-questions-answered',
        requirement: 'NA-5.6',
        contentType: 'faq',
        startsFrom: 'receivedOn',
        within: 15,
        dayKind: 'working',
      });
      r.citizens = { questions: { requirement: 'NA-5.6', contactRetentionDays: 30 } };
    });
    ngheAnId = (await ctx.applyDefinition(definition)).tenantId!;
    laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    lc = new Caller(api, 'lao-cai');
    naAdmin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    editor = await invitedAccount(na, naAdmin, 'bientap.tuphap', [{ role: 'unit_editor', unit: 'so-tu-phap' }]);
    head = await invitedAccount(na, naAdmin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }]);
    board = await invitedAccount(na, naAdmin, 'bbt.nghean', [{ role: 'editorial_board' }]);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
    await smtp?.close();
  });

  it('NA-5.6, NA-12.3: asked on a sub-site, drafted by its editor, published by its head; answered on time in compliance and the report, the asker told, the Q&A public without contacts', async () => {
    const asked = await ask(na, { showName: true, email: EMAIL, phone: PHONE });
    expect(asked.status).toBe(201);
    expect(asked.body.reference).toMatch(/^\d{6}-[A-Z0-9]{6}$/);
    expect(asked.body.emailedTo).toBe(EMAIL);
    const receipt = smtp.mail.find((m) => m.subject?.includes(asked.body.reference))!;
    expect(receipt.text).toContain(`/hoi-dap/theo-doi?ma=${asked.body.statusToken}`);

    const status = await send(na, 'GET', `/api/v1/public/questions/status/${asked.body.statusToken}`);
    expect(status.status).toBe(200);
    const today = todayIn(ZONE);
    expect(status.body).toMatchObject({ reference: asked.body.reference, status: 'assigned', unit: 'Sở Tư pháp', receivedOn: today });
    expect(status.body.due > today).toBe(true);
    expect(JSON.stringify(status.body)).not.toContain(EMAIL);

    // The unit's desk sees it with the contacts, normalised.
    const desk = await send(na, 'GET', '/api/v1/questions?unit=so-tu-phap', undefined, editor);
    expect(desk.status).toBe(200);
    const listed = desk.body.items.find((q: { reference: string }) => q.reference === asked.body.reference);
    expect(listed).toMatchObject({ status: 'assigned', unit: { code: 'so-tu-phap' }, overdue: false, due: status.body.due });
    const detail = await send(na, 'GET', `/api/v1/questions/${listed.id}`, undefined, editor);
    expect(detail.body).toMatchObject({ email: EMAIL, phone: '0912345678', askerName: 'Nguyễn Văn An', showName: true });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['received']);
    // The editor may answer it, not route it; the desk finds it by its reference and by words without accents.
    expect(detail.body.actions).toEqual(['answer']);
    expect((await send(na, 'GET', `/api/v1/questions?q=${asked.body.reference.toLowerCase()}`, undefined, editor)).body.items).toHaveLength(
      1,
    );
    const byWords = await send(na, 'GET', `/api/v1/questions?q=${encodeURIComponent('chung thuc ban sao')}`, undefined, editor);
    expect(byWords.body.items.map((i: { id: string }) => i.id)).toContain(listed.id);

    const drafted = await send(
      na,
      'POST',
      `/api/v1/questions/${listed.id}/answer`,
      { answer: 'Ông nộp hồ sơ tại Bộ phận một cửa của UBND cấp xã; thời hạn giải quyết trong ngày.' },
      undefined,
    );
    expect(drafted.status).toBe(401);
    const answer = await send(
      na,
      'POST',
      `/api/v1/questions/${listed.id}/answer`,
      { answer: 'Ông nộp hồ sơ tại Bộ phận một cửa của UBND cấp xã; thời hạn giải quyết trong ngày.' },
      editor,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.question.status).toBe('answering');
    await publishThrough(na, [editor, head], answer.body.itemId);

    const answered = await send(na, 'GET', `/api/v1/questions/${listed.id}`, undefined, head);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.history.map((h: { action: string }) => h.action)).toEqual(['received', 'answer_drafted', 'answered']);
    await until(
      async () => smtp.mail.some((m) => m.subject?.startsWith(`Câu hỏi ${asked.body.reference} đã được trả lời`)),
      10_000,
      'answer e-mail',
    );

    // Public: the Q&A with the name the asker let show, never the contacts.
    const list = await send(na, 'GET', `/api/v1/public/sites/so-tu-phap/items?type=faq`);
    const item = await send(na, 'GET', `/api/v1/public/sites/so-tu-phap/items/${list.body.items[0].slug}`);
    const published = JSON.stringify(item.body);
    expect(published).toContain('Thủ tục chứng thực bản sao giấy tờ');
    expect(published).toContain('Nguyễn Văn An');
    expect(published).not.toContain(EMAIL);
    expect(published).not.toContain('912345678');
    const followed = await send(na, 'GET', `/api/v1/public/questions/status/${asked.body.statusToken}`);
    expect(followed.body).toMatchObject({ status: 'answered', answer: { site: 'so-tu-phap' } });

    // Compliance judges it as a deadline from its receipt: answered today, on time.
    const progress = await send(na, 'GET', '/api/v1/compliance/progress?unit=so-tu-phap', undefined, naAdmin);
    const rule = progress.body.units[0].entries.find((r: { rule: string }) => r.rule === 'citizen-questions-answered');
    expect(rule.detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: listed.id, status: 'on_time', publishedOn: today, requirement: 'NA-5.6' }),
      ]),
    );
    // NA-12.3: the province's report counts it per unit, an answer on time (the year its deadline falls in).
    const report = await send(
      na,
      'GET',
      `/api/v1/compliance/reports/implementation-report?period=year&date=${status.body.due}`,
      undefined,
      naAdmin,
    );
    expect(report.status).toBe(200);
    expect(report.body.rows.find((r: { unit: string }) => r.unit === 'so-tu-phap').deadlines.faq).toEqual({ onTime: 1, lateOrMissing: 0 });
  });

  it('NA-5.6: a question left past 15 working days is overdue on the desk and missing in compliance; the board routes a portal question, moving it on needs a reason', async () => {
    const asked = await ask(na, { site: 'portal' });
    expect(asked.status).toBe(201);
    const mine = await send(na, 'GET', '/api/v1/questions?status=new', undefined, board);
    const q = mine.body.items.find((i: { reference: string }) => i.reference === asked.body.reference);
    expect(q).toMatchObject({ status: 'new', unit: null, site: 'portal' });
    expect((await send(na, 'GET', `/api/v1/questions/${q.id}`, undefined, board)).body.actions).toEqual(['assign', 'decline', 'spam']);
    const statuses = await send(na, 'GET', '/api/v1/questions/statuses', undefined, board);
    expect(statuses.body).toContainEqual({ status: 'new', label: 'Đã tiếp nhận, chờ chuyển đơn vị trả lời' });
    // A unit's editor does not see unrouted questions.
    expect((await send(na, 'GET', `/api/v1/questions/${q.id}`, undefined, editor)).status).toBe(404);

    const routed = await send(na, 'POST', `/api/v1/questions/${q.id}/assign`, { unit: 'so-noi-vu' }, board);
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ status: 'assigned', unit: { code: 'so-noi-vu' } });
    const noReason = await send(na, 'POST', `/api/v1/questions/${q.id}/assign`, { unit: 'so-tu-phap' }, board);
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('CITIZENS_REASON_REQUIRED');
    const moved = await send(
      na,
      'POST',
      `/api/v1/questions/${q.id}/assign`,
      { unit: 'so-tu-phap', reason: 'Thuộc lĩnh vực tư pháp' },
      board,
    );
    expect(moved.body.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).toEqual([
      ['received', null],
      ['assigned', null],
      ['reassigned', 'Thuộc lĩnh vực tư pháp'],
    ]);

    // Received 30 days ago (more than 15 working days) and still unanswered.
    const received = addDays(todayIn(ZONE), -30);
    await ctx.asOwner((c) =>
      c.query(`UPDATE citizens_question SET received_on = $2, received_at = $3 WHERE id = $1`, [
        q.id,
        received,
        new Date(`${received}T09:00:00+07:00`),
      ]),
    );
    const overdue = await send(na, 'GET', '/api/v1/questions?overdue=true', undefined, head);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([q.id]);
    expect(overdue.body.items[0].overdue).toBe(true);
    const progress = await send(na, 'GET', '/api/v1/compliance/progress?unit=so-tu-phap', undefined, naAdmin);
    const rule = progress.body.units[0].entries.find((r: { rule: string }) => r.rule === 'citizen-questions-answered');
    expect(rule.status).toBe('behind');
    expect(rule.detail).toEqual(expect.arrayContaining([expect.objectContaining({ itemId: q.id, status: 'missing' })]));
    // Reminded, as other deadlines are: the unit hears of the overdue question once.
    await api.app.get(ComplianceReminders).sendDue(ngheAnId);
    await api.app.get(ComplianceReminders).sendDue(ngheAnId);
    const inbox = await send(na, 'GET', '/api/v1/notifications', undefined, head);
    const overdueNotes = (inbox.body.items ?? inbox.body).filter((n: { title: string }) =>
      n.title.startsWith('Quá hạn: câu hỏi của người dân'),
    );
    expect(overdueNotes).toHaveLength(1);
  });

  it('spam is kept and marked, never dropped; declining needs a reason; a unit head cannot touch another unit’s question', async () => {
    const honeypot = await ask(na, { website: 'http://quang-cao.example' });
    expect(honeypot.status).toBe(201);
    const links = await ask(na, { question: 'Mua ngay http://a.example http://b.example http://c.example http://d.example giá rẻ' });
    expect(links.status).toBe(201);
    const spam = await send(na, 'GET', '/api/v1/questions?status=spam', undefined, board);
    const marked = spam.body.items.filter((i: { reference: string }) =>
      [honeypot.body.reference, links.body.reference].includes(i.reference),
    );
    expect(marked).toHaveLength(2);
    const one = await send(na, 'GET', `/api/v1/questions/${marked[0].id}`, undefined, board);
    expect(one.body.spamReason).toBeTruthy();
    expect(smtp.mail.some((m) => m.subject?.includes(honeypot.body.reference))).toBe(false);

    const back = await send(na, 'POST', `/api/v1/questions/${marked[0].id}/not-spam`, { reason: 'Câu hỏi thật' }, board);
    expect(back.body.status).toBe('assigned');

    const other = await ask(na, { site: 'portal', unit: 'so-noi-vu' });
    const id = (await send(na, 'GET', '/api/v1/questions?unit=so-noi-vu&status=assigned', undefined, board)).body.items.find(
      (i: { reference: string }) => i.reference === other.body.reference,
    ).id;
    expect((await send(na, 'POST', `/api/v1/questions/${id}/decline`, { reason: 'Không thuộc đơn vị' }, head)).status).toBe(404);
    expect((await send(na, 'POST', `/api/v1/questions/${id}/decline`, { reason: '' }, board)).status).toBe(422);
    const declined = await send(
      na,
      'POST',
      `/api/v1/questions/${id}/decline`,
      { reason: 'Nội dung là đơn khiếu nại, xin gửi theo thủ tục khiếu nại.' },
      board,
    );
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect((await send(na, 'POST', `/api/v1/questions/${id}/answer`, { answer: 'Trả lời' }, board)).status).toBe(409);
  });

  it('refuses, in Vietnamese and naming the field: no or a wrong proof of work, one used twice, another province’s, missing contact or consent, oversize text', async () => {
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await send(na, 'POST', '/api/v1/public/questions', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      return res;
    };
    const noPow = await refused(question(), 422, 'CITIZENS_CHALLENGE_REQUIRED');
    expect(noPow.body.detail).toMatch(/thử thách chống thư rác/);
    const good = await solved(na);
    const payload = JSON.parse(Buffer.from(good, 'base64').toString());
    payload.solution.derivedKey = payload.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    await refused({ ...question(), altcha: Buffer.from(JSON.stringify(payload)).toString('base64') }, 422, 'CITIZENS_CHALLENGE_FAILED');
    await refused({ ...question(), altcha: 'not-base64-json' }, 422, 'CITIZENS_CHALLENGE_FAILED');
    expect((await send(na, 'POST', '/api/v1/public/questions', { ...question(), altcha: good })).status).toBe(201);
    await refused({ ...question(), altcha: good }, 409, 'CITIZENS_CHALLENGE_REUSED');
    // Lào Cai's challenge does not open Nghệ An's desk.
    await refused({ ...question(), altcha: await solved(lc) }, 422, 'CITIZENS_CHALLENGE_FAILED');

    const fields = async (body: Record<string, unknown>) => {
      const res = await send(na, 'POST', '/api/v1/public/questions', { ...body, altcha: await solved(na) });
      expect(res.status).toBe(422);
      return (res.body.errors ?? []).map((e: { field: string }) => e.field);
    };
    expect(await fields(question({ email: undefined, phone: undefined }))).toEqual(['email', 'phone']);
    expect(await fields(question({ consent: false }))).toContain('consent');
    expect(await fields(question({ email: 'khong-phai-thu' }))).toContain('email');
    expect(await fields(question({ question: 'x'.repeat(10_001) }))).toContain('question');
    expect(await fields(question({ unit: 'khong-co-don-vi' }))).toContain('unit');
    const closedUnit = await send(na, 'POST', '/api/v1/public/questions', {
      ...question({ site: 'khong-co-trang' }),
      altcha: await solved(na),
    });
    expect(closedUnit.status).toBe(422);
  });

  it('cross-province: a question sent to Lào Cai naming a Nghệ An unit is refused; Nghệ An’s questions are not on Lào Cai’s desk', async () => {
    const res = await ask(lc, { site: 'portal', unit: 'so-tu-phap' });
    // Lào Cai has a Sở Tư pháp of its own: the unit is Lào Cai's. A Nghệ An-only code is unknown there.
    expect([201, 422]).toContain(res.status);
    const naOnly = await ask(lc, { site: 'portal', unit: 'bao-nghe-an' });
    expect(naOnly.status).toBe(422);
    expect(naOnly.body.code).toBe('CITIZENS_UNIT_NOT_FOUND');
    const lcAdmin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    const lcDesk = await send(lc, 'GET', '/api/v1/questions?limit=200', undefined, lcAdmin);
    const naDesk = await send(na, 'GET', '/api/v1/questions?limit=200', undefined, naAdmin);
    const naIds = new Set(naDesk.body.items.map((i: { id: string }) => i.id));
    expect(lcDesk.body.items.some((i: { id: string }) => naIds.has(i.id))).toBe(false);
    expect((await send(lc, 'GET', `/api/v1/questions/${[...naIds][0]}`, undefined, lcAdmin)).status).toBe(404);
  });

  it('holds off a flood: the eleventh write from one address in a minute is a 429 in Vietnamese, other addresses go on; one contact may not flood from many addresses', async () => {
    const ip = from();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await send(na, 'POST', '/api/v1/public/questions', { bad: true }, undefined, ip)).status);
    expect(statuses.every((s) => s === 422)).toBe(true);
    const limited = await send(na, 'POST', '/api/v1/public/questions', question(), undefined, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeTruthy();
    expect(limited.body.detail).toMatch(/Vui lòng thử lại sau/);

    const contact = { email: 'mot.nguoi@example.vn', phone: undefined };
    const fromMany: number[] = [];
    for (let i = 0; i < 6; i++) fromMany.push((await ask(na, contact)).status);
    expect(fromMany.slice(0, 5).every((s) => s === 201)).toBe(true);
    expect(fromMany[5]).toBe(429);
  });

  it('erases askers’ contacts once the retention period after closing has run (Law 91/2025/QH15)', async () => {
    const asked = await ask(na, { site: 'portal' });
    const id = (await send(na, 'GET', '/api/v1/questions?status=new', undefined, board)).body.items.find(
      (i: { reference: string }) => i.reference === asked.body.reference,
    ).id;
    await send(na, 'POST', `/api/v1/questions/${id}/decline`, { reason: 'Câu hỏi trùng với câu đã trả lời.' }, board);
    const retention = api.app.get(ContactRetention);
    const tenant = { id: ngheAnId, timezone: ZONE };
    expect(await retention.eraseExpired(tenant, new Date(Date.now() + 29 * 24 * 3600 * 1000))).toBe(0);
    expect(await retention.eraseExpired(tenant, new Date(Date.now() + 31 * 24 * 3600 * 1000))).toBeGreaterThan(0);
    const after = await send(na, 'GET', `/api/v1/questions/${id}`, undefined, board);
    expect(after.body).toMatchObject({ askerName: null, email: null, phone: null, status: 'declined' });
    expect(after.body.contactsErasedAt).toBeTruthy();
    expect(after.body.history.at(-1).action).toBe('contacts_erased');
    expect((await send(na, 'GET', `/api/v1/public/questions/status/${asked.body.statusToken}`)).body.status).toBe('declined');
  });
});
