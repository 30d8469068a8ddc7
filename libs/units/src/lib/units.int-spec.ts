import { AuditLog } from '@cong/platform-audit';
import { TestContext } from '@cong/testing';
import { EntityManager } from 'typeorm';
import { UnitDirectory, unitLineage, unitSubtree } from './unit-directory.service';
import { Unit } from './unit.entity';
import { unitIdsByCode, UnitRepository } from './unit.repository';
import { applyUnitTree, WantedUnit } from './unit-tree.sync';

const KINDS = ['ubnd', 'so', 'benh-vien'];
const actor = { id: null, label: 'spec' };
const TREE: WantedUnit[] = [
  // Children before their parent: the order of the list does not matter.
  { code: 'bv-tinh', name: 'Bệnh viện Đa khoa tỉnh', kind: 'benh-vien', parent: 'so-y-te', tags: [] },
  { code: 'so-y-te', name: 'Sở Y tế', kind: 'so', parent: 'ubnd', tags: ['y-te'] },
  { code: 'so-gd', name: 'Sở Giáo dục và Đào tạo', kind: 'so', parent: 'ubnd', tags: [] },
  { code: 'ubnd', name: 'UBND tỉnh', kind: 'ubnd', tags: [] },
];

describe('the unit tree in PostgreSQL: sync with units.yaml, lineage, subtree, the directory’s refusals', () => {
  let ctx: TestContext;
  let tenantId: string;
  let otherTenantId: string;
  let units: UnitRepository;
  let directory: UnitDirectory;
  const inTenant = <T>(work: (m: EntityManager) => Promise<T>) => ctx.db.transaction(tenantId, work);
  const idOf = async (code: string) => (await units.findByCode(tenantId, code))!.id;

  beforeAll(async () => {
    ctx = await TestContext.create();
    tenantId = (await ctx.newTenant()).id;
    otherTenantId = (await ctx.newTenant()).id;
    units = new UnitRepository(ctx.db);
    directory = new UnitDirectory(ctx.db, new AuditLog());
    await inTenant((m) => applyUnitTree(m, tenantId, TREE));
    await ctx.db.transaction(otherTenantId, (m) =>
      applyUnitTree(m, otherTenantId, [{ code: 'so-y-te', name: 'Sở Y tế (tỉnh khác)', kind: 'so', tags: [] }]),
    );
  });
  afterAll(() => ctx?.close());

  it('applies a list into a tree, parents linked by code, every unit kept by the rules', async () => {
    const listed = await units.listOf(tenantId);
    const code = new Map(listed.map((u) => [u.id, u.code]));
    expect(listed.map((u) => [u.code, u.parentId ? code.get(u.parentId) : null, u.managedBy])).toEqual([
      ['bv-tinh', 'so-y-te', 'rules'],
      ['so-gd', 'ubnd', 'rules'],
      ['so-y-te', 'ubnd', 'rules'],
      ['ubnd', null, 'rules'],
    ]);
  });

  it('applying the same list again changes nothing', async () => {
    await expect(inTenant((m) => applyUnitTree(m, tenantId, TREE))).resolves.toEqual({ added: [], changed: [], deactivated: [] });
  });

  it('a unit left out of the list is deactivated, never deleted, and comes back when listed again', async () => {
    const without = TREE.filter((w) => w.code !== 'so-gd');
    await expect(inTenant((m) => applyUnitTree(m, tenantId, without))).resolves.toMatchObject({ deactivated: ['so-gd'] });
    expect((await units.listOf(tenantId)).map((u) => u.code)).not.toContain('so-gd');
    expect(await units.findByCode(tenantId, 'so-gd')).toMatchObject({ active: false });
    await expect(inTenant((m) => applyUnitTree(m, tenantId, TREE))).resolves.toMatchObject({
      changed: [{ code: 'so-gd', fields: ['active: false → true'] }],
    });
  });

  it('moves a unit when its parent changes in the list', async () => {
    const moved = TREE.map((w) => (w.code === 'bv-tinh' ? { ...w, parent: 'so-gd' } : w));
    await inTenant((m) => applyUnitTree(m, tenantId, moved));
    expect((await units.findByCode(tenantId, 'bv-tinh'))!.parentId).toBe(await idOf('so-gd'));
    await inTenant((m) => applyUnitTree(m, tenantId, TREE));
    expect((await units.findByCode(tenantId, 'bv-tinh'))!.parentId).toBe(await idOf('so-y-te'));
  });

  it('lineage: the unit and every unit above it, nearest first', async () => {
    const [bv, so, top] = [await idOf('bv-tinh'), await idOf('so-y-te'), await idOf('ubnd')];
    await expect(inTenant((m) => unitLineage(m, tenantId, bv))).resolves.toEqual([bv, so, top]);
    await expect(directory.lineage(tenantId, 'ubnd')).resolves.toEqual([top]);
    await expect(directory.lineage(tenantId, 'nowhere')).rejects.toMatchObject({ code: 'UNITS_NOT_FOUND' });
  });

  it('subtree: the units at or below the roots, each once', async () => {
    const below = await inTenant(async (m) => unitSubtree(m, tenantId, [await idOf('so-y-te'), await idOf('bv-tinh')]));
    expect(below.map((u) => u.code).sort()).toEqual(['bv-tinh', 'so-y-te']);
    const all = await inTenant(async (m) => unitSubtree(m, tenantId, [await idOf('ubnd')]));
    expect(all.map((u) => u.code).sort()).toEqual(['bv-tinh', 'so-gd', 'so-y-te', 'ubnd']);
    await expect(inTenant((m) => unitSubtree(m, tenantId, []))).resolves.toEqual([]);
  });

  it('unitIdsByCode: this province’s ids for known codes only', async () => {
    const ids = await inTenant((m) => unitIdsByCode(m, tenantId, ['so-y-te', 'ubnd', 'unknown']));
    expect(ids.sort()).toEqual([await idOf('so-y-te'), await idOf('ubnd')].sort());
    await expect(inTenant((m) => unitIdsByCode(m, tenantId, []))).resolves.toEqual([]);
    const theirs = await ctx.db.transaction(otherTenantId, (m) => unitIdsByCode(m, otherTenantId, ['so-y-te']));
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).not.toBe(await idOf('so-y-te'));
  });

  it('the directory creates a unit under an active parent, audited, kept by the API', async () => {
    const created = await directory.create(
      actor,
      tenantId,
      { code: 'tt-ytdp', name: ' Trung tâm Y tế dự phòng ', kind: 'so', parent: 'so-y-te' },
      KINDS,
    );
    expect(created).toMatchObject({ code: 'tt-ytdp', name: 'Trung tâm Y tế dự phòng', parent: 'so-y-te', managedBy: 'api', active: true });
    const audit = await ctx.asOwner(
      async (c) =>
        (await c.query(`SELECT details FROM audit_entry WHERE action = 'units.unit_created' AND subject_id = $1`, [created.id])).rows,
    );
    expect(audit.map((a) => a.details)).toEqual([{ code: 'tt-ytdp', kind: 'so', parent: 'so-y-te' }]);
    // The rule files leave a unit the API created alone.
    await expect(inTenant((m) => applyUnitTree(m, tenantId, TREE))).resolves.toEqual({ added: [], changed: [], deactivated: [] });
  });

  it('refuses a code already taken in the province, but not one another province uses', async () => {
    await expect(directory.create(actor, tenantId, { code: 'so-gd', name: 'Trùng', kind: 'so' }, KINDS)).rejects.toMatchObject({
      code: 'UNITS_CODE_TAKEN',
      kind: 'conflict',
    });
    await expect(
      directory.create(actor, otherTenantId, { code: 'so-gd', name: 'Sở GD tỉnh khác', kind: 'so' }, KINDS),
    ).resolves.toMatchObject({ code: 'so-gd' });
  });

  it('refuses a kind the province’s rules do not declare, on creation and on change', async () => {
    await expect(directory.create(actor, tenantId, { code: 'x-kind', name: 'X', kind: 'truong-hoc' }, KINDS)).rejects.toMatchObject({
      code: 'UNITS_KIND_NOT_DECLARED',
      kind: 'validation',
      fields: [{ field: 'kind', message: '`kind` phải là một trong: ubnd, so, benh-vien.' }],
    });
    await expect(directory.update(actor, tenantId, 'so-gd', { kind: 'truong-hoc' }, KINDS)).rejects.toMatchObject({
      code: 'UNITS_KIND_NOT_DECLARED',
    });
  });

  it('refuses an unknown or inactive parent', async () => {
    await expect(
      directory.create(actor, tenantId, { code: 'orphan', name: 'Mồ côi', kind: 'so', parent: 'nowhere' }, KINDS),
    ).rejects.toMatchObject({ code: 'UNITS_UNKNOWN_PARENT' });
    await directory.create(actor, tenantId, { code: 'closing', name: 'Sắp đóng', kind: 'so' }, KINDS);
    await directory.deactivate(actor, tenantId, 'closing');
    await expect(directory.update(actor, tenantId, 'so-gd', { parent: 'closing' }, KINDS)).rejects.toMatchObject({
      code: 'UNITS_UNKNOWN_PARENT',
    });
  });

  it('refuses a move that would make a cycle: under itself or under a unit below it', async () => {
    await expect(directory.update(actor, tenantId, 'so-y-te', { parent: 'so-y-te' }, KINDS)).rejects.toMatchObject({ code: 'UNITS_CYCLE' });
    await expect(directory.update(actor, tenantId, 'ubnd', { parent: 'bv-tinh' }, KINDS)).rejects.toMatchObject({ code: 'UNITS_CYCLE' });
    expect((await units.findByCode(tenantId, 'ubnd'))!.parentId).toBeNull();
    // Sideways is fine.
    await expect(directory.update(actor, tenantId, 'bv-tinh', { parent: 'so-gd' }, KINDS)).resolves.toMatchObject({ parent: 'so-gd' });
    await directory.update(actor, tenantId, 'bv-tinh', { parent: 'so-y-te' }, KINDS);
  });

  it('refuses to deactivate a unit with active units below it, naming them; a leaf goes', async () => {
    await expect(directory.deactivate(actor, tenantId, 'so-y-te')).rejects.toMatchObject({
      code: 'UNITS_HAS_ACTIVE_CHILDREN',
      kind: 'conflict',
      message: expect.stringContaining('bv-tinh'),
    });
    const leaf = await directory.create(actor, tenantId, { code: 'leaf', name: 'Lá', kind: 'so', parent: 'so-gd' }, KINDS);
    await expect(directory.deactivate(actor, tenantId, 'leaf')).resolves.toMatchObject({ id: leaf.id, active: false });
    expect(await inTenant((m) => m.getRepository(Unit).findOneBy({ tenantId, id: leaf.id }))).toMatchObject({ active: false });
  });

  it('another province’s units are out of reach of this province’s calls', async () => {
    await expect(directory.get(tenantId, 'so-y-te')).resolves.toMatchObject({ name: 'Sở Y tế' });
    await expect(directory.get(otherTenantId, 'so-y-te')).resolves.toMatchObject({ name: 'Sở Y tế (tỉnh khác)' });
    await expect(directory.get(otherTenantId, 'bv-tinh')).rejects.toMatchObject({ code: 'UNITS_NOT_FOUND' });
    const theirId = (await units.findByCode(otherTenantId, 'so-y-te'))!.id;
    await expect(inTenant((m) => unitLineage(m, tenantId, theirId))).resolves.toEqual([]);
  });

  it('keeps a unit’s profile, and refuses one too large for its column before any SQL', async () => {
    await expect(
      directory.setProfile(actor, tenantId, 'so-gd', { address: '1 Hoàng Liên, Lào Cai', phone: '0214 3840 000' }),
    ).resolves.toMatchObject({ profile: { address: '1 Hoàng Liên, Lào Cai' } });
    expect((await units.findByCode(tenantId, 'so-gd'))!.profile).toEqual({ address: '1 Hoàng Liên, Lào Cai', phone: '0214 3840 000' });
    await expect(directory.setProfile(actor, tenantId, 'so-gd', { duties: 'ư'.repeat(40_000) })).rejects.toMatchObject({
      code: 'UNITS_PROFILE_TOO_LARGE',
      kind: 'validation',
    });
    expect((await units.findByCode(tenantId, 'so-gd'))!.profile.duties).toBeUndefined();
  });
});
