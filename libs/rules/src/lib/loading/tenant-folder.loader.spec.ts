import { parseTenantDefinition, parseRuleSet, parseUnitTree } from './tenant-folder.loader';
import { formatProblem } from './rule-problem';

const FILE = 'tenants/lao-cai/tenant.yaml';
const UNITS_FILE = 'tenants/lao-cai/units.yaml';

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
workflows:
  - id: direct
    requirement: LC-3.1b
    name: Tự đăng
    initial: draft
    states:
      - { id: draft, label: Nháp, phase: editing }
      - { id: published, label: Đã đăng, phase: published }
    transitions:
      - { action: publish, from: draft, to: published, roles: [unit_editor] }
workflowBindings:
  - { channel: subsite, workflow: direct }
  - { channel: portal, workflow: direct }
`;

const UNITS = `units:
  - { code: ubnd-tinh, name: UBND tỉnh, kind: department }
  - { code: so-y-te, name: Sở Y tế, kind: department, parent: ubnd-tinh }
  - { code: tp-lao-cai, name: Thành phố Lào Cai, kind: city, parent: ubnd-tinh }
`;

const problemsOf = (text: string) => {
  const result = parseRuleSet(text, FILE);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(formatProblem);
};

const unitProblemsOf = (text: string) => {
  const result = parseUnitTree(text, UNITS_FILE);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(formatProblem);
};

/** VALID with more top-level sections after it (their first line is line 40). */
const withSection = (yaml: string) => `${VALID}${yaml}`;

describe('rule files', () => {
  it('LC-2.3a, LC-2.3b: loads a valid rule set with defaults filled in', () => {
    const result = parseRuleSet(VALID, FILE);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.schedules.map((s) => [s.requirement, s.weekdays, s.everyDay])).toEqual([
      ['LC-2.3a', ['MON', 'WED', 'FRI'], false],
      ['LC-2.3b', [], true],
    ]);
    expect(result.value.calendar.weekStart).toBe('MON');
    expect(result.value.calendar.weekends).toEqual(['SAT', 'SUN']);
    expect(result.value.accountPolicy.password.minLength).toBe(12);
    expect(result.value.accountPolicy.lockout.threshold).toBe(5);
  });

  it('names a wrong weekday with file, line and the index in the path', () => {
    const text = VALID.replace('weekdays: [MON, WED, FRI]', 'weekdays: [MON, WED, FRY]');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:20 schedules[0].weekdays[2]: `weekdays` không nhận giá trị "FRY": phải là một trong MON…SUN',
    ]);
  });

  it('reports every problem at once: missing field, wrong enum, bad timezone, unknown field', () => {
    const text = VALID.replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Asia/Hanoi_City')
      .replace('    minItemsPerDay: 1\n  - id: daily-press', '  - id: daily-press')
      .replace('  - kind: press', '  - kind: newspaper\n    colour: blue');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:3 timezone: `timezone` không nhận giá trị "Asia/Hanoi_City": phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)',
      'tenants/lao-cai/tenant.yaml:15 unitKinds[3].kind: `kind` không nhận giá trị "newspaper": phải là một trong province, department, board, sector, district, city, town, commune, union, political-social-organisation, public-service-unit, enterprise, press',
      'tenants/lao-cai/tenant.yaml:16 unitKinds[3].colour: `colour` không phải là khóa hợp lệ ở đây',
      'tenants/lao-cai/tenant.yaml:18 schedules[0].minItemsPerDay: Chưa khai báo `minItemsPerDay` (bắt buộc)',
      'tenants/lao-cai/tenant.yaml:24 schedules[1].appliesTo.unitKinds[0]: Loại đơn vị "press" chưa khai báo trong `unitKinds`',
    ]);
  });

  it('refuses a schedule with both weekdays and everyDay, and duplicate rule ids', () => {
    const text = VALID.replace('    everyDay: true', '    everyDay: true\n    weekdays: [SAT]').replace(
      'id: daily-press',
      'id: update-days',
    );
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:22 schedules[1]: Phải khai báo đúng một trong hai: `weekdays` hoặc `everyDay: true`',
      'tenants/lao-cai/tenant.yaml:22 schedules[1].id: Mã quy định "update-days" trùng với mã của schedules[0]',
    ]);
  });

  it('requires a requirement ID on every rule', () => {
    const text = VALID.replace('    requirement: LC-2.3a\n', '').replace('requirement: LC-2.3b', 'requirement: article 2');
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:17 schedules[0].requirement: Chưa khai báo `requirement` (bắt buộc)',
      'tenants/lao-cai/tenant.yaml:22 schedules[1].requirement: `requirement` phải là mã điều khoản, ví dụ NA-8.2 hoặc LC-2.3a',
    ]);
  });

  it('reports YAML syntax errors with their line, and a non-mapping document', () => {
    expect(problemsOf('code: lao-cai\nname: [unclosed\n')[0]).toMatch(
      /^tenants\/lao-cai\/tenant.yaml:\d+ Lỗi cú pháp YAML: thụt lề sai hoặc thiếu dấu đóng ngoặc \(Flow sequence/,
    );
    expect(problemsOf('code: a\ncode: b\n')[0]).toMatch(
      /^tenants\/lao-cai\/tenant.yaml:\d+ Lỗi cú pháp YAML: khóa bị khai báo trùng \(Map keys must be unique\)$/,
    );
    expect(problemsOf('- just\n- a list\n')).toEqual([
      'tenants/lao-cai/tenant.yaml:1 Nội dung tệp phải là một đối tượng gồm các cặp khóa: giá trị (code: …, name: …, …)',
    ]);
  });

  it('checks workflows: unknown states and roles, duplicate actions, unreachable states, nothing published', () => {
    const text = VALID.replace(
      '      - { action: publish, from: draft, to: published, roles: [unit_editor] }',
      [
        '      - { action: publish, from: draft, to: publised, roles: [unit_editor, webmaster] }',
        '      - { action: publish, from: [draft, review], to: draft, roles: [unit_head] }',
      ].join('\n'),
    );
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:34 workflows[0].states[1]: Không có bước chuyển nào đưa từ draft đến trạng thái "published"',
      'tenants/lao-cai/tenant.yaml:36 workflows[0].transitions[0].roles[1]: `roles` không nhận giá trị "webmaster": phải là một trong national_operator, tenant_admin, editorial_council, editorial_board, unit_head, unit_editor',
      'tenants/lao-cai/tenant.yaml:36 workflows[0].transitions[0].to: Trạng thái "publised" chưa khai báo trong quy trình direct (draft, published)',
      'tenants/lao-cai/tenant.yaml:37 workflows[0].transitions[1].action: Hành động "publish" từ draft trùng với transitions[0]',
      'tenants/lao-cai/tenant.yaml:37 workflows[0].transitions[1].from[1]: Trạng thái "review" chưa khai báo trong quy trình direct (draft, published)',
    ]);
    const nothingPublished = VALID.replace(
      '{ id: published, label: Đã đăng, phase: published }',
      '{ id: published, label: Đã đăng, phase: review }',
    );
    expect(problemsOf(nothingPublished)).toEqual([
      'tenants/lao-cai/tenant.yaml:33 workflows[0].states: Không trạng thái nào có `phase: published`: sẽ không tin bài nào được đăng',
    ]);
  });

  it('checks that every channel and content type enters exactly one workflow', () => {
    const text = VALID.replace(
      '  - { channel: portal, workflow: direct }',
      '  - { channel: portal, workflow: board, contentTypes: [news] }\n  - { channel: subsite, workflow: direct, contentTypes: [faq] }',
    );
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:38 workflowBindings: Chưa gán quy trình cho nội dung kênh portal: announcement/department, report/department, page/department, procedure/department và 28 mục khác',
      'tenants/lao-cai/tenant.yaml:39 workflowBindings[1].workflow: Quy trình "board" chưa khai báo trong `workflows`',
      'tenants/lao-cai/tenant.yaml:40 workflowBindings[2]: Gán trùng quy trình cho nội dung đã được gán: subsite faq/department (workflowBindings[0]), faq/district (workflowBindings[0]), faq/city (workflowBindings[0]), faq/press (workflowBindings[0])',
    ]);
  });

  it('NA-8.4: a deadline starts from a date field of its content type, in calendar or working days', () => {
    const deadline = (startsFrom: string, dayKind: string) =>
      withSection(
        `deadlines:\n  - { id: on-time, requirement: NA-8.4, contentType: legal_document, startsFrom: ${startsFrom}, within: 2, dayKind: ${dayKind} }\n`,
      );
    expect(parseRuleSet(deadline('issuedOn', 'working'), FILE).ok).toBe(true);
    expect(problemsOf(deadline('askedOn', 'business'))).toEqual([
      'tenants/lao-cai/tenant.yaml:41 deadlines[0].dayKind: `dayKind` không nhận giá trị "business": phải là một trong calendar, working',
      'tenants/lao-cai/tenant.yaml:41 deadlines[0].startsFrom: `startsFrom` không nhận giá trị "askedOn": phải là một trường ngày của legal_document (issuedOn, effectiveFrom)',
    ]);
  });

  it('LC-3.1c: royalty unit values are a dated series, oldest first; point ranges are ordered', () => {
    const royalties = (values: string, maxPoints: number) =>
      withSection(`payments:
  royalties:
    requirement: LC-3.1c
    genres:
      - { id: commentary, name: Bình luận, points: 2.5, maxPoints: ${maxPoints} }
    unitValue:
