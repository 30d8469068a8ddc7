import { TestContext } from '@cong/testing';
import { loadTenantFolder } from '@cong/rules';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/** Both seed workflows over HTTP: every step, the roles refused, versions, history and reach. */
describe('editorial workflow over HTTP (NA-8.1, NA-7.2d, LC-3.1b, LC-3.2, LC-3.3)', () => {
  let seeded: SeededApi;
  let ctx: TestContext;
  let api: ApiUnderTest;
  let lc: Caller;
  let na: Caller;
  const token: Record<string, string> = {};

  const invite = async (caller: Caller, admin: string, username: string, roles: { role: string; unit?: string }[]) => {
    token[username] = await invitedAccount(caller, admin, username, roles);
  };

  beforeAll(async () => {
    seeded = await seededApi();
    ({ ctx, api, lc, na } = seeded);
    token['it.laocai'] = seeded.admin;
    token['it.nghean'] = seeded.naAdmin;
    await invite(lc, token['it.laocai'], 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    await invite(lc, token['it.laocai'], 'bientap.gd', [{ role: 'unit_editor', unit: 'so-giao-duc-dao-tao' }]);
    await invite(lc, token['it.laocai'], 'bbt.cong', [{ role: 'editorial_board' }]);
    await invite(lc, token['it.laocai'], 'hdbt.cong', [{ role: 'editorial_council' }]);
    await invite(na, token['it.nghean'], 'totin.taichinh', [{ role: 'unit_editor', unit: 'so-tai-chinh' }]);
    await invite(na, token['it.nghean'], 'giamdoc.taichinh', [{ role: 'unit_head', unit: 'so-tai-chinh' }]);
  });

  afterAll(() => seeded?.close());

  const as = (caller: Caller, user: string) => (method: string, path: string, body?: unknown) =>
    caller.send(method, `/api/v1${path}`, body, token[user]);
  const act = async (caller: Caller, user: string, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const current = await as(caller, 'it.' + (caller === lc ? 'laocai' : 'nghean'))('GET', `/content/${id}/workflow`);
    return as(caller, user)('POST', `/content/${id}/transitions`, { action, version: current.body.version, ...extra });
  };
  const publicList = async (caller: Caller, site: string) =>
    (await api.request(`/api/v1/public/sites/${site}/items`, { headers: { 'x-tenant': caller.tenantCode! } })).body.items.map(
      (i: { id: string }) => i.id,
    );

  it('Lào Cai sub-site (LC-3.1b, LC-3.3): the unit publishes directly; the council takes down with a reason; history keeps every step', async () => {
    const item = (await as(lc, 'bientap.yte')('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Tiêm chủng mở rộng tháng 11' }))
      .body;
    const view = await as(lc, 'bientap.yte')('GET', `/content/${item.id}/workflow`);
    expect(view.body).toMatchObject({ workflow: { id: 'subsite-direct' }, state: { id: 'draft', phase: 'editing' }, version: 1 });
    expect(view.body.actions.map((a: { action: string }) => a.action)).toEqual(['publish', 'schedule']);

    const published = await act(lc, 'bientap.yte', item.id, 'publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: { id: 'published' }, status: 'published', version: 2 });
    expect(await publicList(lc, 'so-y-te')).toContain(item.id);
    const publicItem = () => api.request(`/api/v1/public/sites/so-y-te/items/${item.slug}`, { headers: { 'x-tenant': 'lao-cai' } });
    expect((await publicItem()).status).toBe(200);

    // An editor may not take down (LC-3.3 gives it to the unit head and the council); the council must say why.
    expect((await act(lc, 'bientap.yte', item.id, 'take-down', { comment: 'Sai số liệu' })).status).toBe(403);
    const noReason = await act(lc, 'hdbt.cong', item.id, 'take-down');
    expect([noReason.status, noReason.body.code]).toEqual([422, 'WORKFLOW_COMMENT_REQUIRED']);
    const takenDown = await act(lc, 'hdbt.cong', item.id, 'take-down', { comment: 'Số liệu chưa được kiểm chứng' });
    expect(takenDown.body).toMatchObject({ state: { id: 'withdrawn' }, status: 'withdrawn' });
    expect(await publicList(lc, 'so-y-te')).not.toContain(item.id);
    expect((await publicItem()).status).toBe(410); // at once (the cached copy went with the step), and "gone", not "never was"
    const told = (await as(lc, 'bientap.yte')('GET', '/notifications')).body.items.find(
      (n: { subjectId: string }) => n.subjectId === item.id,
    );
    expect(told).toMatchObject({ kind: 'workflow.taken_down', title: 'Tin bài bị gỡ: Tiêm chủng mở rộng tháng 11' });
    expect(told.body).toContain('Số liệu chưa được kiểm chứng');

    // Archived with a reason (the rules require one), by the IT centre.
    expect((await act(lc, 'it.laocai', item.id, 'archive')).status).toBe(422);
    expect((await act(lc, 'it.laocai', item.id, 'archive', { comment: 'Lưu trữ theo kế hoạch năm' })).body).toMatchObject({
      state: { id: 'archived' },
      status: 'archived',
    });

    const history = (await as(lc, 'bientap.yte')('GET', `/content/${item.id}/transitions`)).body;
    expect(
      history.map((h: Record<string, unknown>) => [
        h.action,
        h.fromState,
        h.toState,
        h.actorLabel,
        h.comment,
        h.revision,
        h.version,
        h.ruleVersion,
      ]),
    ).toEqual([
      ['publish', 'draft', 'published', 'bientap.yte', null, 1, 2, 1],
      ['take-down', 'published', 'withdrawn', 'hdbt.cong', 'Số liệu chưa được kiểm chứng', 1, 3, 1],
      ['archive', 'withdrawn', 'archived', 'it.laocai', 'Lưu trữ theo kế hoạch năm', 1, 4, 1],
    ]);
  });

  it('Lào Cai portal contribution (LC-3.1c, LC-3.2): submitted to the board, returned with a reason, resubmitted, approved and published', async () => {
    const item = (
      await as(lc, 'bientap.yte')('POST', '/content', {
        site: 'portal',
        unit: 'so-y-te',
        type: 'news',
        title: 'Sở Y tế gửi tin cho Cổng tỉnh',
      })
    ).body;
    expect(item.channel).toBe('portal');
    expect((await act(lc, 'bientap.yte', item.id, 'submit')).body).toMatchObject({
      workflow: { id: 'portal-contribution' },
      state: { id: 'board-review', phase: 'review' },
      status: 'in_review',
    });
    expect((await act(lc, 'bientap.yte', item.id, 'approve')).status).toBe(403);
    expect((await act(lc, 'bbt.cong', item.id, 'return')).status).toBe(422);
    expect((await act(lc, 'bbt.cong', item.id, 'return', { comment: 'Bổ sung ảnh và nguồn tin' })).body).toMatchObject({
      state: { id: 'returned' },
      status: 'draft',
    });
    expect((await act(lc, 'bientap.yte', item.id, 'submit')).body.state.id).toBe('board-review');
    // The board's step that publishes offers the genres a news item may earn under (LC-3.1c); returning offers none.
    const offered = (await as(lc, 'bbt.cong')('GET', `/content/${item.id}/workflow`)).body.actions;
    const approve = offered.find((a: { action: string }) => a.action === 'approve');
    expect(approve.royalty.defaultGenre).toBe('tin');
    expect(approve.royalty.genres.map((g: { id: string }) => g.id)).toEqual(['tin', 'tin-co-anh', 'tin-dang-lai', 'bai-binh-luan', 'anh']);
    expect(approve.royalty.genres).toContainEqual({ id: 'bai-binh-luan', name: 'Bài bình luận', points: 2.5, maxPoints: 3 });
    expect(offered.find((a: { action: string }) => a.action === 'return').royalty).toBeUndefined();
    // The board awards a genre of the rate table; one not in it (or points out of range) is a 422 and nothing is published.
    expect((await act(lc, 'bbt.cong', item.id, 'approve', { royalty: { genre: 'tin-khong-co' } })).status).toBe(422);
    expect((await act(lc, 'bbt.cong', item.id, 'approve', { royalty: { genre: 'tin-co-anh', points: 2 } })).body.errors[0].field).toBe(
      'royalty.points',
    );
    const approved = await act(lc, 'bbt.cong', item.id, 'approve', { royalty: { genre: 'tin-co-anh' } });
    expect(approved.body).toMatchObject({ state: { id: 'published' }, status: 'published' });
    expect(await publicList(lc, 'portal')).toContain(item.id);
    const steps = (await as(lc, 'bbt.cong')('GET', `/content/${item.id}/transitions`)).body.map((h: { action: string }) => h.action);
    expect(steps).toEqual(['submit', 'return', 'submit', 'approve']);

    // The author's royalty entitlement (LC-3.1c): 1.5 points × the unit value in force that day.
    const [entitlement] = await ctx.asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT e.genre, e.points::float AS points, e.unit_value, e.share::float AS share, e.amount::int AS amount, e.approved_by, u.username AS author
       FROM compliance_royalty_entitlement e JOIN accounts_user u ON u.id = e.author_id WHERE e.item_id = $1`,
            [item.id],
          )
        ).rows,
    );
    expect(entitlement).toEqual({
      genre: 'tin-co-anh',
      points: 1.5,
      unit_value: 234000,
      share: 1,
      amount: 351000,
      approved_by: 'bbt.cong',
      author: 'bientap.yte',
    });
    // Taken down and published again, it earns nothing more.
    const down = await act(lc, 'bbt.cong', item.id, 'take-down', { comment: 'Gỡ để sửa ảnh' });
    expect(down.status).toBe(200);
    expect(
      await ctx.asOwner(
        async (c) =>
          (await c.query(`SELECT count(*)::int AS n FROM compliance_royalty_entitlement WHERE item_id = $1`, [item.id])).rows[0].n,
      ),
    ).toBe(1);
  });

  it("Nghệ An unit (NA-8.1): the information team submits, only the unit's head publishes", async () => {
    const item = (
      await as(na, 'totin.taichinh')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Công khai ngân sách quý IV' })
    ).body;
    expect((await act(na, 'totin.taichinh', item.id, 'publish')).status).toBe(403);
    expect((await act(na, 'totin.taichinh', item.id, 'submit')).body).toMatchObject({
      workflow: { id: 'unit-information-team' },
      state: { id: 'head-review' },
    });
    const head = await as(na, 'giamdoc.taichinh')('GET', `/content/${item.id}/workflow`);
    expect(head.body.actions.map((a: { action: string }) => a.action)).toEqual(['publish', 'schedule', 'return']);
    expect((await act(na, 'giamdoc.taichinh', item.id, 'publish')).body).toMatchObject({ state: { id: 'published' }, status: 'published' });
    expect(await publicList(na, 'so-tai-chinh')).toContain(item.id);
  });

  it('NA-8.1 (issue 14): an editor cannot change a published item live; the head can, and the history shows the edit', async () => {
    const item = (
      await as(na, 'totin.taichinh')('POST', '/content', {
        site: 'so-tai-chinh',
        type: 'news',
        title: 'Thu ngân sách tháng 11',
        summary: 'Đã duyệt',
      })
    ).body;
    await act(na, 'totin.taichinh', item.id, 'submit');
    await act(na, 'giamdoc.taichinh', item.id, 'publish');
    const publicItem = async () =>
      (await api.request(`/api/v1/public/sites/so-tai-chinh/items/${item.slug}`, { headers: { 'x-tenant': 'nghe-an' } })).body;
    expect((await publicItem()).title).toBe('Thu ngân sách tháng 11');

    const refused = await as(na, 'totin.taichinh')('PUT', `/content/${item.id}`, {
      expectedRevision: 1,
      title: 'Thu ngân sách tháng 11 (chưa duyệt)',
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'WORKFLOW_LIVE_EDIT_REFUSED']);
    expect(refused.body.detail).toMatch(/unit_head/);
    const restore = await as(na, 'totin.taichinh')('POST', `/content/${item.id}/revisions/1/restore`, { expectedRevision: 1 });
    expect(restore.status).toBe(403);
    // Nothing changed: no revision, no new version, the public sees what the head approved.
    expect((await as(na, 'it.nghean')('GET', `/content/${item.id}`)).body.revision).toBe(1);
    expect((await publicItem()).title).toBe('Thu ngân sách tháng 11');

    const edited = await as(na, 'giamdoc.taichinh')('PUT', `/content/${item.id}`, {
      expectedRevision: 1,
      title: 'Thu ngân sách tháng 11 (đính chính)',
    });
    expect(edited.status).toBe(200);
    expect((await publicItem()).title).toBe('Thu ngân sách tháng 11 (đính chính)');
    const history = (await as(na, 'it.nghean')('GET', `/content/${item.id}/transitions`)).body;
    expect(history[history.length - 1]).toMatchObject({
      action: 'edit-live',
      actionLabel: 'Sửa khi đang đăng',
      fromState: 'published',
      toState: 'published',
      actorLabel: 'giamdoc.taichinh',
      revision: 2,
    });
    // Workflow actions still see the item's current version.
    const view = (await as(na, 'giamdoc.taichinh')('GET', `/content/${item.id}/workflow`)).body;
    expect(
      (
        await as(na, 'giamdoc.taichinh')('POST', `/content/${item.id}/transitions`, {
          action: 'take-down',
          version: view.version,
          comment: 'Kiểm tra lại số liệu',
        })
      ).status,
    ).toBe(200);
  });

  it('LC-3.1b (issue 14): on a Lào Cai sub-site the editor, who may publish, may also correct a published item', async () => {
    const item = (await as(lc, 'bientap.yte')('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Lịch tiêm tháng 12' })).body;
    await act(lc, 'bientap.yte', item.id, 'publish');
    expect(
      (await as(lc, 'bientap.yte')('PUT', `/content/${item.id}`, { expectedRevision: 1, title: 'Lịch tiêm tháng 12 (bổ sung)' })).status,
    ).toBe(200);
    // Another unit's editor of the same province still sees nothing of it.
    expect((await as(lc, 'bientap.gd')('PUT', `/content/${item.id}`, { expectedRevision: 2, title: 'Sửa hộ' })).status).toBe(404);
  });

  it('NA-8.1: actions are offered, told and recorded as verbs ("Gửi duyệt", "Trả lại", "Đăng"), never as the state they lead to', async () => {
    const item = (
      await as(na, 'totin.taichinh')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Nhãn hành động là động từ' })
    ).body;
    const labelsOf = (actions: { action: string; label: string }[]) => actions.map((a) => `${a.action}: ${a.label}`);
    expect(labelsOf((await as(na, 'totin.taichinh')('GET', `/content/${item.id}/workflow`)).body.actions)).toEqual(['submit: Gửi duyệt']);
    await act(na, 'totin.taichinh', item.id, 'submit');

    const headView = (await as(na, 'giamdoc.taichinh')('GET', `/content/${item.id}/workflow`)).body;
    expect(labelsOf(headView.actions)).toEqual(['publish: Đăng', 'schedule: Hẹn giờ đăng', 'return: Trả lại']);
    const queued = (await as(na, 'giamdoc.taichinh')('GET', '/workflow/queue')).body.items.find((i: { id: string }) => i.id === item.id);
    expect(labelsOf(queued.actions)).toEqual(['publish: Đăng', 'schedule: Hẹn giờ đăng', 'return: Trả lại']);
    const awaiting = (await as(na, 'giamdoc.taichinh')('GET', '/notifications')).body.items.find(
      (n: { subjectId: string }) => n.subjectId === item.id,
    );
    expect(awaiting.body).toBe('totin.taichinh — Gửi duyệt: tin bài "Nhãn hành động là động từ" (nay: Chờ thủ trưởng đơn vị duyệt).');

    await act(na, 'giamdoc.taichinh', item.id, 'return', { comment: 'Bổ sung số liệu quý IV' });
    const returned = (await as(na, 'totin.taichinh')('GET', '/notifications')).body.items.find(
      (n: { subjectId: string; kind: string }) => n.subjectId === item.id && n.kind === 'workflow.returned',
    );
    expect(returned.body).toBe(
      'giamdoc.taichinh — Trả lại: tin bài "Nhãn hành động là động từ" (nay: Bản nháp). Lý do: Bổ sung số liệu quý IV',
    );
    await act(na, 'totin.taichinh', item.id, 'submit');
    await act(na, 'giamdoc.taichinh', item.id, 'publish');
    const published = (await as(na, 'totin.taichinh')('GET', '/notifications')).body.items.find(
      (n: { subjectId: string; kind: string }) => n.subjectId === item.id && n.kind === 'workflow.published',
    );
    expect(published.body).toBe('giamdoc.taichinh — Đăng: tin bài "Nhãn hành động là động từ" đã được đăng.');

    const history = (await as(na, 'totin.taichinh')('GET', `/content/${item.id}/transitions`)).body;
    expect(history.map((h: { action: string; actionLabel: string }) => `${h.action}: ${h.actionLabel}`)).toEqual([
      'submit: Gửi duyệt',
      'return: Trả lại',
      'submit: Gửi duyệt',
      'publish: Đăng',
    ]);
    expect(history.every((h: { itemId: string; tenantId?: string }) => h.itemId === item.id && h.tenantId === undefined)).toBe(true);
  });

  it('a new rule version governs items entering the workflow after it; items already in review finish under the old one', async () => {
    const inReview = (
      await as(na, 'totin.taichinh')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Đang chờ duyệt khi quy định đổi' })
    ).body;
    await act(na, 'totin.taichinh', inReview.id, 'submit');

    // Version 2: only the IT centre may publish from the head's review.
    const folder = await loadTenantFolder(join(__dirname, '../../../tenants/nghe-an'));
    if (!folder.ok) throw new Error('seed does not load');
    const flow = folder.definition.ruleSet.workflows.find((w) => w.id === 'unit-information-team')!;
    flow.transitions.find((t) => t.action === 'publish')!.roles = ['tenant_admin'];
    flow.transitions.find((t) => t.action === 'publish')!.label = 'Trung tâm CNTT đăng';
    await ctx.applyDefinition(folder.definition, {
      actorLabel: 'test-rule-change',
      note: 'publish by the IT centre only',
    });

    const old = await act(na, 'giamdoc.taichinh', inReview.id, 'publish');
    expect(old.status).toBe(200);
    expect(old.body.workflow.ruleVersion).toBe(1);

    const after = (
      await as(na, 'totin.taichinh')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Gửi duyệt sau khi quy định đổi' })
    ).body;
    expect((await act(na, 'totin.taichinh', after.id, 'submit')).body.workflow.ruleVersion).toBe(2);
    expect((await act(na, 'giamdoc.taichinh', after.id, 'publish')).status).toBe(403);
    // The rule file's own label is what the action is offered and recorded as, per version.
    const offered = (await as(na, 'it.nghean')('GET', `/content/${after.id}/workflow`)).body.actions.find(
      (a: { action: string }) => a.action === 'publish',
    );
    expect(offered.label).toBe('Trung tâm CNTT đăng');
    expect((await act(na, 'it.nghean', after.id, 'publish')).status).toBe(200);
    const history = (await as(na, 'it.nghean')('GET', `/content/${after.id}/transitions`)).body;
    expect(
      history.map((h: { action: string; ruleVersion: number; actionLabel: string }) => [h.action, h.ruleVersion, h.actionLabel]),
    ).toEqual([
      ['submit', 2, 'Gửi duyệt'],
      ['publish', 2, 'Trung tâm CNTT đăng'],
    ]);
    const oldHistory = (await as(na, 'it.nghean')('GET', `/content/${inReview.id}/transitions`)).body;
    expect(
      oldHistory.map((h: { action: string; ruleVersion: number; actionLabel: string }) => [h.action, h.ruleVersion, h.actionLabel]),
    ).toEqual([
      ['submit', 1, 'Gửi duyệt'],
      ['publish', 1, 'Đăng'],
    ]);
  });

  it('two actions on the same version: exactly one wins, the other is a 409 and changes nothing', async () => {
    const item = (
      await as(lc, 'bientap.yte')('POST', '/content', { site: 'portal', unit: 'so-y-te', type: 'news', title: 'Hai người duyệt cùng lúc' })
    ).body;
    await act(lc, 'bientap.yte', item.id, 'submit');
    const version = (await as(lc, 'bbt.cong')('GET', `/content/${item.id}/workflow`)).body.version;
    const [a, b] = await Promise.all([
      as(lc, 'bbt.cong')('POST', `/content/${item.id}/transitions`, { action: 'approve', version }),
      as(lc, 'bbt.cong')('POST', `/content/${item.id}/transitions`, { action: 'return', version, comment: 'Chưa đạt yêu cầu' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('WORKFLOW_STALE_VERSION');
    const history = (await as(lc, 'bbt.cong')('GET', `/content/${item.id}/transitions`)).body;
    expect(history).toHaveLength(2);
    // A save bumps the version too: a reviewer acting on what they saw before an edit gets a 409.
    const stale = await as(lc, 'bbt.cong')('POST', `/content/${item.id}/transitions`, { action: 'archive', version });
    expect(stale.status).toBe(409);
  });

  it("keeps items out of reach: another unit's editor and another province see nothing (404); bad requests are 4xx naming the field", async () => {
    const item = (await as(lc, 'bientap.yte')('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Chỉ Sở Y tế thấy' })).body;
    expect((await as(lc, 'bientap.gd')('GET', `/content/${item.id}/workflow`)).status).toBe(404);
    expect((await as(lc, 'bientap.gd')('POST', `/content/${item.id}/transitions`, { action: 'publish', version: 1 })).status).toBe(404);
    expect((await as(na, 'it.nghean')('GET', `/content/${item.id}/transitions`)).status).toBe(404);
    expect((await as(na, 'it.nghean')('POST', `/content/${item.id}/transitions`, { action: 'publish', version: 1 })).status).toBe(404);
    const lcNotice = (await as(lc, 'bbt.cong')('GET', '/notifications')).body.items[0];
    expect(lcNotice).toBeDefined();
    expect((await as(na, 'it.nghean')('POST', `/notifications/${lcNotice.id}/read`)).status).toBe(404);
    expect((await as(na, 'it.nghean')('GET', '/notifications')).body.items.some((n: { id: string }) => n.id === lcNotice.id)).toBe(false);
    expect((await as(na, 'it.nghean')('GET', '/workflow/queue')).body.items.some((i: { id: string }) => i.id === item.id)).toBe(false);
    const bad = await as(lc, 'bientap.yte')('POST', `/content/${item.id}/transitions`, { action: 'Publish!', version: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'version']);
    const unknown = await as(lc, 'bientap.yte')('POST', `/content/${item.id}/transitions`, { action: 'approve', version: 1 });
    expect([unknown.status, unknown.body.code]).toEqual([409, 'WORKFLOW_ACTION_NOT_POSSIBLE']);
    const past = await as(lc, 'bientap.yte')('POST', `/content/${item.id}/transitions`, {
      action: 'schedule',
      version: 1,
      publishAt: '2020-01-01T08:00:00+07:00',
    });
    expect([past.status, past.body.errors?.[0]?.field]).toEqual([422, 'publishAt']);
    expect((await as(lc, 'bientap.yte')('GET', `/content/${item.id}/workflow`)).body.version).toBe(1);
  });

  it("a unit head's queue holds its unit's items even when other units have hundreds newer in review", async () => {
    const mine = (
      await as(na, 'totin.taichinh')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Báo cáo thu chi tháng 11' })
    ).body;
    await act(na, 'totin.taichinh', mine.id, 'submit');
    // 510 newer items in review at another unit, more than the queue looks at.
    await ctx.asOwner((c) =>
      c.query(
        `INSERT INTO content_item (tenant_id, site_id, unit_id, type, channel, slug, title, status, workflow_id, workflow_state, workflow_rule_version, updated_at)
      SELECT c.tenant_id, s.id, s.unit_id, 'news', 'subsite', 'hang-cho-' || i, 'Tin chờ duyệt ' || i, 'in_review', c.workflow_id, c.workflow_state, c.workflow_rule_version, now() + (i || ' seconds')::interval
      FROM content_item c JOIN sites_site s ON s.tenant_id = c.tenant_id AND s.path = '/so-ke-hoach-dau-tu', generate_series(1, 510) i WHERE c.id = $1`,
        [mine.id],
      ),
    );
    const queue = (await as(na, 'giamdoc.taichinh')('GET', '/workflow/queue')).body;
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(queue.items.every((i: { title: string }) => !i.title.startsWith('Tin chờ duyệt'))).toBe(true);
  });
});
