import { ContactRetention } from '@cong/citizens';
import { TestContext } from '@cong/testing';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { hiddenFields, multipartForm, sumOf } from './citizen-writes';
import { executable, textOf } from './html-inspection';
import { XSS_PAYLOADS } from './portal-fixture';
import { publishThrough } from './publishing';

const HOST = 'nghean.gov.vn';
const FORM = '/api/v1/public/questions/form';

/**
 * The portal's question pages (issue 19; NA-5.6, LC-1.1) with JavaScript off: the form posts as a
 * plain HTML form, comes back with its errors, asks a sum instead of the proof of work, and leads
 * to the asker's private status page; payloads in every field stay inert on every page and feed.
 */
describe('portal: asking a question without JavaScript (NA-5.6, LC-1.1)', () => {
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let api: ApiUnderTest;
  let na: Caller;
  let admin: string;
  let board: string;
  let lcAdmin: string;
  let ngheAnId: string;
  let address = 0;

  const page = (path: string) => api.onHost(HOST, path);
  const post = (fields: Record<string, string>, path = FORM) =>
    api.onHost(HOST, path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `192.0.2.${++address}` },
      body: new URLSearchParams(fields).toString(),
    });
  const hidden = (html: string) => Object.fromEntries(hiddenFields(html));

  const XSS = XSS_PAYLOADS.join(' ');
  const question = {
    site: 'portal',
    name: `Trần Thị Bình ${XSS_PAYLOADS[0]}`,
    email: 'tran.thi.binh@example.vn',
    unit: 'so-noi-vu',
    title: `Hỏi về tuyển dụng viên chức ${XSS_PAYLOADS[1]}`,
    question: `Năm nay tỉnh có tuyển dụng viên chức giáo dục không? ${XSS}`,
    showName: 'true',
    consent: 'true',
  };

  beforeAll(async () => {
    ctx = await TestContext.create({ TRUST_PROXY: 'true' });
    ngheAnId = await ctx.applySeed('nghe-an');
    const laoCaiId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    na = new Caller(api, 'nghe-an');
    admin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
    board = await invitedAccount(na, admin, 'bbt.nghean', [{ role: 'editorial_board' }]);
    lcAdmin = (await readyAccount(ctx, new Caller(api, 'lao-cai'), 'it.laocai', laoCaiId)).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('NA-5.6: the Q&A page links to the form; the form alone may run scripts (the proof-of-work widget, from this origin)', async () => {
    const list = await page('/hoi-dap');
    expect(list.status).toBe(200);
    expect(list.text).toContain('href="/hoi-dap/dat-cau-hoi"');
    expect(list.headers['content-security-policy']).toContain("script-src 'none'");
    const form = await page('/hoi-dap/dat-cau-hoi');
    expect(form.status).toBe(200);
    expect(form.headers['content-security-policy']).toContain("script-src 'self'; worker-src 'self'");
    expect(form.text).toContain(`action="${FORM}" method="post"`);
    expect(form.text).toMatch(/<altcha-widget challenge="\/api\/v1\/public\/challenge\?purpose=question"/);
    for (const src of [...form.text.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1])) {
      const asset = await page(src);
      expect({ src, status: asset.status, type: asset.headers['content-type'] }).toEqual({
        src,
        status: 200,
        type: 'text/javascript; charset=utf-8',
      });
    }
    // On a sub-site the form asks that unit.
    const sub = await page('/so-tu-phap/hoi-dap/dat-cau-hoi');
    expect(sub.text).toContain('<input type="hidden" name="site" value="so-tu-phap"/>');
  });

  it('sends the form back with each error under its field and what was written kept; a form body elsewhere is a 415', async () => {
    const res = await post({ site: 'portal', name: '', email: 'khong-phai-thu', title: 'Ngắn', question: question.question });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain('Câu hỏi chưa gửi được');
    expect(text).toContain('Họ và tên phải có ít nhất 2 ký tự.');
    expect(text).toContain('Thư điện tử không đúng định dạng');
    expect(text).toContain('Vui lòng đồng ý cho cơ quan nhà nước xử lý thông tin cá nhân');
    expect(res.text).toContain('href="#ho-ten"');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="khong-phai-thu"');
    expect(executable(res.text).filter((e) => e !== '<script>')).toEqual([]);
    const json = await post({ username: 'a', password: 'b' }, '/api/v1/auth/login');
    expect(json.status).toBe(415);
  });

  it('NA-5.6, LC-1.1: without JavaScript a sum stands in for the proof of work; received, the asker lands on their private status page; payloads stay inert there and, once answered, on the Q&A page and the feed', async () => {
    const step = await post(question);
    expect(step.status).toBe(200);
    expect(textOf(step.text)).toContain('Xác nhận gửi câu hỏi');
    expect(executable(step.text)).toEqual([]);
    const carried = hidden(step.text);
    expect(carried.title).toBe(question.title);

    const wrong = await post({ ...carried, challengeAnswer: String((Number(sumOf(step.text)) + 1) % 19) });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.text)).toContain('Kết quả chưa đúng hoặc đã hết hạn');

    const sent = await post({ ...hidden(wrong.text), challengeAnswer: sumOf(wrong.text) });
    expect(sent.status).toBe(303);
    const location = sent.headers['location'] as string;
    expect(location).toMatch(/^\/hoi-dap\/theo-doi\?ma=[A-Za-z0-9_-]{43}&moi=1$/);
    // The same sum twice is refused (one write per proof).
    expect((await post({ ...hidden(wrong.text), challengeAnswer: sumOf(wrong.text) })).status).toBe(422);

    const status = await page(location);
    expect(status.status).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.headers['referrer-policy']).toBe('no-referrer');
    expect(textOf(status.text)).toContain('Câu hỏi đã được gửi');
    expect(textOf(status.text)).toContain('Sở Nội vụ');
    expect(textOf(status.text)).toContain(question.title);
    expect(executable(status.text)).toEqual([]);
    expect(status.text).not.toContain('tran.thi.binh');
    expect((await page('/hoi-dap/theo-doi?ma=' + 'x'.repeat(43))).status).toBe(404);

    // Answered through the portal's workflow, the Q&A is public with the payloads inert.
    const desk = await na.send('GET', '/api/v1/questions?unit=so-noi-vu', undefined, board);
    const id = desk.body.items[0].id;
    const drafted = await na.send('POST', `/api/v1/questions/${id}/answer`, { answer: `Có. ${XSS}` }, board);
    expect(drafted.status).toBe(201);
    await publishThrough(na, [board, admin], drafted.body.itemId);
    const answered = await page(location.replace('&moi=1', ''));
    const answerLink = /<a class="button" href="([^"]+)">Xem câu trả lời/.exec(answered.text)![1];
    const item = await page(answerLink);
    expect(item.status).toBe(200);
    expect(textOf(item.text)).toContain('Năm nay tỉnh có tuyển dụng viên chức giáo dục không?');
    expect(textOf(item.text)).toContain('<script>alert(1)</script>');
    expect(executable(item.text)).toEqual([]);
    expect(item.text).not.toContain('tran.thi.binh');
    const qa = await page('/hoi-dap');
    expect(textOf(qa.text)).toContain('Hỏi về tuyển dụng viên chức');
    expect(executable(qa.text)).toEqual([]);
    const feed = await page('/api/v1/public/sites/portal/feed.rss');
    expect(feed.text).not.toMatch(/<script>alert/);
    const found = await page(`/hoi-dap?q=${encodeURIComponent('tuyen dung vien chuc')}`);
    expect(textOf(found.text)).toContain('Hỏi về tuyển dụng viên chức');
  });

  /** The ask form sent with a file, as a browser sends it (multipart), from an address of its own. */
  const postWithFile = async (fields: Record<string, string>, file?: { filename: string; bytes: Buffer }) => {
    const { body, contentType } = await multipartForm(fields, file && { field: 'attachment', ...file });
    return api.onHost(HOST, FORM, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-forwarded-for': `198.51.100.${++address}` },
      body,
    });
  };
  /** The ask form as served without JavaScript: its own sum, answered. */
  const answeredSum = async () => {
    const form = await page('/hoi-dap/dat-cau-hoi');
    return { challengeToken: hidden(form.text).challengeToken, challengeAnswer: sumOf(textOf(form.text)) };
  };
  const stored = async () =>
    readdir(join(ctx.config.media.dir, ngheAnId, 'questions')).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });

  it('NA-5.6: a question may carry one file, checked like uploads (an image drawn again as WebP, its metadata left behind), seen only at the desk, erased with the contacts', async () => {
    const form = await page('/hoi-dap/dat-cau-hoi');
    expect(form.status).toBe(200);
    // Its sum is single use: the form is read each time, never from the cache.
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(form.text).toMatch(/<input id="tep-dinh-kem" name="attachment" type="file" accept="\.jpg,\.jpeg,[^"]*\.xlsx"/);
    expect(textOf(form.text)).toContain('tối đa 10 MB');
    const asked = { ...question, name: 'Hoàng Văn Đức', email: 'hoang.van.duc@example.vn', title: 'Hỏi về hồ sơ đất đai có ảnh chụp' };

    // Refused, each with its reason under the file field, and nothing kept.
    const exe = await postWithFile(
      { ...asked, ...(await answeredSum()) },
      { filename: 'so-do.pdf', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]) },
    );
    expect(exe.status).toBe(415);
    expect(textOf(exe.text)).toContain('Không nhận tệp này: nội dung là exe, không phải .pdf');
    expect(exe.text).toContain('href="#tep-dinh-kem"');
    const huge = await postWithFile(
      { ...asked, ...(await answeredSum()) },
      { filename: 'so-do.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]) },
    );
    expect(huge.status).toBe(413);
    expect(textOf(huge.text)).toContain('Tệp đính kèm không được lớn hơn 10 MB.');
    // What was written before the file is shown again.
    expect(huge.text).toContain('value="hoang.van.duc@example.vn"');
    const kind = await postWithFile({ ...asked, ...(await answeredSum()) }, { filename: 'so-do.exe', bytes: Buffer.from('MZ') });
    expect(kind.status).toBe(415);
    // Another field wrong: the file cannot come back in the page, so the asker is told to choose it again.
    const pdf = { filename: 'so-do.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n') };
    const halfFilled = await postWithFile({ ...asked, title: 'Ngắn', ...(await answeredSum()) }, pdf);
    expect(halfFilled.status).toBe(422);
    expect(textOf(halfFilled.text)).toContain('Tệp đính kèm chưa được gửi: xin chọn lại tệp.');
    expect(halfFilled.text).toContain('value="hoang.van.duc@example.vn"');
    // The sum left unanswered, with a file: the form again, not a step that would lose the file.
    const unanswered = await postWithFile(asked, pdf);
    expect(unanswered.status).toBe(422);
    expect(textOf(unanswered.text)).toContain('Xin trả lời phép cộng để xác nhận.');
    // Asked again outside <noscript>: a browser whose widget failed to load sees it too.
    expect(unanswered.text.replace(/<noscript>[\s\S]*?<\/noscript>/g, '')).toContain('id="phep-cong"');
    // A body cut off midway: a page saying so, not a 500.
    const { body: whole, contentType } = await multipartForm({ ...asked }, { field: 'attachment', ...pdf });
    const cut = await api.onHost(HOST, FORM, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-forwarded-for': `198.51.100.${++address}` },
      body: whole.subarray(0, whole.length - 60),
    });
    expect(cut.status).toBe(400);
    expect(textOf(cut.text)).toContain('Biểu mẫu gửi lên không đọc được');
    expect(await stored()).toEqual([]);

    // A photo with a location in its metadata: received, drawn again without it.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'TOA-DO-RIENG-TU 18.67N 105.69E' } })
      .toBuffer();
    expect(photo.toString('latin1')).toContain('TOA-DO-RIENG-TU');
    const sent = await postWithFile(
      { ...asked, ...(await answeredSum()) },
      { filename: 'C:\\Ảnh\\ảnh <img src=x onerror=alert(1)> hồ sơ.jpg', bytes: photo },
    );
    expect(sent.status).toBe(303);
    expect(sent.headers['location']).toMatch(/^\/hoi-dap\/theo-doi\?ma=/);
    expect(await stored()).toHaveLength(1);

    const desk = await na.send('GET', `/api/v1/questions?q=${encodeURIComponent('ho so dat dai')}`, undefined, board);
    const id = desk.body.items[0].id as string;
    const detail = await na.send('GET', `/api/v1/questions/${id}`, undefined, board);
    expect(detail.body.attachment).toEqual({
      filename: 'ảnh <img src=x onerror=alert(1)> hồ sơ.webp',
      mime: 'image/webp',
      size: expect.any(Number),
    });
    const file = await na.send('GET', `/api/v1/questions/${id}/attachment`, undefined, board);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const bytes = file.raw;
    expect(bytes.toString('latin1')).not.toContain('TOA-DO-RIENG-TU');
    const drawn = await sharp(bytes).metadata();
    expect({ format: drawn.format, width: drawn.width, height: drawn.height, exif: 'exif' in drawn }).toEqual({
      format: 'webp',
      width: 64,
      height: 48,
      exif: false,
    });
    // Never public: no public route serves it, another province's desk does not find it, nor does a reader without a token.
    expect((await new Caller(api, 'lao-cai').send('GET', `/api/v1/questions/${id}/attachment`, undefined, lcAdmin)).status).toBe(404);
    expect((await na.send('GET', `/api/v1/questions/${id}/attachment`)).status).toBe(401);
    const status = await page(sent.headers['location'] as string);
    expect(status.text).not.toContain('hồ sơ.webp');

    // Closed and past the retention period: the file goes with the contacts.
    await na.send('POST', `/api/v1/questions/${id}/decline`, { reason: 'Không thuộc thẩm quyền của tỉnh.' }, board);
    await api.app
      .get(ContactRetention)
      .eraseExpired({ id: ngheAnId, timezone: 'Asia/Ho_Chi_Minh' }, new Date(Date.now() + 400 * 24 * 3600 * 1000));
    expect((await na.send('GET', `/api/v1/questions/${id}`, undefined, board)).body).toMatchObject({ attachment: null, email: null });
    expect((await na.send('GET', `/api/v1/questions/${id}/attachment`, undefined, board)).status).toBe(404);
    expect(await stored()).toEqual([]);
  });
});