${values}`);
    const ok = parseRuleSet(
      royalties('      - { from: 2023-07-01, amount: 180000 }\n      - { from: 2024-07-01, amount: 234000 }\n', 3),
      FILE,
    );
    if (!ok.ok) throw new Error(ok.problems.map(formatProblem).join('\n'));
    expect(ok.value.payments.royalties?.shareByChannel).toEqual({ portal: 1 });
    expect(
      problemsOf(royalties('      - { from: 2024-07-01, amount: 234000 }\n      - { from: 2023-07-01, amount: 180000 }\n', 2)),
    ).toEqual([
      'tenants/lao-cai/tenant.yaml:44 payments.royalties.genres[0].maxPoints: `maxPoints` không được nhỏ hơn `points` (2.5)',
      'tenants/lao-cai/tenant.yaml:47 payments.royalties.unitValue[1].from: `from` (2023-07-01) phải sau ngày của mục trước (2024-07-01): liệt kê các giá trị từ cũ đến mới, mỗi ngày một giá trị',
    ]);
  });

  it('LC-3.4: emulation weights and report coverage name measured rules', () => {
    const text = withSection(`reports:
  - { id: monthly, requirement: LC-3.4, name: Báo cáo tháng, periods: [month], recipients: [VP UBND tỉnh], covers: [update-days, weekly] }
