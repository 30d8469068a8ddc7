import { ProvinceCalendar, RuleVersionRepository, todayIn } from '@cong/rules';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invitedAccount } from './auth-session';
import { multipartForm } from './citizen-writes';
import { SeededApi, seededApi } from './seeded-api';

const ZONE = 'Asia/Ho_Chi_Minh';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Units' proposals of online public services and problem reports (NA-8.5; Lào Cai's registrations,
 * LC-2.1.3): sent by a unit, routed by the rules to the unit that answers, due within the rules'
 * working days, taken up, forwarded, answered or withdrawn, each side told; another unit and
 * another province see nothing.
 */
describe('units’ proposals and problem reports (NA-8.5, LC-2.1.3)', () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  /** so-y-te's editor (sends), Sở BCVT's head (handles in Nghệ An), the IT centre unit's head, so-tu-phap's editor (neither side). */
  let editor: string;
  let bcvtHead: string;
  let itHead: string;
  let otherEditor: string;
  let lcEditor: string;

  const request = (extra: Record<string, unknown> = {}) => ({
    kind: 'proposal',
    unit: 'so-y-te',
    title: 'Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh trực tuyến',
    description: 'Sở Y tế đề xuất đưa thủ tục cấp lại giấy phép hành nghề lên mạng ở mức toàn trình; hồ sơ mẫu gửi kèm.',
    ...extra,
  });

  async function dueAfter(tenantId: string, days: number): Promise<string> {
    const today = todayIn(ZONE);
    const rules = await new RuleVersionRepository(seeded.ctx.db).ruleSetInForceOn(tenantId, today);
    return new ProvinceCalendar(ZONE, rules!.calendar).addDays(today, days, 'working');
  }

  const notifications = async (token: string) =>
    (await seeded.na.send('GET', '/api/v1/notifications', undefined, token)).body.items as { kind: string; title: string; body: string }[];

  beforeAll(async () => {
    seeded = await seededApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cong-media-')) });
    const { na, lc, naAdmin, admin } = seeded;
    editor = await invitedAccount(na, naAdmin, 'bientap.soyte', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Lê Thị Hoa' });
    bcvtHead = await invitedAccount(na, naAdmin, 'lanhdao.sobcvt', [{ role: 'unit_head', unit: 'so-buu-chinh-vien-thong' }], {
      displayName: 'Trần Văn Bình',
    });
    itHead = await invitedAccount(na, naAdmin, 'lanhdao.ttcntt', [{ role: 'unit_head', unit: 'trung-tam-cntt' }]);
    otherEditor = await invitedAccount(na, naAdmin, 'bientap.sotuphap', [{ role: 'unit_editor', unit: 'so-tu-phap' }]);
    lcEditor = await invitedAccount(lc, admin, 'bientap.lc.soyte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
  });

  afterAll(() => seeded?.close());

  it('NA-8.5: a proposal goes to Sở BCVT, due in ten working days; Sở BCVT takes it up and answers; the unit is told', async () => {
    const { na, api } = seeded;
    const { body: form, contentType } = await multipartForm({}, { field: 'file', filename: 'Ho so mau.pdf', bytes: PDF });
    const uploaded = await api.request('/api/v1/media', {
      method: 'POST',
      headers: { 'x-tenant': 'nghe-an', authorization: `Bearer ${editor}`, 'content-type': contentType },
      body: form,
    });
    expect(uploaded.status).toBe(201);

    const routes = await na.send('GET', '/api/v1/unit-requests/routes', undefined, editor);
    expect(routes.body).toEqual([
      expect.objectContaining({
        kind: 'proposal',
        enabled: true,
        handler: { code: 'so-buu-chinh-vien-thong', name: 'Sở Bưu chính - Viễn thông' },
        answerWithin: 10,
        dayKind: 'working',
      }),
      expect.objectContaining({ kind: 'problem', answerWithin: 5 }),
    ]);

    const sent = await na.send('POST', '/api/v1/unit-requests', request({ attachments: [uploaded.body.id] }), editor);
    expect(sent.status).toBe(201);
    const year = todayIn(ZONE).slice(0, 4);
    expect(sent.body).toMatchObject({
      number: `DX-${year}-1`,
      kind: 'proposal',
      kindLabel: 'Đề xuất dịch vụ công trực tuyến',
      status: 'sent',
      statusLabel: 'Chờ tiếp nhận',
      unit: { code: 'so-y-te', name: 'Sở Y tế' },
      handler: { code: 'so-buu-chinh-vien-thong' },
      sentOn: todayIn(ZONE),
      dueOn: await dueAfter(seeded.ngheAnId, 10),
      overdue: false,
      attachments: [{ id: uploaded.body.id, filename: 'Ho so mau.pdf', mime: 'application/pdf' }],
      actions: ['withdraw'],
    });
    const id = sent.body.id;
    expect((await notifications(bcvtHead)).find((n) => n.kind === 'unit_request')).toMatchObject({
      title: 'Đề xuất dịch vụ công trực tuyến mới từ Sở Y tế',
      body: `DX-${year}-1: Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh trực tuyến`,
    });

    // The sender may not handle it; a unit on neither side does not see it at all.
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/take-up`, undefined, editor)).status).toBe(403);
    expect((await na.send('GET', `/api/v1/unit-requests/${id}`, undefined, otherEditor)).status).toBe(404);
    expect((await na.send('GET', '/api/v1/unit-requests', undefined, otherEditor)).body.items).toEqual([]);
    expect(
      (await na.send('GET', '/api/v1/unit-requests?box=outgoing', undefined, editor)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    expect((await na.send('GET', '/api/v1/unit-requests?box=incoming', undefined, editor)).body.items).toEqual([]);
    expect(
      (await na.send('GET', '/api/v1/unit-requests?box=incoming', undefined, bcvtHead)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([id]);

    const handling = await na.send('GET', `/api/v1/unit-requests/${id}`, undefined, bcvtHead);
    expect(handling.body.actions).toEqual(['take-up', 'forward', 'answer']);
    const takenUp = await na.send('POST', `/api/v1/unit-requests/${id}/take-up`, undefined, bcvtHead);
    expect(takenUp.body).toMatchObject({ status: 'in_progress', statusLabel: 'Đang xử lý', actions: ['forward', 'answer'] });
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/take-up`, undefined, bcvtHead)).status).toBe(409);

    const tooShort = await na.send('POST', `/api/v1/unit-requests/${id}/answer`, { answer: 'Được.' }, bcvtHead);
    expect(tooShort.status).toBe(422);
    expect(tooShort.text).toContain('Nội dung trả lời phải có ít nhất 10 ký tự.');
    const answer = 'Sở BCVT đồng ý; Trung tâm CNTT sẽ triển khai trên Cổng trong quý tới.';
    const answered = await na.send('POST', `/api/v1/unit-requests/${id}/answer`, { answer }, bcvtHead);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer, actions: [] });
    expect(answered.body.history.map((s: { actionLabel: string; actor: string }) => [s.actionLabel, s.actor])).toEqual([
      ['Gửi', 'Lê Thị Hoa'],
      ['Tiếp nhận', 'Trần Văn Bình'],
      ['Trả lời', 'Trần Văn Bình'],
    ]);
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/answer`, { answer }, bcvtHead)).status).toBe(409);
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/withdraw`, { reason: 'Không cần nữa' }, editor)).status).toBe(409);
    expect((await notifications(editor)).find((n) => n.kind === 'unit_request')).toMatchObject({
      title: `Đề xuất dịch vụ công trực tuyến DX-${year}-1 đã được trả lời`,
      body: answer,
    });

    // Found by its number, and by words typed without accents.
    for (const q of [`DX-${year}-1`, 'giay phep hanh nghe'])
      expect((await na.send('GET', `/api/v1/unit-requests?q=${encodeURIComponent(q)}`, undefined, bcvtHead)).body.items).toHaveLength(1);
    expect((await na.send('GET', `/api/v1/unit-requests?q=${encodeURIComponent(`PA-${year}-1`)}`, undefined, bcvtHead)).body.items).toEqual(
      [],
    );
  });

  it('NA-8.5: a problem report is due in five working days, forwarded to the IT centre with a reason, withdrawn by its unit', async () => {
    const { na } = seeded;
    const sent = await na.send(
      'POST',
      '/api/v1/unit-requests',
      request({
        kind: 'problem',
        title: 'Không tải được tệp lên chuyên trang',
        description: 'Từ sáng nay tệp PDF trên 5 MB báo lỗi khi tải lên.',
      }),
      editor,
    );
    expect(sent.body).toMatchObject({ kind: 'problem', kindLabel: 'Phản ánh vướng mắc', dueOn: await dueAfter(seeded.ngheAnId, 5) });
    const id = sent.body.id;
    expect(sent.body.number).toMatch(/^PA-\d{4}-1$/);

    const noReason = await na.send('POST', `/api/v1/unit-requests/${id}/forward`, { unit: 'trung-tam-cntt' }, bcvtHead);
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'Trường "reason" là bắt buộc.' }]);
    const same = await na.send(
      'POST',
      `/api/v1/unit-requests/${id}/forward`,
      { unit: 'so-buu-chinh-vien-thong', reason: 'Chuyển' },
      bcvtHead,
    );
    expect(same.status).toBe(422);
    const unknown = await na.send('POST', `/api/v1/unit-requests/${id}/forward`, { unit: 'so-khong-co', reason: 'Chuyển' }, bcvtHead);
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([422, 'unit']);

    // The IT centre's head does not see it before it is forwarded to them.
    expect((await na.send('GET', `/api/v1/unit-requests/${id}`, undefined, itHead)).status).toBe(404);
    const forwarded = await na.send(
      'POST',
      `/api/v1/unit-requests/${id}/forward`,
      { unit: 'trung-tam-cntt', reason: 'Lỗi kỹ thuật của Cổng, Trung tâm CNTT xử lý.' },
      bcvtHead,
    );
    expect(forwarded.body).toMatchObject({ status: 'sent', handler: { code: 'trung-tam-cntt' } });
    expect(forwarded.body.history[1]).toMatchObject({
      actionLabel: 'Chuyển đơn vị xử lý',
      fromUnit: 'Sở Bưu chính - Viễn thông',
      toUnit: 'Trung tâm Công nghệ Thông tin Nghệ An',
      note: 'Lỗi kỹ thuật của Cổng, Trung tâm CNTT xử lý.',
    });
    expect((await na.send('GET', `/api/v1/unit-requests/${id}`, undefined, itHead)).body.actions).toEqual(['take-up', 'forward', 'answer']);
    expect((await notifications(itHead)).map((n) => n.title)).toContain(
      `Phản ánh vướng mắc ${sent.body.number} được chuyển đến Trung tâm Công nghệ Thông tin Nghệ An`,
    );

    expect((await na.send('POST', `/api/v1/unit-requests/${id}/withdraw`, { reason: 'x' }, editor)).status).toBe(422);
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/withdraw`, { reason: 'Lỗi đã hết' }, itHead)).status).toBe(403);
    const withdrawn = await na.send(
      'POST',
      `/api/v1/unit-requests/${id}/withdraw`,
      { reason: 'Lỗi đã hết sau khi tải lại trang.' },
      editor,
    );
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusLabel: 'Đã rút lại', actions: [] });
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/answer`, { answer: 'Đã sửa lỗi tải tệp lên.' }, itHead)).status).toBe(409);
  });

  it('lists open requests past their due day as overdue', async () => {
    const { na, ctx, ngheAnId } = seeded;
    const sent = await na.send('POST', '/api/v1/unit-requests', request({ title: 'Cấp phép quảng cáo thực phẩm trực tuyến' }), editor);
    await ctx.db.transaction(ngheAnId, (m) =>
      m.query(`UPDATE online_services_request SET sent_on = '2026-01-05', due_on = '2026-01-19' WHERE tenant_id = $1 AND id = $2`, [
        ngheAnId,
        sent.body.id,
      ]),
    );
    const overdue = await na.send('GET', '/api/v1/unit-requests?overdue=true', undefined, bcvtHead);
    expect(overdue.body.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([[sent.body.id, true]]);
  });

  it('refuses what is wrong with a reason naming the field, and writes nothing', async () => {
    const { na } = seeded;
    const before = (await na.send('GET', '/api/v1/unit-requests?limit=200', undefined, seeded.naAdmin)).body.items.length;
    const cases: [Record<string, unknown>, number, string][] = [
      [request({ kind: 'complaint' }), 422, '`kind` phải là proposal (đề xuất) hoặc problem (phản ánh).'],
      [request({ title: 'Ngắn' }), 422, 'Tiêu đề phải có ít nhất 5 ký tự.'],
      [request({ unit: 'so-tu-phap' }), 403, 'Bạn không gửi đề xuất, phản ánh thay cho đơn vị "so-tu-phap" được.'],
      [request({ unit: 'so-khong-co' }), 422, 'Không có đơn vị "so-khong-co" đang hoạt động trong tỉnh.'],
      [request({ attachments: ['00000000-0000-4000-8000-000000000000'] }), 422, 'Tệp đính kèm không có trong thư viện tệp của tỉnh.'],
      [
        request({ attachments: Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) }),
        422,
        'Đính kèm tối đa 5 tệp.',
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await na.send('POST', '/api/v1/unit-requests', body, editor);
      const said = [res.body.detail, ...(res.body.errors ?? []).map((e: { message: string }) => e.message)];
      expect([res.status, said.some((m) => m.includes(message)) || said]).toEqual([status, true]);
    }
    expect((await na.send('GET', '/api/v1/unit-requests?box=sideways', undefined, editor)).status).toBe(422);
    expect((await na.send('GET', '/api/v1/unit-requests?limit=200', undefined, seeded.naAdmin)).body.items).toHaveLength(before);
  });

  it('LC-2.1.3: Lào Cai’s registrations go to its IT centre; neither province reaches the other’s', async () => {
    const { na, lc, admin, naAdmin } = seeded;
    const sent = await lc.send('POST', '/api/v1/unit-requests', request(), lcEditor);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      handler: { code: 'trung-tam-cntt', name: 'Trung tâm Công nghệ thông tin tỉnh' },
      dueOn: await dueAfter(seeded.laoCaiId, 10),
    });
    // Its numbers are its own: Nghệ An's proposals do not count.
    expect(sent.body.number).toMatch(/^DX-\d{4}-1$/);
    const id = sent.body.id;
    // The IT centre handles it, and may act for the sending unit too.
    expect((await lc.send('GET', `/api/v1/unit-requests/${id}`, undefined, admin)).body.actions).toEqual([
      'take-up',
      'forward',
      'answer',
      'withdraw',
    ]);

    // Nghệ An's IT centre: with its own province, as if the request did not exist; with Lào Cai's, refused.
    expect((await na.send('GET', `/api/v1/unit-requests/${id}`, undefined, naAdmin)).status).toBe(404);
    expect((await na.send('POST', `/api/v1/unit-requests/${id}/answer`, { answer: 'Trả lời từ tỉnh khác.' }, naAdmin)).status).toBe(404);
    expect(
      (await na.send('GET', '/api/v1/unit-requests?limit=200', undefined, naAdmin)).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(id);
    const crossed = await lc.send('GET', `/api/v1/unit-requests/${id}`, undefined, naAdmin);
    expect(crossed.status).toBe(401);
  });
});
