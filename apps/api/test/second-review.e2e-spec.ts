import { ruleVariant } from '@cong/testing';
import { invitedAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 14, point 16: where a province's workflow allows it, a unit head may publish past the usual
 * review with a recorded reason ("force publish"); the item stays flagged until someone else holding
 * one of the step's review roles approves it afterwards (the retrospective second review, "2i").
 */
describe('force publish with a reason and the retrospective second review (NA-8.1, issue 14)', () => {
  let s: SeededApi;
  const token: Record<string, string> = {};
  const as = (user: string) => (method: string, path: string, body?: unknown) => s.na.send(method, `/api/v1${path}`, body, token[user]);

  beforeAll(async () => {
    s = await seededApi();
    token.admin = s.naAdmin;
    // Nghệ An's unit workflow, with a step past the head's review and a 2i by another head or the IT centre.
    const variant = await ruleVariant('nghe-an', (r) => {
      const workflow = (r.workflows as { id: string; transitions: unknown[] }[]).find((w) => w.id === 'unit-information-team')!;
      workflow.transitions.push({
        action: 'force-publish',
        from: ['draft'],
        to: 'published',
        roles: ['unit_head'],
        secondReview: ['unit_head', 'tenant_admin'],
      });
    });
    await s.ctx.applyDefinition(variant, { actorLabel: 'test-rule-change', note: 'force publish with 2i' });
    token.head = await invitedAccount(s.na, s.naAdmin, 'giamdoc.tc', [{ role: 'unit_head', unit: 'so-tai-chinh' }]);
    token.deputy = await invitedAccount(s.na, s.naAdmin, 'phogiamdoc.tc', [{ role: 'unit_head', unit: 'so-tai-chinh' }]);
    token.editor = await invitedAccount(s.na, s.naAdmin, 'totin.tc', [{ role: 'unit_editor', unit: 'so-tai-chinh' }]);
  });
  afterAll(() => s?.close());

  it('needs a reason, publishes at once, flags the item until another person with a review role approves it', async () => {
    const item = (
      await as('head')('POST', '/content', { site: 'so-tai-chinh', type: 'announcement', title: 'Thông báo khẩn về thu ngân sách' })
    ).body;
    const offered = (await as('head')('GET', `/content/${item.id}/workflow`)).body.actions;
    expect(offered).toContainEqual({
      action: 'force-publish',
      to: 'published',
      toPhase: 'published',
      label: 'Đăng ngay (duyệt lại sau)',
      commentRequired: true,
    });

    const noReason = await as('head')('POST', `/content/${item.id}/transitions`, { action: 'force-publish', version: 1 });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'WORKFLOW_COMMENT_REQUIRED']);
    const forced = await as('head')('POST', `/content/${item.id}/transitions`, {
      action: 'force-publish',
      version: 1,
      comment: 'Thông báo khẩn, cần đăng ngay trong đêm',
    });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({
      status: 'published',
      secondReview: { forcedBy: 'giamdoc.tc', reason: 'Thông báo khẩn, cần đăng ngay trong đêm', roles: ['unit_head', 'tenant_admin'] },
    });
    const onPortal = await s.api.request(`/api/v1/public/sites/so-tai-chinh/items/${item.slug}`, { headers: { 'x-tenant': 'nghe-an' } });
    expect(onPortal.status).toBe(200);

    // Not by the one who published it, not by a role the step does not name.
    expect(forced.body.actions.map((a: { action: string }) => a.action)).not.toContain('second-review');
    const self = await as('head')('POST', `/content/${item.id}/transitions`, { action: 'second-review', version: forced.body.version });
    expect([self.status, self.body.code]).toEqual([403, 'WORKFLOW_SECOND_REVIEW_BY_ANOTHER']);
    const editor = await as('editor')('POST', `/content/${item.id}/transitions`, { action: 'second-review', version: forced.body.version });
    expect([editor.status, editor.body.code]).toEqual([403, 'WORKFLOW_ROLE_REFUSED']);

    // The IT centre's queue holds it, with the 2i offered.
    const queue = (await as('admin')('GET', '/workflow/queue')).body.items;
    expect(queue.find((q: { id: string }) => q.id === item.id)?.actions).toContainEqual({
      action: 'second-review',
      label: 'Duyệt lại (2i)',
    });
    const deputyQueue = (await as('deputy')('GET', '/workflow/queue')).body.items;
    expect(deputyQueue.map((q: { id: string }) => q.id)).toContain(item.id);

    const reviewed = await as('deputy')('POST', `/content/${item.id}/transitions`, {
      action: 'second-review',
      version: forced.body.version,
      comment: 'Đã kiểm tra số liệu',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'published', secondReview: null });
    const again = await as('admin')('POST', `/content/${item.id}/transitions`, { action: 'second-review', version: reviewed.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'WORKFLOW_ACTION_NOT_POSSIBLE']);
    expect((await as('deputy')('GET', '/workflow/queue')).body.items.map((q: { id: string }) => q.id)).not.toContain(item.id);

    const history = (await as('admin')('GET', `/content/${item.id}/transitions`)).body;
    expect(
      history.map((h: { action: string; actionLabel: string; actorLabel: string }) => [h.action, h.actionLabel, h.actorLabel]),
    ).toEqual([
      ['force-publish', 'Đăng ngay (duyệt lại sau)', 'giamdoc.tc'],
      ['second-review', 'Duyệt lại (2i)', 'phogiamdoc.tc'],
    ]);
  });

  it("an item published the usual way asks for no 2i, and another province's item is out of reach", async () => {
    const item = (await as('editor')('POST', '/content', { site: 'so-tai-chinh', type: 'news', title: 'Tin thường' })).body;
    await as('editor')('POST', `/content/${item.id}/transitions`, { action: 'submit', version: 1 });
    const published = await as('head')('POST', `/content/${item.id}/transitions`, { action: 'publish', version: 2 });
    expect(published.body).toMatchObject({ status: 'published', secondReview: null });
    const notNeeded = await as('deputy')('POST', `/content/${item.id}/transitions`, {
      action: 'second-review',
      version: published.body.version,
    });
    expect([notNeeded.status, notNeeded.body.code]).toEqual([409, 'WORKFLOW_ACTION_NOT_POSSIBLE']);
    const fromLaoCai = await s.lc.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'second-review', version: published.body.version },
      s.admin,
    );
    expect(fromLaoCai.status).toBe(404);
  });
});