emulation:
  requirement: LC-3.4
  periods: [month, week]
  weights:
    - { rule: update-days, weight: 1 }
    - { rule: nobody, weight: 1 }
`);
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:41 reports[0].covers[1]: "weekly" không phải là mã của một quy định trong `quotas`, `schedules` hoặc `deadlines`',
      'tenants/lao-cai/tenant.yaml:44 emulation.periods[1]: `periods` không nhận giá trị "week": phải là một trong month, quarter, half-year, year',
      'tenants/lao-cai/tenant.yaml:47 emulation.weights[1].rule: "nobody" không phải là mã của một quy định trong `quotas`, `schedules` hoặc `deadlines`',
    ]);
  });

  it('NA-11: a report’s assessment commends from a higher rate than it reminds below, each a percentage of one decimal at most', () => {
    const report = (assessment: string) =>
      withSection(
        `reports:\n  - { id: khen-thuong, requirement: NA-11, name: Theo dõi khen thưởng, periods: [year], recipients: [Hội đồng Thi đua], assessment: ${assessment} }\n`,
      );
    expect(problemsOf(report('{ commendFrom: 60, remindBelow: 70 }'))).toEqual([
      'tenants/lao-cai/tenant.yaml:41 reports[0].assessment.commendFrom: `commendFrom` (60) phải lớn hơn `remindBelow` (70): đơn vị được đề nghị khen thưởng không thể cũng bị nhắc nhở',
    ]);
    expect(problemsOf(report('{ commendFrom: 95.55, remindBelow: 120 }'))).toEqual([
      'tenants/lao-cai/tenant.yaml:41 reports[0].assessment.commendFrom: `commendFrom` phải là một số, tối đa 1 chữ số thập phân',
      'tenants/lao-cai/tenant.yaml:41 reports[0].assessment.remindBelow: `remindBelow` không được lớn hơn 100',
    ]);
    const valid = parseRuleSet(report('{ commendFrom: 95, remindBelow: 70 }'), FILE);
    expect(valid.ok && valid.value.reports[0]!.assessment).toEqual({ commendFrom: 95, remindBelow: 70 });
  });

  it('calendar: make-up working days are weekend days and not holidays', () => {
    const text = VALID.replace(
      '    - { date: 2026-09-02, name: Quốc khánh }',
      '    - { date: 2026-09-02, name: Quốc khánh }\n  makeUpWorkingDays:\n    - { date: 2026-09-02, name: Làm bù }\n    - { date: 2026-09-03, name: Làm bù }\n    - { date: 2026-09-05, name: Làm bù }',
    );
    expect(problemsOf(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:12 calendar.makeUpWorkingDays[0].date: Ngày 2026-09-02 trùng với một ngày nghỉ trong `holidays`',
      'tenants/lao-cai/tenant.yaml:13 calendar.makeUpWorkingDays[1].date: Ngày 2026-09-03 là thứ Năm (THU), vốn là ngày làm việc; ngày làm bù phải là ngày nghỉ cuối tuần (`weekends`)',
    ]);
  });
});

describe('unit trees', () => {
  it('refuses a duplicate unit code, an unknown parent and a cycle', () => {
    const text = `units:
  - { code: a, name: Đơn vị A, kind: department, parent: c }
  - { code: b, name: Đơn vị B, kind: department, parent: a }
  - { code: c, name: Đơn vị C, kind: department, parent: b }
  - { code: d, name: Đơn vị D, kind: department, parent: zz }
  - { code: a, name: Đơn vị A lần hai, kind: department }
