import { AuditLog } from '@cong/platform-audit';
import { PublicResponseCache } from '@cong/platform-cache';
import { DomainError } from '@cong/platform-errors';
import { TestContext } from '@cong/testing';
import { formatProblem, loadTenantFolder, parseTenantDefinition, RuleVersionRepository, TenantDefinition } from '@cong/rules';
import { TenantRepository } from '@cong/tenancy';
import { UnitRepository } from '@cong/units';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteDirectory } from '@cong/sites';
import { describePlan } from './onboarding-plan';
import { TenantOnboarding } from './tenant-onboarding.service';

const TENANTS = join(__dirname, '../../../../tenants');
const actor = { actorLabel: 'cli:test' };

async function seed(code: string): Promise<TenantDefinition> {
  const result = await loadTenantFolder(join(TENANTS, code));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.definition;
}

/** The seed's files with `edit` applied to its tenant.yaml and `editUnits` to its units.yaml. */
function edited(code: string, edit: (rules: string) => string, editUnits: (units: string) => string = (u) => u): TenantDefinition {
  const read = (file: string) => readFileSync(join(TENANTS, code, file), 'utf8');
  const result = parseTenantDefinition({ rules: edit(read('tenant.yaml')), units: editUnits(read('units.yaml')) });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.definition;
}

