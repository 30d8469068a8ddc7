import { TestContext } from '@cong/testing';
import { Caller, STRONG_PASSWORD } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

describe('units over HTTP: the tree, profiles (NA-5.1) and information teams (NA-8.1, LC-3.1a)', () => {
  let seeded: SeededApi;
  let ctx: TestContext;
  let lc: Caller;
  let na: Caller;
  let adminToken: string;

  beforeAll(async () => {
    seeded = await seededApi();
    ({ ctx, lc, na, admin: adminToken } = seeded);
  });

  afterAll(() => seeded?.close());

  const asAdmin = (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, adminToken);

  /** Invites someone with roles and signs them in; returns their token and id. */
  const member = async (username: string, roles: { role: string; unit?: string }[]) => {
    const invited = await asAdmin('POST', '/users/invitations', { username, displayName: `Cán bộ ${username}`, roles });
    await lc.send('POST', '/api/v1/auth/activate', { token: invited.body.invitation.token, password: STRONG_PASSWORD });
    return { id: invited.body.user.id as string, token: (await lc.login(username, STRONG_PASSWORD)).body.accessToken as string };
  };

  it('reads the tree applied from units.yaml', async () => {
    const list = await asAdmin('GET', '/units');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(34);
    expect((await asAdmin('GET', '/units/tp-lao-cai')).body).toMatchObject({
      kind: 'city',
      parent: 'ubnd-tinh',
      tags: ['pilot-online-services'],
      managedBy: 'rules',
    });
    expect((await asAdmin('GET', '/units/khong-co')).status).toBe(404);
  });

  it('LC-1.1: names the unit kinds the rules in force declare, as the rule file labels them', async () => {
    const kinds = (await asAdmin('GET', '/units/kinds')).body as { kind: string; label: string }[];
    expect(kinds).toContainEqual({ kind: 'department', label: 'Sở' });
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['province', 'press', 'enterprise']));
  });

  it('NA-3: the providers Article 3 names (province, district, commune, departments, unions, public service units, enterprises) are unit kinds Nghệ An declares and uses', async () => {
    const asNa = (method: string, path: string, body?: unknown) => na.send(method, `/api/v1${path}`, body, seeded.naAdmin);
    const providers = ['province', 'district', 'commune', 'department', 'union', 'public-service-unit', 'enterprise'];
    const declared = ((await asNa('GET', '/units/kinds')).body as { kind: string }[]).map((k) => k.kind);
    expect(declared).toEqual(expect.arrayContaining(providers));
    // The seed's tree uses five of them; a commune and an enterprise join as they come (units.yaml says so).
    const commune = await asNa('POST', '/units', {
      code: 'phuong-hung-dung',
      name: 'Phường Hưng Dũng',
      kind: 'commune',
      parent: 'tp-vinh',
    });
    const enterprise = await asNa('POST', '/units', {
      code: 'cong-ty-cap-nuoc',
      name: 'Công ty Cấp nước Nghệ An',
      kind: 'enterprise',
      parent: 'ubnd-tinh',
    });
    expect([commune.status, enterprise.status]).toEqual([201, 201]);
    const used = new Set(((await asNa('GET', '/units')).body as { kind: string }[]).map((u) => u.kind));
    expect(providers.filter((kind) => !used.has(kind))).toEqual([]);
    // Added by the IT centre through the API, under the city it belongs to.
    expect((await asNa('GET', '/units/phuong-hung-dung')).body).toMatchObject({ kind: 'commune', parent: 'tp-vinh', managedBy: 'api' });
  });

  it('adds, moves and deactivates units; refuses undeclared kinds, unknown parents, cycles and duplicate codes', async () => {
    const created = await asAdmin('POST', '/units', {
      code: 'phong-ha-tang',
      name: 'Phòng Hạ tầng CNTT',
      kind: 'board',
      parent: 'trung-tam-cntt',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parent: 'trung-tam-cntt', managedBy: 'api', active: true });
    expect((await asAdmin('POST', '/units', { code: 'phong-ha-tang', name: 'Lặp', kind: 'board' })).body.code).toBe('UNITS_CODE_TAKEN');
    const commune = await asAdmin('POST', '/units', { code: 'xa-a', name: 'Xã A', kind: 'commune' });
    expect([commune.status, commune.body.code, commune.body.errors[0].field]).toEqual([422, 'UNITS_KIND_NOT_DECLARED', 'kind']);
    expect((await asAdmin('POST', '/units', { code: 'xa-b', name: 'Xã B', kind: 'board', parent: 'khong-co' })).body.code).toBe(
      'UNITS_UNKNOWN_PARENT',
    );
    expect((await asAdmin('POST', '/units', { code: 'Xa B', name: 'Xã B', kind: 'board' })).status).toBe(422);

    expect((await asAdmin('PATCH', '/units/ubnd-tinh', { parent: 'phong-ha-tang' })).body.code).toBe('UNITS_CYCLE');
    expect(
      (await asAdmin('PATCH', '/units/phong-ha-tang', { parent: 'so-buu-chinh-vien-thong', name: 'Phòng Hạ tầng số' })).body,
    ).toMatchObject({ parent: 'so-buu-chinh-vien-thong', name: 'Phòng Hạ tầng số' });
    expect((await asAdmin('DELETE', '/units/ubnd-tinh')).body.code).toBe('UNITS_HAS_ACTIVE_CHILDREN');

    // Applying the rule files again leaves the API's unit alone.
    await ctx.applySeed('lao-cai');
    expect((await asAdmin('GET', '/units/phong-ha-tang')).body.active).toBe(true);
    expect((await asAdmin('DELETE', '/units/phong-ha-tang')).body.active).toBe(false);
    expect((await asAdmin('GET', '/units')).body).toHaveLength(34);
  });

  it("NA-5.1: a unit's head keeps its profile (and those below it); other units' are refused", async () => {
    const head = await member('truong.so.yte', [{ role: 'unit_head', unit: 'so-y-te' }]);
    const profile = {
      functions: 'Tham mưu, giúp UBND tỉnh quản lý nhà nước về y tế',
      address: '123 Đường Hoàng Liên, TP Lào Cai',
      phone: '0214 3840 123',
      leaders: [{ name: 'Nguyễn Văn A', title: 'Giám đốc', phone: '0912 345 678' }],
      divisions: [{ name: 'Bộ phận một cửa', phone: '0214 3840 999', handlesCitizens: true }],
      fieldsOfActivity: ['Khám chữa bệnh', 'Y tế dự phòng'],
    };
    const saved = await lc.send('PUT', '/api/v1/units/so-y-te/profile', profile, head.token);
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual(profile);
    const other = await lc.send('PUT', '/api/v1/units/so-xay-dung/profile', profile, head.token);
    expect([other.status, other.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    const bad = await lc.send(
      'PUT',
      '/api/v1/units/so-y-te/profile',
      { ...profile, phone: 'gọi tôi', leaders: [{ name: 'A' }] },
      head.token,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['leaders[0].name', 'leaders[0].title', 'phone']);
    expect((await asAdmin('PUT', '/units/so-xay-dung/profile', { address: 'Lào Cai' })).status).toBe(200);
  });

  it("NA-8.1: the team lists who holds unit roles there; its leader must be one of the unit's heads", async () => {
    const head = await member('truong.so.xd', [{ role: 'unit_head', unit: 'so-xay-dung' }]);
    const editor = await member('bientap.so.xd', [{ role: 'unit_editor', unit: 'so-xay-dung' }]);
    const notHead = await asAdmin('PUT', '/units/so-xay-dung/team/leader', { userId: editor.id });
    expect([notHead.status, notHead.body.code]).toEqual([422, 'UNITS_LEADER_NOT_HEAD']);
    expect((await lc.send('PUT', '/api/v1/units/so-xay-dung/team/leader', { userId: head.id }, head.token)).body.teamLeaderId).toBe(
      head.id,
    );
    const team = await lc.send('GET', '/api/v1/units/so-xay-dung/team', undefined, editor.token);
    expect(team.body).toEqual({
      unit: 'so-xay-dung',
      leaderId: head.id,
      members: [
        { userId: editor.id, username: 'bientap.so.xd', displayName: 'Cán bộ bientap.so.xd', role: 'unit_editor', leader: false },
        { userId: head.id, username: 'truong.so.xd', displayName: 'Cán bộ truong.so.xd', role: 'unit_head', leader: true },
      ],
    });
    expect((await lc.send('PUT', '/api/v1/units/so-xay-dung/team/leader', { userId: head.id }, editor.token)).status).toBe(403);
    expect((await lc.send('POST', '/api/v1/units', { code: 'x-y', name: 'X Y', kind: 'board' }, head.token)).status).toBe(403);
  });

  it("LC-1.1: lists the portal and the sub-sites with their sections; another province's sites are not there", async () => {
    const editor = await member('bientap.sites', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    const sites = await lc.send('GET', '/api/v1/sites', undefined, editor.token);
    expect(sites.status).toBe(200);
    expect(sites.body[0]).toMatchObject({ key: 'portal', path: '/', kind: 'portal' });
    const site = await lc.send('GET', '/api/v1/sites/tp-lao-cai', undefined, editor.token);
    expect(site.body).toMatchObject({ key: 'tp-lao-cai', path: '/tp-lao-cai', title: 'UBND thành phố Lào Cai' });
    expect(site.body.sections.map((x: { slug: string }) => x.slug)).toContain('dieu-kien-tu-nhien-xa-hoi');
    expect((await lc.send('GET', '/api/v1/sites/tp-vinh', undefined, editor.token)).status).toBe(404);
    expect((await lc.send('GET', '/api/v1/sites/..%2Fetc', undefined, editor.token)).status).toBe(404);
  });

  it("never shows or changes another province's units", async () => {
    const naAdmin = (await na.login('it.nghean', STRONG_PASSWORD)).body.accessToken;
    expect((await na.send('GET', '/api/v1/units/tp-lao-cai', undefined, naAdmin)).status).toBe(404);
    expect((await na.send('PUT', '/api/v1/units/tp-lao-cai/profile', { address: 'x' }, naAdmin)).status).toBe(404);
    expect((await na.send('GET', '/api/v1/units/tp-vinh', undefined, naAdmin)).body.kind).toBe('city');
    expect((await lc.send('GET', '/api/v1/units/tp-vinh', undefined, adminToken)).status).toBe(404);
  });
});