`;
    expect(unitProblemsOf(text)).toEqual([
      'tenants/lao-cai/units.yaml:2 units[0].parent: `parent` tạo thành vòng lặp: a → c → b → a',
      'tenants/lao-cai/units.yaml:5 units[3].parent: Đơn vị cha "zz" chưa khai báo trong tệp này',
      'tenants/lao-cai/units.yaml:6 units[4].code: Mã đơn vị "a" bị trùng (đã có ở mục [0])',
    ]);
  });

  it('checks units against the rules: declared kinds, named units, the folder name', () => {
    const rules = VALID.replace('    appliesTo: { unitKinds: [press] }', '    appliesTo: { units: [bao-lao-cai] }');
    const units = `${UNITS}  - { code: hoi-nong-dan, name: Hội Nông dân, kind: union }\n`;
    const result = parseTenantDefinition({ rules, units }, { rules: FILE, units: UNITS_FILE }, 'lao-cai-2');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:1 code: `code` phải giống tên thư mục "lao-cai-2" (đang là "lao-cai")',
      'tenants/lao-cai/tenant.yaml:24 schedules[1].appliesTo.units[0]: Đơn vị "bao-lao-cai" chưa khai báo trong units.yaml',
      'tenants/lao-cai/units.yaml:5 units[3].kind: Loại đơn vị "union" chưa khai báo trong `unitKinds` của tenant.yaml',
    ]);
    expect(parseTenantDefinition({ rules: VALID, units: UNITS }).ok).toBe(true);
  });

  it('checks across the files while each has problems of its own: every problem in one round', () => {
    const rules = VALID.replace('    appliesTo: { unitKinds: [press] }', '    appliesTo: { units: [bao-lao-cai] }')
      .replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Asia/Hanoi_City')
      .replace('weekdays: [MON, WED, FRI]', 'weekdays: [MON, WED, FRY]');
    const units = `${UNITS}  - { code: hoi-nong-dan, name: H, kind: union }\n`;
    const result = parseTenantDefinition({ rules, units }, { rules: FILE, units: UNITS_FILE }, 'lao-cai-2');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:1 code: `code` phải giống tên thư mục "lao-cai-2" (đang là "lao-cai")',
      'tenants/lao-cai/tenant.yaml:3 timezone: `timezone` không nhận giá trị "Asia/Hanoi_City": phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)',
      'tenants/lao-cai/tenant.yaml:20 schedules[0].weekdays[2]: `weekdays` không nhận giá trị "FRY": phải là một trong MON…SUN',
      'tenants/lao-cai/tenant.yaml:24 schedules[1].appliesTo.units[0]: Đơn vị "bao-lao-cai" chưa khai báo trong units.yaml',
      'tenants/lao-cai/units.yaml:5 units[3].kind: Loại đơn vị "union" chưa khai báo trong `unitKinds` của tenant.yaml',
      'tenants/lao-cai/units.yaml:5 units[3].name: `name` phải có ít nhất 2 ký tự',
    ]);
  });

  it('leaves out only the checks that would rest on an invalid part', () => {
    // An invalid unit kind: which kinds are declared is unknown, so units are not checked against them;
    // an invalid unit code: which units exist is unknown, so references to units are not checked.
    const rules = VALID.replace('  - kind: press', '  - kind: newspaper').replace(
      '    appliesTo: { unitKinds: [press] }',
      '    appliesTo: { units: [bao-lao-cai] }',
    );
    const units = UNITS.replace('code: so-y-te', 'code: So-Y-Te').replace('kind: city', 'kind: union');
    const result = parseTenantDefinition({ rules, units }, { rules: FILE, units: UNITS_FILE });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:15 unitKinds[3].kind: `kind` không nhận giá trị "newspaper": phải là một trong province, department, board, sector, district, city, town, commune, union, political-social-organisation, public-service-unit, enterprise, press',
      'tenants/lao-cai/units.yaml:3 units[1].code: `code` phải gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ weekly-posts)',
    ]);
  });

  it('still checks a rule file that is not valid YAML against nothing, and a unit file against it', () => {
    const result = parseTenantDefinition(
      { rules: 'code: [lao-cai', units: UNITS.replace('kind: city', 'kind: union') },
      { rules: FILE, units: UNITS_FILE },
    );
    expect(result.ok ? [] : result.problems.map((p) => `${p.file}:${p.path}`)).toEqual([`${FILE}:`]);
    const unitsBroken = parseTenantDefinition(
      { rules: VALID.replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Asia/Hanoi_City'), units: 'units: [' },
      { rules: FILE, units: UNITS_FILE },
      'lao-cai-2',
    );
    expect(unitsBroken.ok ? [] : unitsBroken.problems.map((p) => `${p.file}:${p.line} ${p.path}`)).toEqual([
      `${FILE}:1 code`,
      `${FILE}:3 timezone`,
      `${UNITS_FILE}:1 `,
    ]);
  });

  it('LC-3.4: a report is delivered to units of units.yaml and to known roles; by default to the IT centre', () => {
    const report = (deliverTo: string) =>
      withSection(
        `reports:\n  - { id: monthly, requirement: LC-3.4, name: Báo cáo tháng, periods: [month], recipients: [VP UBND tỉnh]${deliverTo} }\n`,
      );
    const result = parseTenantDefinition(
      { rules: report(', deliverTo: { units: [so-y-te, van-phong], roles: [tenant_admin, chairman] }'), units: UNITS },
      { rules: FILE, units: UNITS_FILE },
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:41 reports[0].deliverTo.roles[1]: `roles` không nhận giá trị "chairman": phải là một trong national_operator, tenant_admin, editorial_council, editorial_board, unit_head, unit_editor',
      // Checked in the same round, though the rule file has a problem of its own.
      'tenants/lao-cai/tenant.yaml:41 reports[0].deliverTo.units[1]: Đơn vị "van-phong" chưa khai báo trong units.yaml',
    ]);
    const unknownUnit = parseTenantDefinition(
      { rules: report(', deliverTo: { units: [so-y-te, van-phong] }'), units: UNITS },
      { rules: FILE, units: UNITS_FILE },
    );
    expect(unknownUnit.ok ? [] : unknownUnit.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:41 reports[0].deliverTo.units[1]: Đơn vị "van-phong" chưa khai báo trong units.yaml',
    ]);
    const plain = parseTenantDefinition({ rules: report(''), units: UNITS });
    expect(plain.ok && plain.definition.ruleSet.reports[0].deliverTo).toEqual({ units: [], roles: ['tenant_admin'] });
  });

  it('NA-8.5: units’ requests go to units of units.yaml, within 1 to 90 days; by default the IT centre in ten working days', () => {
    const result = parseTenantDefinition(
      {
        rules: withSection('unitRequests:\n  proposal: { handledBy: so-bcvt }\n  problem: { handledBy: so-y-te, answerWithin: 0 }\n'),
        units: UNITS,
      },
      { rules: FILE, units: UNITS_FILE },
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'tenants/lao-cai/tenant.yaml:41 unitRequests.proposal.handledBy: Đơn vị "so-bcvt" chưa khai báo trong units.yaml',
      'tenants/lao-cai/tenant.yaml:42 unitRequests.problem.answerWithin: `answerWithin` không được nhỏ hơn 1',
    ]);
    const plain = parseTenantDefinition({ rules: withSection(''), units: UNITS });
    expect(plain.ok && plain.definition.ruleSet.unitRequests).toEqual({
      enabled: true,
      proposal: { answerWithin: 10, dayKind: 'working' },
      problem: { answerWithin: 10, dayKind: 'working' },
    });
  });
});

describe('rule files of the wrong shape: each a problem at its line, never a throw', () => {
  /** Every problem of the pair, formatted; parsing must not throw whatever the files hold. */
  const allProblems = (rules: string, units = UNITS) => {
    let result: ReturnType<typeof parseTenantDefinition> | undefined;
    expect(() => (result = parseTenantDefinition({ rules, units }, { rules: FILE, units: UNITS_FILE }))).not.toThrow();
    return result?.ok ? [] : (result?.problems ?? []).map(formatProblem);
  };

  it('a unit tree whose `units` is not a list of units', () => {
    expect(allProblems(VALID, 'units: 5')).toEqual(['tenants/lao-cai/units.yaml:1 units: `units` phải là một danh sách']);
    expect(allProblems(VALID, 'units: { code: so-y-te }')).toEqual(['tenants/lao-cai/units.yaml:1 units: `units` phải là một danh sách']);
    expect(allProblems(VALID, 'units:\n  - 5\n  - [ { code: so-y-te, name: Sở Y tế, kind: department } ]\n')).toEqual([
      'tenants/lao-cai/units.yaml:2 units[0]: Mỗi mục trong `units` phải là một đối tượng gồm các cặp khóa: giá trị',
      'tenants/lao-cai/units.yaml:3 units[1]: Mỗi mục trong `units` phải là một đối tượng gồm các cặp khóa: giá trị, không phải một danh sách',
    ]);
  });

  it.each([
    ['unitKinds', VALID.replace(/unitKinds:\n( {2}- kind: \w+\n)+/, 'unitKinds: 5\n'), 11],
    ['workflows', VALID.replace(/workflows:\n[\s\S]*?(?=workflowBindings:)/, 'workflows: 5\n'), 27],
    ['workflowBindings', VALID.replace(/workflowBindings:\n[\s\S]*$/, 'workflowBindings: 5\n'), 37],
    ['schedules', VALID.replace(/schedules:\n[\s\S]*?(?=workflows:)/, 'schedules: 5\n'), 16],
    ['quotas', withSection('quotas: 5\n'), 40],
    ['deadlines', withSection('deadlines: x\n'), 40],
    ['reports', withSection('reports: { id: monthly }\n'), 40],
  ])('a scalar where tenant.yaml has a list: `%s`', (key, rules, line) => {
    expect(allProblems(rules)).toEqual([`tenants/lao-cai/tenant.yaml:${line} ${key}: \`${key}\` phải là một danh sách`]);
  });

  it('a scalar where a list is expected deeper in tenant.yaml', () => {
    const cases: [string, string][] = [
      [
        VALID.replace('    - { date: 2026-09-02, name: Quốc khánh }', '    5').replace('  holidays:\n    5', '  holidays: 5'),
        'calendar.holidays',
      ],
      [VALID.replace('calendar:\n', 'calendar:\n  weekends: 5\n'), 'calendar.weekends'],
      [VALID.replace('weekdays: [MON, WED, FRI]', 'weekdays: 5'), 'schedules[0].weekdays'],
      [VALID.replace('appliesTo: { unitKinds: [press] }', 'appliesTo: { unitKinds: press }'), 'schedules[1].appliesTo.unitKinds'],
      [VALID.replace(/ {4}states:\n( {6}- .*\n)+/, '    states: 5\n'), 'workflows[0].states'],
      [VALID.replace(/ {4}transitions:\n( {6}- .*\n)+/, '    transitions: 5\n'), 'workflows[0].transitions'],
      [VALID.replace('from: draft, to: published', 'from: 5, to: published'), 'workflows[0].transitions[0].from'],
      [
        VALID.replace('{ channel: portal, workflow: direct }', '{ channel: portal, workflow: direct, contentTypes: 5 }'),
        'workflowBindings[1].contentTypes',
      ],
      [VALID.replace('  - kind: press', '  - kind: press\n    subsite: { sections: 5 }'), 'unitKinds[3].subsite.sections'],
      [withSection('emulation: { requirement: LC-3.4, periods: [month], weights: 5 }\n'), 'emulation.weights'],
      [
        withSection('payments:\n  royalties: { requirement: LC-3.1c, genres: 5, unitValue: [{ from: 2024-07-01, amount: 1 }] }\n'),
        'payments.royalties.genres',
      ],
      [
        withSection('payments:\n  royalties: { requirement: LC-3.1c, genres: [{ id: tin, name: Tin, points: 1 }], unitValue: 5 }\n'),
        'payments.royalties.unitValue',
      ],
      [
        withSection('reports:\n  - { id: m, requirement: LC-3.4, name: Tháng, periods: [month], recipients: [UBND], covers: 5 }\n'),
        'reports[0].covers',
      ],
    ];
    for (const [rules, path] of cases) {
      const key = path.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
      expect({ path, problems: allProblems(rules) }).toEqual({
        path,
        problems: [expect.stringMatching(new RegExp(` ${path.replace(/[[\].]/g, '\\$&')}: \`${key}\` phải là một danh sách$`))],
      });
    }
  });

  it('checks across rules leave out what the schema refused instead of naming it again', () => {
    // The unit kinds are not a list: the kinds the schedules and units name are not checked against them.
    expect(allProblems(VALID.replace(/unitKinds:\n( {2}- kind: \w+\n)+/, 'unitKinds:\n  - null\n  - kind: department\n'))).toEqual([
      'tenants/lao-cai/tenant.yaml:12 unitKinds[0]: Mỗi mục trong `unitKinds` phải là một đối tượng gồm các cặp khóa: giá trị',
    ]);
    // A make-up day that is no date is named once, not also as a weekday.
    const text = VALID.replace(
      '    - { date: 2026-09-02, name: Quốc khánh }',
      '    - { date: 2026-09-02, name: Quốc khánh }\n  makeUpWorkingDays:\n    - { date: 2026-02-30, name: Làm bù }',
    );
    expect(allProblems(text)).toEqual([
      'tenants/lao-cai/tenant.yaml:12 calendar.makeUpWorkingDays[0].date: `date` phải là một ngày dạng YYYY-MM-DD',
    ]);
  });

  it('YAML aliases: one without its anchor, one inside the value it names, too many of them', () => {
    expect(allProblems(withSection('extra: *x\n'))).toEqual([
      'tenants/lao-cai/tenant.yaml:40 Lỗi cú pháp YAML: bí danh `*x` chưa có điểm neo `&x` nào ở phía trước',
    ]);
    expect(allProblems(VALID, `${UNITS}  - *unit\n`)).toEqual([
      'tenants/lao-cai/units.yaml:5 Lỗi cú pháp YAML: bí danh `*unit` chưa có điểm neo `&unit` nào ở phía trước',
    ]);
    expect(allProblems(withSection('extra: &loop [ *loop ]\n'))).toEqual([
      'tenants/lao-cai/tenant.yaml:40 Lỗi cú pháp YAML: bí danh `*loop` nằm ngay trong giá trị mà điểm neo `&loop` đặt tên, tạo thành vòng lặp',
    ]);
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcde'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`),
    ];
    expect(allProblems(withSection(`${laughs.join('\n')}\n`))).toEqual([
      'tenants/lao-cai/tenant.yaml:41 Tệp dùng bí danh YAML (`*…`) quá nhiều: khi mở ra vượt quá 100 lần; hãy viết trực tiếp các giá trị thay vì lồng bí danh vào nhau',
    ]);
  });

  it('a list where one value or one mapping belongs', () => {
    expect(allProblems(VALID, UNITS.replace('kind: city', 'kind: [city]'))).toEqual([
      'tenants/lao-cai/units.yaml:4 units[2].kind: `kind` chỉ nhận một giá trị, không nhận danh sách: phải là một trong province, department, board, sector, district, city, town, commune, union, political-social-organisation, public-service-unit, enterprise, press',
    ]);
    expect(allProblems(VALID.replace('  - kind: city', '  - kind: [city]'))).toContain(
      'tenants/lao-cai/tenant.yaml:14 unitKinds[2].kind: `kind` chỉ nhận một giá trị, không nhận danh sách: phải là một trong province, department, board, sector, district, city, town, commune, union, political-social-organisation, public-service-unit, enterprise, press',
    );
    expect(
      allProblems(
        VALID.replace('legalBasis: { document', 'legalBasis: [ { document').replace('inForceAfterDays: 15 }', 'inForceAfterDays: 15 } ]'),
      ),
    ).toEqual([
      'tenants/lao-cai/tenant.yaml:7 legalBasis: `legalBasis` phải là một đối tượng gồm các cặp khóa: giá trị, không phải một danh sách',
    ]);
  });

  it('a key with no value is left out; a key named like a property of every object is refused', () => {
    const empty = parseRuleSet(withSection('quotas:\nreports:\n'), FILE);
    expect(empty.ok && [empty.value.quotas, empty.value.reports]).toEqual([[], []]);
    expect(allProblems(VALID.replace(/legalBasis: .*\n/, 'legalBasis:\n'))).toEqual([
      'tenants/lao-cai/tenant.yaml:7 legalBasis: Chưa khai báo `legalBasis` (bắt buộc)',
    ]);
    expect(allProblems(withSection('constructor: 1\nportal2:\n  toString: x\n'))).toEqual([
      'tenants/lao-cai/tenant.yaml:40 constructor: `constructor` không phải là khóa hợp lệ ở đây',
      'tenants/lao-cai/tenant.yaml:42 portal2: `portal2` không phải là khóa hợp lệ ở đây',
      'tenants/lao-cai/tenant.yaml:42 portal2.toString: `toString` không phải là khóa hợp lệ ở đây',
    ]);
  });
});