describe('onboarding a province from its folder', () => {
  let ctx: TestContext;
  let onboarding: TenantOnboarding;
  let versions: RuleVersionRepository;
  let units: UnitRepository;
  let tenants: TenantRepository;

  beforeAll(async () => {
    ctx = await TestContext.create();
    onboarding = new TenantOnboarding(ctx.db, new AuditLog());
    versions = new RuleVersionRepository(ctx.db);
    units = new UnitRepository(ctx.db);
    tenants = ctx.tenants;
  });
  afterAll(() => ctx.close());

  it('applies both seed provinces: province, domains, unit tree and rule version 1 in force from the decision', async () => {
    for (const [code, inForce, unitCount] of [
      ['nghe-an', '2006-11-16', 51],
      ['lao-cai', '2006-02-24', 34],
    ] as const) {
      const result = await onboarding.apply(await seed(code), actor);
      expect(result.changed).toBe(true);
      expect(describePlan(result.plan)[0]).toBe(`tỉnh ${code}: tạo mới`);
      const tenant = (await tenants.findByCode(code))!;
      expect((await tenants.findDomainsOf(tenant.id)).map((d) => [d.domain, d.isPrimary])).toEqual([
        [`${code.replace('-', '')}.gov.vn`, true],
        [`www.${code.replace('-', '')}.gov.vn`, false],
      ]);
      expect(await units.listOf(tenant.id)).toHaveLength(unitCount);
      const [v1] = await versions.history(tenant.id);
      expect(v1).toMatchObject({ version: 1, effectiveFrom: inForce, appliedBy: 'cli:test' });
    }
    const laocai = (await tenants.findByCode('lao-cai'))!;
    const tpLaoCai = await units.findByCode(laocai.id, 'tp-lao-cai');
    const parent = await units.findByCode(laocai.id, 'ubnd-tinh');
    expect(tpLaoCai).toMatchObject({ kind: 'city', parentId: parent!.id, tags: ['pilot-online-services'] });
  });

  it('onboards a province that is not in the repository from its folder alone', async () => {
    const folder = await loadTenantFolder(join(__dirname, '../../../rules/test/fixtures/tinh-mau'));
    if (!folder.ok) throw new Error(folder.problems.map(formatProblem).join('\n'));
    const result = await onboarding.apply(folder.definition, actor);
    const tenant = (await tenants.findByCode('tinh-mau'))!;
    expect(result.tenantId).toBe(tenant.id);
    expect(await units.findByCode(tenant.id, 'xa-an-binh')).toMatchObject({
      kind: 'commune',
      parentId: (await units.findByCode(tenant.id, 'h-dong'))!.id,
    });
    const rules = await versions.ruleSetInForceOn(tenant.id, '2026-12-01');
    expect(rules?.quotas.map((q) => q.min)).toEqual([8, 4, 1]);
    expect(await versions.ruleSetInForceOn(tenant.id, '2026-11-30')).toBeNull();
  });

  it('LC-1.1, LC-2.1.1, LC-2.1.2: creates the portal and a sub-site with its sections for every department, district and city', async () => {
    const laocai = (await tenants.findByCode('lao-cai'))!;
    const directory = new SiteDirectory(ctx.db);
    const sites = await directory.list(laocai.id);
    expect(sites.find((s) => s.kind === 'portal')).toMatchObject({ path: '/', title: 'Cổng giao tiếp điện tử Lào Cai' });
    // 17 departments, boards and sectors, 8 districts and the city; not the province, press or IT centre… which is a board here.
    const subsites = sites.filter((s) => s.kind === 'subsite').map((s) => s.key);
    expect(subsites).toEqual(expect.arrayContaining(['so-y-te', 'h-bat-xat', 'tp-lao-cai', 'cuc-thue']));
    expect(subsites).not.toContain('bao-lao-cai');
    expect(subsites).not.toContain('ubnd-tinh');
    const department = await directory.get(laocai.id, 'so-y-te');
    expect(department.sections!.map((s) => s.slug)).toEqual([
      'gioi-thieu-chung',
      'van-ban-phap-quy',
      'thu-tuc-hanh-chinh',
      'tin-tuc-thong-bao',
      'giao-tiep-truc-tuyen',
    ]);
    expect(department.sections![0].children.map((s) => s.title)).toEqual([
      'Cơ cấu tổ chức, sơ đồ bộ máy',
      'Chức năng, nhiệm vụ',
      'Quy hoạch phát triển',
      'Dự án kêu gọi đầu tư',
    ]);
    const district = await directory.get(laocai.id, 'h-bat-xat');
    expect(district.sections!.map((s) => s.slug)).toEqual([
      'dieu-kien-tu-nhien-xa-hoi',
      'to-chuc-bo-may',
      'dinh-huong-phat-trien',
      'thu-tuc-hanh-chinh',
      'giao-tiep-truc-tuyen',
    ]);
  });

  it('is idempotent: the same files again change nothing and make no new version', async () => {
    const again = await onboarding.apply(await seed('nghe-an'), actor);
    expect(again.changed).toBe(false);
    expect(describePlan(again.plan)).toEqual(['quy tắc: không đổi (phiên bản 1, hiệu lực từ 16/11/2006)']);
    const tenant = (await tenants.findByCode('nghe-an'))!;
    expect(await versions.history(tenant.id)).toHaveLength(1);
  });

  it('NA-8.2: a changed quota makes exactly one new version; the diff shows it; the old one governs earlier dates', async () => {
    const changed = edited('nghe-an', (r) => r.replace('    period: week\n    min: 2', '    period: week\n    min: 3'));
    const plan = await onboarding.plan(changed, { ...actor, effectiveFrom: '2026-12-07' });
    expect(describePlan(plan)).toEqual(['quy tắc: phiên bản 2, hiệu lực từ 07/12/2026', '  ~ quotas[weekly-posts].min: 2 → 3']);

    await onboarding.apply(changed, { ...actor, effectiveFrom: '2026-12-07', note: 'Tăng định mức' });
    expect((await onboarding.apply(changed, { ...actor, effectiveFrom: '2026-12-07' })).changed).toBe(false);

    const tenant = (await tenants.findByCode('nghe-an'))!;
    expect((await versions.history(tenant.id)).map((v) => [v.version, v.effectiveFrom, v.note])).toEqual([
      [2, '2026-12-07', 'Tăng định mức'],
      [1, '2006-11-16', null],
    ]);
    const minOn = async (date: string) => (await versions.ruleSetInForceOn(tenant.id, date))?.quotas[0].min;
    expect(await minOn('2026-12-06')).toBe(2);
    expect(await minOn('2026-12-07')).toBe(3);
    expect(await minOn('2006-11-15')).toBeUndefined();
    expect((await versions.find(tenant.id, 1))?.source).toContain('# Tỉnh Nghệ An');
  });

  it('refuses a new version that would take effect before the latest one, and writes nothing', async () => {
    const changed = edited('nghe-an', (r) => r.replace('    period: week\n    min: 2', '    period: week\n    min: 4'));
    const attempt = onboarding.apply(changed, { ...actor, effectiveFrom: '2026-12-01' });
    await expect(attempt).rejects.toMatchObject({ code: 'ONBOARDING_EFFECTIVE_DATE_BEFORE_LATEST', kind: 'conflict' });
    await expect(onboarding.apply(changed, { ...actor, effectiveFrom: '2026-02-30' })).rejects.toMatchObject({
      code: 'ONBOARDING_INVALID_EFFECTIVE_DATE',
    });
    const tenant = (await tenants.findByCode('nghe-an'))!;
    expect(await versions.history(tenant.id)).toHaveLength(2);
  });

  it('keeps the unit tree in line: renames, moves, deactivates removed units and reactivates returning ones', async () => {
    const tenant = (await tenants.findByCode('lao-cai'))!;
    const moved = edited(
      'lao-cai',
      (r) => r,
      (u) =>
        u
          .replace('name: Sở Y tế,', 'name: Sở Y tế tỉnh Lào Cai,')
          .replace(
            '{ code: trung-tam-cntt, name: Trung tâm Công nghệ thông tin tỉnh, kind: board, parent: ubnd-tinh,',
            '{ code: trung-tam-cntt, name: Trung tâm Công nghệ thông tin tỉnh, kind: board, parent: so-buu-chinh-vien-thong,',
          )
          .replace(/\n {2}- \{ code: h-si-ma-cai[^\n]*/, ''),
    );
    const result = await onboarding.apply(moved, actor);
    expect(describePlan(result.plan)).toEqual([
      '~ đơn vị trung-tam-cntt: parent: "ubnd-tinh" → "so-buu-chinh-vien-thong"',
      '~ đơn vị so-y-te: name: "Sở Y tế" → "Sở Y tế tỉnh Lào Cai"',
      '- đơn vị h-si-ma-cai (ngừng hoạt động; vẫn lưu để tra cứu lịch sử)',
      '- trang /h-si-ma-cai (ngừng hoạt động cùng đơn vị)',
      'quy tắc: không đổi (phiên bản 1, hiệu lực từ 24/02/2006)',
    ]);
    expect(await units.listOf(tenant.id)).toHaveLength(33);
    expect(await units.findByCode(tenant.id, 'h-si-ma-cai')).toMatchObject({ active: false });

    const back = await onboarding.apply(await seed('lao-cai'), actor);
    expect(describePlan(back.plan)).toEqual(
      expect.arrayContaining(['~ đơn vị h-si-ma-cai: active: false → true', '~ trang /h-si-ma-cai: hoạt động lại']),
    );
    expect(await units.listOf(tenant.id)).toHaveLength(34);
  });

  it('gives a sub-site a domain of its own: the province answers on it, the site records it, and only that province may hold it', async () => {
    const subsiteDomain = (rules: string, unit = 'so-y-te', domain = 'soyte.laocai.gov.vn') =>
      rules.replace(
        'domains: [laocai.gov.vn, www.laocai.gov.vn]',
        `domains: [laocai.gov.vn, www.laocai.gov.vn]\n  subsiteDomains:\n    - { unit: ${unit}, domain: ${domain} }`,
      );
    const applied = await onboarding.apply(
      edited('lao-cai', (r) => subsiteDomain(r)),
      actor,
    );
    expect(applied.plan.domains).toMatchObject({ added: ['soyte.laocai.gov.vn'], removed: [], primary: 'laocai.gov.vn' });
    const laocai = (await tenants.findByCode('lao-cai'))!;
    expect((await tenants.findByDomain('soyte.laocai.gov.vn'))?.id).toBe(laocai.id);
    const directory = new SiteDirectory(ctx.db);
    expect(await directory.get(laocai.id, 'so-y-te')).toMatchObject({ path: '/so-y-te', domain: 'soyte.laocai.gov.vn' });
    expect((await tenants.findDomainsOf(laocai.id)).find((d) => d.isPrimary)?.domain).toBe('laocai.gov.vn');

    const thief = edited('nghe-an', (r) =>
      r.replace(/domains: \[([^\]]*)\]/, 'domains: [$1]\n  subsiteDomains:\n    - { unit: so-y-te, domain: soyte.laocai.gov.vn }'),
    );
    await expect(onboarding.apply(thief, actor)).rejects.toMatchObject({
      code: 'ONBOARDING_DOMAIN_TAKEN',
      fields: [{ field: 'portal.subsiteDomains', message: '"soyte.laocai.gov.vn" đang thuộc về tỉnh lao-cai.' }],
    });

    const read = (file: string) => readFileSync(join(TENANTS, 'lao-cai', file), 'utf8');
    const problems = (rules: string) => {
      const result = parseTenantDefinition({ rules, units: read('units.yaml') });
      return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems(subsiteDomain(read('tenant.yaml'), 'khong-co'))).toEqual([
      'portal.subsiteDomains[0].unit: Đơn vị "khong-co" chưa khai báo trong units.yaml',
    ]);
    expect(problems(subsiteDomain(read('tenant.yaml'), 'ubnd-tinh'))).toEqual([
      expect.stringMatching(/Đơn vị "ubnd-tinh" không có chuyên trang/),
    ]);
    expect(problems(subsiteDomain(read('tenant.yaml'), 'so-y-te', 'www.laocai.gov.vn'))).toEqual([
      expect.stringMatching(/Tên miền "www\.laocai\.gov\.vn" trùng với một tên miền đã khai báo của tỉnh/),
    ]);

    // Taken away again: the site and the province no longer answer on it, and the province's cached
    // public answers (which name its sites) go.
    const cache = PublicResponseCache.connect(ctx.config.redis.url, ctx.config.redis.prefix);
    try {
      await cache.set(laocai.id, 'GET /sites', {
        status: 200,
        contentType: 'application/json',
        body: '[]',
        etag: '"x"',
        storedAt: Date.now(),
      });
      expect(await cache.get(laocai.id, 'GET /sites')).not.toBeNull();
      const removed = await new TenantOnboarding(ctx.db, new AuditLog(), cache).apply(await seed('lao-cai'), actor);
      expect(removed.plan.domains.removed).toEqual(['soyte.laocai.gov.vn']);
      expect(await cache.get(laocai.id, 'GET /sites')).toBeNull();
    } finally {
      await cache.close();
    }
    expect(await directory.get(laocai.id, 'so-y-te')).toMatchObject({ domain: null });
    expect(await tenants.findByDomain('soyte.laocai.gov.vn')).toBeNull();
  });

  it('refuses a domain that belongs to another province, and leaves nothing half-applied', async () => {
    const thief = edited('lao-cai', (r) =>
      r
        .replace('code: lao-cai', 'code: lao-cai-2')
        .replace('domains: [laocai.gov.vn, www.laocai.gov.vn]', 'domains: [laocai2.gov.vn, nghean.gov.vn]'),
    );
    const attempt = onboarding.apply(thief, actor);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: 'ONBOARDING_DOMAIN_TAKEN',
      fields: [{ field: 'portal.domains', message: '"nghean.gov.vn" đang thuộc về tỉnh nghe-an.' }],
    });
    expect(await tenants.findByCode('lao-cai-2')).toBeNull();
  });

  it('records every apply in the operator audit trail with who and why', async () => {
    const rows = await ctx.asOwner(
      async (c) =>
        (await c.query(`SELECT actor_label, reason FROM platform_operator_access WHERE reason LIKE 'apply tenants/%' ORDER BY started_at`))
          .rows,
    );
    expect(rows[0]).toEqual({ actor_label: 'cli:test', reason: 'apply tenants/nghe-an' });
  });

  it('keeps rule versions immutable, for the application role and the owner alike', async () => {
    const tenant = (await tenants.findByCode('nghe-an'))!;
    await expect(ctx.db.transaction(tenant.id, (m) => m.query(`UPDATE rules_rule_version SET note = 'x'`))).rejects.toThrow(
      /permission denied/,
    );
    await expect(ctx.db.transaction(tenant.id, (m) => m.query(`DELETE FROM rules_rule_version`))).rejects.toThrow(/permission denied/);
    await expect(ctx.asOwner((c) => c.query(`UPDATE rules_rule_version SET note = 'x'`))).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(ctx.asOwner((c) => c.query(`DELETE FROM rules_rule_version`))).rejects.toThrow(/append-only: DELETE refused/);
  });

  it('shows a province only its own units and rule versions (row-level security)', async () => {
    const nghean = (await tenants.findByCode('nghe-an'))!;
    const laocai = (await tenants.findByCode('lao-cai'))!;
    const seen = await ctx.db.transaction(nghean.id, async (m) => ({
      units: (await m.query(`SELECT DISTINCT tenant_id FROM units_unit`)).map((r: { tenant_id: string }) => r.tenant_id),
      versions: (await m.query(`SELECT DISTINCT tenant_id FROM rules_rule_version`)).map((r: { tenant_id: string }) => r.tenant_id),
    }));
    expect(seen).toEqual({ units: [nghean.id], versions: [nghean.id] });
    expect(await units.findByCode(nghean.id, 'tp-lao-cai')).toBeNull();
    await expect(
      ctx.db.transaction(nghean.id, (m) =>
        m.query(`INSERT INTO units_unit (tenant_id, code, name, kind) VALUES ($1, 'smuggled', 'Đơn vị lạ', 'department')`, [laocai.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
