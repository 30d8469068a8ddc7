import { Principal, TenantRole } from '@cong/accounts';
import { DomainError } from '@cong/platform-errors';
import { AuditLog } from '@cong/platform-audit';
import { TestContext } from '@cong/testing';
import { Unit } from '@cong/units';
import { randomUUID } from 'node:crypto';
import { OnlineServiceRegistry } from './online-service-registry';
import { OnlineServiceRepository } from './online-service.repository';

/** Someone of Lào Cai holding these roles (a unit code, or null for province-wide). */
const as = (tenantId: string, units: Map<string, string>, ...roles: [TenantRole, string | null][]): Principal => ({
  userId: randomUUID(),
  tenantId,
  username: 'nguoi.thu',
  displayName: 'Người thử',
  sessionId: randomUUID(),
  memberships: roles.map(([role, code]) => ({ role, unitId: code ? units.get(code)! : null })),
  mustChangePassword: false,
  twoFactorEnrolmentRequired: false,
  twoFactorEnabled: false,
});

/** The registry against the real PostgreSQL: what each role may do, the code kept unique under a race, what citizens see. */
describe('OnlineServiceRegistry (LC-2.1.3)', () => {
  let ctx: TestContext;
  let registry: OnlineServiceRegistry;
  let tenantId: string;
  const units = new Map<string, string>();
  const entry = (name: string, extra: Record<string, unknown> = {}) => ({
    unit: 'so-y-te',
    name,
    level: 'full' as const,
    url: 'https://dichvucong.gov.vn/p/home/dvc.html',
    ...extra,
  });

  beforeAll(async () => {
    ctx = await TestContext.create();
    tenantId = await ctx.applySeed('lao-cai');
    registry = new OnlineServiceRegistry(ctx.db, new OnlineServiceRepository(), new AuditLog());
    for (const u of await ctx.db.transaction(tenantId, (m) => m.getRepository(Unit).findBy({ tenantId }))) units.set(u.code, u.id);
  });
  afterAll(() => ctx?.close());

  it('LC-2.1.3: two registrations of one code at the same moment make one entry; the other is refused naming the code', async () => {
    const editor = as(tenantId, units, ['unit_editor', 'so-y-te']);
    const outcomes = await Promise.allSettled([
      registry.register(editor, tenantId, entry('Cấp phép hoạt động trạm y tế', { code: '3.000111' })),
      registry.register(editor, tenantId, entry('Cấp phép hoạt động trạm y tế xã', { code: '3.000111' })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect([refused.code, refused.fields.map((f) => f.field)]).toEqual(['ONLINE_SERVICE_CODE_TAKEN', ['code']]);
    const listed = await registry.list(editor, tenantId, { q: '3.000111', limit: 10 });
    expect(listed.items).toHaveLength(1);
  });

  it('LC-2.1.3: the unit’s people correct a registration while it waits; the council decides; another unit may do neither', async () => {
    const editor = as(tenantId, units, ['unit_editor', 'so-y-te']);
    const other = as(tenantId, units, ['unit_head', 'so-tai-chinh']);
    const council = as(tenantId, units, ['editorial_council', null]);
    const board = as(tenantId, units, ['editorial_board', null]);
    const waiting = await registry.register(editor, tenantId, entry('Cấp chứng chỉ hành nghề dược'));
    const actions = async (p: Principal) => (await registry.get(p, tenantId, waiting.id)).actions.sort();
    expect(await actions(editor)).toEqual(['edit']);
    expect(await actions(other)).toEqual([]);
    expect(await actions(board)).toEqual([]);
    expect(await actions(council)).toEqual(['activate', 'decline', 'edit']);
    await expect(registry.change(other, tenantId, waiting.id, { name: 'Tên của đơn vị khác' })).rejects.toMatchObject({
      code: 'ONLINE_SERVICE_FORBIDDEN',
    });
    await expect(registry.decide(board, tenantId, waiting.id, 'active')).rejects.toMatchObject({ code: 'ONLINE_SERVICE_FORBIDDEN' });

    await registry.decide(council, tenantId, waiting.id, 'active');
    expect(await actions(editor)).toEqual([]);
    expect(await actions(council)).toEqual(['edit', 'retire', 'suspend']);
    await registry.decide(council, tenantId, waiting.id, 'suspended', 'Bảo trì');
    expect(await actions(council)).toEqual(['activate', 'edit', 'retire']);
  });

  it('LC-2.1.3: citizens see the active services of an active unit, by their Vietnamese names, and nothing of another unit or province', async () => {
    const admin = as(tenantId, units, ['tenant_admin', null]);
    for (const name of ['Đăng ký hành nghề y tư nhân', 'Cấp giấy chứng nhận đủ điều kiện', 'Ân hạn giấy phép y tế']) {
      const s = await registry.register(admin, tenantId, entry(name));
      await registry.decide(admin, tenantId, s.id, 'active');
    }
    await registry.register(admin, tenantId, entry('Chưa được chấp thuận'));
    const shown = await registry.publicServices(tenantId, { unitCode: 'so-y-te' });
    const names = shown.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Ân hạn giấy phép y tế', 'Cấp giấy chứng nhận đủ điều kiện', 'Đăng ký hành nghề y tư nhân']),
    );
    expect(names).not.toContain('Chưa được chấp thuận');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(shown.every((s) => s.unitCode === 'so-y-te' && s.levelLabel === 'Toàn trình')).toBe(true);
    expect(await registry.publicServices(tenantId, { unitCode: 'so-tai-chinh' })).toEqual([]);
    expect(await registry.publicServices(tenantId, { unitCode: 'khong-co' })).toEqual([]);
    const ngheAn = await ctx.applySeed('nghe-an');
    expect(await registry.publicServices(ngheAn, { unitCode: 'so-y-te' })).toEqual([]);
  });
});
