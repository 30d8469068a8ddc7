import { join } from 'node:path';
import { formatProblem } from './rule-problem';
import { loadTenantFolder, TenantDefinition } from './tenant-folder.loader';

const TENANTS = join(__dirname, '../../../../../tenants');
const FIXTURES = join(__dirname, '../../../test/fixtures');

async function load(dir: string): Promise<TenantDefinition> {
  const result = await loadTenantFolder(dir);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.definition;
}

/** Every `requirement:` anywhere in the rule set. */
function requirementsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(requirementsOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'requirement' && typeof v === 'string' ? [v] : requirementsOf(v)));
  }
  return [];
}

describe('seed provinces', () => {
  it('Nghệ An validates and carries NA-8.2, NA-8.4, NA-10.1, NA-12.3', async () => {
    const nghean = await load(join(TENANTS, 'nghe-an'));
    expect(requirementsOf(nghean.ruleSet)).toEqual(
      expect.arrayContaining(['NA-8.2', 'NA-8.4', 'NA-10.1', 'NA-12.3', 'NA-9', 'NA-8.1', 'NA-7.2d']),
    );
    expect(nghean.ruleSet.quotas.find((q) => q.requirement === 'NA-8.2')).toMatchObject({ period: 'week', min: 2 });
    expect(nghean.ruleSet.deadlines[0]).toMatchObject({ contentType: 'legal_document', startsFrom: 'effectiveFrom', within: 0 });
    const names = nghean.units.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Thành phố Vinh', 'Thị xã Cửa Lò', 'Sở Bưu chính - Viễn thông']));
  });

  it('Lào Cai validates and carries LC-2.3a, LC-2.3b, LC-3.1c, LC-3.4 and the sections of LC-2.1.1/2.1.2', async () => {
    const laocai = await load(join(TENANTS, 'lao-cai'));
    expect(requirementsOf(laocai.ruleSet)).toEqual(
      expect.arrayContaining(['LC-2.3a', 'LC-2.3b', 'LC-3.1c', 'LC-3.4', 'LC-2.1.1', 'LC-2.1.2', 'LC-3.1b', 'LC-3.2']),
    );
    expect(laocai.ruleSet.schedules.find((s) => s.requirement === 'LC-2.3a')?.weekdays).toEqual(['MON', 'WED', 'FRI']);
    const pilots = laocai.units.filter((u) => u.tags.includes('pilot-online-services')).map((u) => u.code);
    expect(pilots).toHaveLength(8); // LC-2.1.3: Customs, Tax, TN-MT, KH-ĐT, Health, Construction, Industry, Lào Cai city
    expect(laocai.units.filter((u) => u.kind === 'press').map((u) => u.name)).toEqual([
      'Đài Phát thanh - Truyền hình Lào Cai',
      'Báo Lào Cai',
    ]);
    const royalties = laocai.ruleSet.payments.royalties;
    expect(royalties?.unitValue.at(-1)).toMatchObject({ from: '2024-07-01', amount: 234000 });
  });

  it('a province not in the repository is described by files alone', async () => {
    const example = await load(join(FIXTURES, 'tinh-mau'));
    const minimums = example.ruleSet.quotas.map((q) => [q.period, q.min, q.appliesTo?.unitKinds]);
    expect(minimums).toEqual([
      ['month', 8, ['department']],
      ['month', 4, ['district']],
      ['month', 1, ['commune']],
    ]);
    expect(example.ruleSet.workflows[0].states.filter((s) => s.phase === 'review')).toHaveLength(2);
    expect(example.ruleSet.deadlines.map((d) => [d.within, d.dayKind])).toEqual([
      [2, 'working'],
      [15, 'working'],
    ]);
    expect(example.ruleSet.reports[0].periods).toEqual(['quarter']);
    expect(example.ruleSet.calendar.holidays).toHaveLength(2);
    expect(example.ruleSet.payments.royalties?.genres).toHaveLength(3);
  });

  it('reports missing files by name', async () => {
    const result = await loadTenantFolder(join(FIXTURES, 'does-not-exist'), 'tenants/khong-co');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/khong-co/tenant.yaml:1 Thiếu tệp',
      'tenants/khong-co/units.yaml:1 Thiếu tệp',
    ]);
  });
});
