import { parseRuleSet } from './rule-file.loader';
import { formatProblem } from './rule-problem';

const FILE = 'tenants/lao-cai/tenant.yaml';

const VALID = `code: lao-cai
name: Tỉnh Lào Cai
timezone: Asia/Ho_Chi_Minh
portal:
  title: Cổng giao tiếp điện tử Lào Cai
  domains: [laocai.gov.vn]
legalBasis: { document: 07/2006/QĐ-UBND, signedOn: 2006-02-09, inForceAfterDays: 15 }
calendar:
  holidays:
    - { date: 2026-09-02, name: Quốc khánh }
unitKinds:
  - kind: department
  - kind: district
  - kind: city
  - kind: press
schedules:
  - id: update-days
    requirement: LC-2.3a
    appliesTo: { unitKinds: [department, district, city] }
    weekdays: [MON, WED, FRI]
    minItemsPerDay: 1
  - id: daily-press
    requirement: LC-2.3b
    appliesTo: { unitKinds: [press] }
    everyDay: true
    minItemsPerDay: 1
`;

const problemsOf = (text: string) => {
  const result = parseRuleSet(text, FILE);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(formatProblem);
};

describe('rule files', () => {
  it('LC-2.3a, LC-2.3b: loads a valid rule set with defaults filled in', () => {
    const result = parseRuleSet(VALID, FILE);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.ruleSet.schedules.map((s) => [s.requirement, s.weekdays, s.everyDay])).toEqual([
      ['LC-2.3a', ['MON', 'WED', 'FRI'], false],
      ['LC-2.3b', [], true],
    ]);
    expect(result.ruleSet.calendar.weekStart).toBe('MON');
    expect(result.ruleSet.calendar.weekends).toEqual(['SAT', 'SUN']);
  });

  it('names a wrong weekday with file, line and the index in the path', () => {
    const text = VALID.replace('weekdays: [MON, WED, FRI]', 'weekdays: [MON, WED, FRY]');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:20 schedules[0].weekdays[2]: "FRY" is not one of MON…SUN',
    ]);
  });

  it('reports every problem at once: missing field, wrong enum, bad timezone, unknown field', () => {
    const text = VALID.replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Asia/Hanoi_City')
      .replace('    minItemsPerDay: 1\n  - id: daily-press', '  - id: daily-press')
      .replace('  - kind: press', '  - kind: newspaper\n    colour: blue');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:3 timezone: "Asia/Hanoi_City" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)',
      'tenants/lao-cai/tenant.yaml:15 unitKinds[3].kind: "newspaper" is not one of province, department, board, sector, district, city, town, commune, union, political-social-organisation, public-service-unit, enterprise, press',
      'tenants/lao-cai/tenant.yaml:16 unitKinds[3].colour: is not a known field',
      'tenants/lao-cai/tenant.yaml:18 schedules[0].minItemsPerDay: is required',
      'tenants/lao-cai/tenant.yaml:24 schedules[1].appliesTo.unitKinds[0]: unit kind "press" is not declared in unitKinds',
    ]);
  });

  it('refuses a schedule with both weekdays and everyDay, and duplicate rule ids', () => {
    const text = VALID.replace('    everyDay: true', '    everyDay: true\n    weekdays: [SAT]').replace('id: daily-press', 'id: update-days');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:22 schedules[1]: give either weekdays or everyDay: true (exactly one of them)',
      'tenants/lao-cai/tenant.yaml:22 schedules[1].id: rule id "update-days" is already used by schedules[0]',
    ]);
  });

  it('requires a requirement ID on every rule', () => {
    const text = VALID.replace('    requirement: LC-2.3a\n', '').replace('requirement: LC-2.3b', 'requirement: article 2');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:17 schedules[0].requirement: is required',
      'tenants/lao-cai/tenant.yaml:22 schedules[1].requirement: must be a requirement ID such as LC-2.3a',
    ]);
  });

  it('reports YAML syntax errors with their line, and a non-mapping document', () => {
    expect(problemsOf('code: lao-cai\nname: [unclosed\n')[0]).toMatch(/^tenants\/lao-cai\/tenant.yaml:\d+ not valid YAML: /);
    expect(problemsOf('code: a\ncode: b\n')[0]).toMatch(/^tenants\/lao-cai\/tenant.yaml:\d+ not valid YAML: Map keys must be unique/);
    expect(problemsOf('- just\n- a list\n')).toEqual(['tenants/lao-cai/tenant.yaml:1 the file must hold a mapping (code: …, name: …, …)']);
  });
});
