import { randomUUID } from 'node:crypto';
import { invitedAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 14: an item out of the caller's reach — another unit's, or another province's — answers
 * exactly like an item that does not exist, on every route: no 403, no 409 with its version or
 * state, nothing that tells it is there.
 */
describe('out-of-reach items answer like missing ones (issue 14)', () => {
  let seeded: SeededApi;
  const token: Record<string, string> = {};
  let scheduled: { id: string; version: number };

  beforeAll(async () => {
    seeded = await seededApi();
    const { lc, admin } = seeded;
    token.yte = await invitedAccount(lc, admin, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    token.gd = await invitedAccount(lc, admin, 'bientap.gd', [{ role: 'unit_editor', unit: 'so-giao-duc-dao-tao' }]);
    // Another unit's item, scheduled: its version and state are what a leak would tell.
    const item = (
      await lc.send(
        'POST',
        '/api/v1/content',
        { site: 'so-giao-duc-dao-tao', type: 'news', title: 'Lịch khai giảng năm học mới' },
        token.gd,
      )
    ).body;
    const step = await lc.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'schedule', version: 1, publishAt: '2099-09-05T07:00:00+07:00' },
      token.gd,
    );
    expect(step.status).toBe(200);
    scheduled = { id: item.id, version: step.body.version };
  });
  afterAll(() => seeded?.close());

  /** Every route that takes an item id, with a body that would pass validation. */
  const routes = (id: string, version: number): [string, string, unknown?][] => [
    ['GET', `/api/v1/content/${id}`],
    ['PUT', `/api/v1/content/${id}`, { expectedRevision: 1, title: 'Sửa hộ' }],
    ['GET', `/api/v1/content/${id}/revisions`],
    ['GET', `/api/v1/content/${id}/revisions/1`],
    ['GET', `/api/v1/content/${id}/diff?from=1&to=1`],
    ['POST', `/api/v1/content/${id}/revisions/1/restore`, { expectedRevision: 1 }],
    ['GET', `/api/v1/content/${id}/workflow`],
    ['GET', `/api/v1/content/${id}/transitions`],
    ['POST', `/api/v1/content/${id}/transitions`, { action: 'publish', version }],
    ['PUT', `/api/v1/content/${id}/schedule`, { version, publishAt: '2099-09-06T07:00:00+07:00' }],
    // A stale version must not tell the current one either.
    ['PUT', `/api/v1/content/${id}/schedule`, { version: version + 7, publishAt: '2099-09-06T07:00:00+07:00' }],
  ];

  it("another unit's item, to a unit editor of Lào Cai", async () => {
    const missing = randomUUID();
    const real = routes(scheduled.id, scheduled.version);
    const absent = routes(missing, scheduled.version);
    for (let i = 0; i < real.length; i++) {
      const [method, path, body] = real[i];
      const out = await seeded.lc.send(method, path, body, token.yte);
      const none = await seeded.lc.send(absent[i][0], absent[i][1], absent[i][2], token.yte);
      const shape = (r: typeof out) => ({
        route: `${method} ${path.replace(scheduled.id, ':id').replace(missing, ':id')}`,
        status: r.status,
        code: r.body?.code,
        detail: r.body?.detail,
      });
      expect(shape(out)).toEqual(shape(none));
      expect(out.status).toBe(404);
      expect(JSON.stringify(out.body)).not.toMatch(/scheduled|currentVersion|"version"/);
    }
    // Nothing changed: the owner still sees it scheduled, at its version.
    const view = await seeded.lc.send('GET', `/api/v1/content/${scheduled.id}/workflow`, undefined, token.gd);
    expect(view.body).toMatchObject({ status: 'scheduled', version: scheduled.version });
  });

  it("a Lào Cai item, to Nghệ An's IT centre", async () => {
    for (const [method, path, body] of routes(scheduled.id, scheduled.version)) {
      const res = await seeded.na.send(method, path, body, seeded.naAdmin);
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 404 });
    }
  });
});
