import { countQueries, naming } from '@cong/testing';
import { Caller, invitedAccount, STRONG_PASSWORD } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * What the IT centre's account screens need of the API (issue 18): accounts found by words with
 * accents ignored, in a fixed number of statements; an account's live sign-ins, and ending one of
 * them; never another province's accounts.
 */
describe("the IT centre's account screens: search, sign-ins seen and ended", () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  let lc: Caller;
  let admin: string;
  let editor: string;
  let editorId: string;

  const search = async (query: string) => {
    const res = await lc.send('GET', `/api/v1/users?${query}`, undefined, admin);
    expect(res.status).toBe(200);
    return (res.body as { username: string }[]).map((u) => u.username);
  };

  beforeAll(async () => {
    seeded = await seededApi();
    ({ lc, admin } = seeded);
    editor = await invitedAccount(lc, admin, 'nguyen.an', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      displayName: 'Nguyễn Văn An',
      email: 'an.nv@laocai.gov.vn',
    });
    await invitedAccount(lc, admin, 'do.binh', [{ role: 'unit_head', unit: 'so-y-te' }], { displayName: 'Đỗ Thị Bình' });
    editorId = (await lc.send('GET', '/api/v1/auth/me', undefined, editor)).body.id;
    // A namesake in the other province.
    await invitedAccount(seeded.na, seeded.naAdmin, 'nguyen.an', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      displayName: 'Nguyễn Văn An',
    });
  });
  afterAll(() => seeded?.close());

  it('finds accounts by words of the username, name or e-mail, accents and case ignored, in this province only', async () => {
    expect(await search('q=nguyen%20van')).toEqual(['nguyen.an']);
    expect(await search('q=%C4%90%E1%BB%97')).toEqual(['do.binh']); // "Đỗ"
    expect(await search('q=do%20thi')).toEqual(['do.binh']);
    expect(await search('q=LAOCAI.GOV')).toEqual(['nguyen.an']);
    expect(await search('q=khong-ai-ca')).toEqual([]);
    expect(await search('status=active&q=binh')).toEqual(['do.binh']);
    const short = await lc.send('GET', '/api/v1/users?q=a', undefined, admin);
    expect(short.status).toBe(422);
    expect(short.body.errors[0].field).toBe('q');
  });

  it('reads the list in the same statements whatever the number of accounts (no query per account)', async () => {
    const before = await countQueries(() => search(''));
    await invitedAccount(lc, admin, 'them.mot', [{ role: 'unit_editor', unit: 'so-xay-dung' }]);
    const after = await countQueries(() => search(''));
    expect(after.result.length).toBe(before.result.length + 1);
    // Counted on the tables the list reads: what else a request may run (a session's last use
    // written now and then, a province lookup once its cache lapses) is not the list's.
    for (const table of ['accounts_user', 'accounts_membership', 'units_unit'])
      expect([table, naming(after.statements, table).length]).toEqual([table, naming(before.statements, table).length]);
    // The accounts, then their roles, then the units those name (beside what signing the request in reads).
    expect(naming(after.statements, 'accounts_membership').filter((q) => q.includes(' IN ('))).toHaveLength(1);
  });

  it("shows an account's sign-ins and ends one: its refresh stops working, the audit log says who ended it", async () => {
    const second = await lc.login('nguyen.an', STRONG_PASSWORD);
    const listed = await lc.send('GET', `/api/v1/users/${editorId}/sessions`, undefined, admin);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body[0]).toMatchObject({ current: false, startedAt: expect.any(String), expiresAt: expect.any(String) });
    const newest = listed.body[0].id as string;
    expect((await lc.send('DELETE', `/api/v1/users/${editorId}/sessions/${newest}`, undefined, admin)).status).toBe(204);
    expect((await lc.send('POST', '/api/v1/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await lc.send('GET', `/api/v1/users/${editorId}/sessions`, undefined, admin)).body).toHaveLength(1);
    // Ended already: not found.
    expect((await lc.send('DELETE', `/api/v1/users/${editorId}/sessions/${newest}`, undefined, admin)).status).toBe(404);
    const audit = await lc.send('GET', '/api/v1/audit?action=auth.session_revoked', undefined, admin);
    expect(audit.body.items ?? audit.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: editorId, actorLabel: 'it.laocai' })]),
    );
  });

  it("refuses those who may not manage accounts, and never reaches another province's account", async () => {
    expect((await lc.send('GET', `/api/v1/users/${editorId}/sessions`, undefined, editor)).status).toBe(403);
    const fromNa = await seeded.na.send('GET', `/api/v1/users/${editorId}/sessions`, undefined, seeded.naAdmin);
    expect(fromNa.status).toBe(404);
    const endFromNa = await seeded.na.send(
      'DELETE',
      `/api/v1/users/${editorId}/sessions/00000000-0000-4000-8000-000000000000`,
      undefined,
      seeded.naAdmin,
    );
    expect(endFromNa.status).toBe(404);
    expect((await lc.send('DELETE', `/api/v1/users/${editorId}/sessions/not-a-uuid`, undefined, admin)).status).toBe(400);
  });
});
