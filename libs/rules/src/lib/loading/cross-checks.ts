import { isIanaTimezone } from '@cong/tenancy';
import { SESSION_LIMITS } from '../schema/account-policy.schema';
import { AppliesTo } from '../schema/obligations.schema';
import { RuleSet } from '../schema/rule-set.schema';
import { SectionSpec } from '../schema/unit-kinds.schema';
import { CLOCK_FIELDS, ContentType } from '../schema/vocabulary';
import { duplicates, isMapping, itemsOf, keysOf, listOf, LocatedMessage, Validity } from './check-helpers';
import { PathSegment } from './rule-problem';
import { checkWorkflows } from './workflow-checks';

/**
 * Checks no single field can make: references between rules, uniqueness, real time zones. They
 * read only what the schema accepted (`valid`): a list that is not one, an item that is not a
 * mapping, a value already refused are left out, never failed on nor named twice.
 */
export function crossCheck(rules: RuleSet, valid: Validity): LocatedMessage[] {
  return [
    ...checkIdentity(rules, valid),
    ...checkCalendar(rules, valid),
    ...checkUnitKinds(rules),
    ...checkObligations(rules, valid),
    ...checkWorkflows(rules, valid),
    ...checkReporting(rules),
    ...checkRoyalties(rules, valid),
    ...checkSessions(rules),
  ];
}

/** A session's lifetimes nest: an access token within the idle time, the idle time within the whole session. */
function checkSessions(rules: RuleSet): LocatedMessage[] {
  const sessions = isMapping(rules.accountPolicy) ? rules.accountPolicy.sessions : undefined;
  if (!isMapping(sessions)) return [];
  const { accessTokenMinutes: access, idleMinutes: idle, absoluteHours: absolute } = sessions;
  const at = ['accountPolicy', 'sessions'];
  const problems: LocatedMessage[] = [];
  // Values out of their own range were named already; comparing them would only add noise.
  const fine = (value: number, { min, max }: { min: number; max: number }) => Number.isInteger(value) && value >= min && value <= max;
  if (
    !fine(access, SESSION_LIMITS.accessTokenMinutes) ||
    !fine(idle, SESSION_LIMITS.idleMinutes) ||
    !fine(absolute, SESSION_LIMITS.absoluteHours)
  )
    return problems;
  if (access > idle) {
    problems.push({
      path: [...at, 'accessTokenMinutes'],
      message: `\`accessTokenMinutes\` (${access}) không được lớn hơn \`idleMinutes\` (${idle}): mã truy cập sẽ còn hiệu lực khi phiên đã hết hạn vì không dùng`,
    });
  }
  if (idle > absolute * 60) {
    problems.push({
      path: [...at, 'idleMinutes'],
      message: `\`idleMinutes\` (${idle}) không được lớn hơn cả thời lượng phiên (\`absoluteHours\`: ${absolute}, tức ${absolute * 60} phút); tối đa ${absolute * 60}`,
    });
  }
  return problems;
}

function checkIdentity(rules: RuleSet, valid: Validity): LocatedMessage[] {
  if (!valid(['timezone']) || !rules.timezone || isIanaTimezone(rules.timezone)) return [];
  return [
    {
      path: ['timezone'],
      message: `\`timezone\` không nhận giá trị ${JSON.stringify(rules.timezone)}: phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)`,
    },
  ];
}

function checkCalendar(rules: RuleSet, valid: Validity): LocatedMessage[] {
  const calendar = rules.calendar;
  if (!isMapping(calendar)) return [];
  const holidays = new Set(itemsOf(calendar.holidays).map(([h]) => h.date));
  const weekendDays = new Set<string>(listOf(calendar.weekends));
  const problems = duplicates(
    calendar.holidays,
    (h) => h.date,
    (i) => ['calendar', 'holidays', i, 'date'],
    'Ngày',
  );
  problems.push(
    ...duplicates(
      calendar.makeUpWorkingDays,
      (d) => d.date,
      (i) => ['calendar', 'makeUpWorkingDays', i, 'date'],
      'Ngày',
    ),
  );
  itemsOf(calendar.makeUpWorkingDays).forEach(([d, i]) => {
    const path = ['calendar', 'makeUpWorkingDays', i, 'date'];
    if (!valid(path)) return;
    if (holidays.has(d.date)) problems.push({ path, message: `Ngày ${d.date} trùng với một ngày nghỉ trong \`holidays\`` });
    else if (valid(['calendar', 'weekends']) && !weekendDays.has(weekdayOf(d.date))) {
      problems.push({
        path,
        message: `Ngày ${d.date} là ${WEEKDAY_NAMES[weekdayOf(d.date)]} (${weekdayOf(d.date)}), vốn là ngày làm việc; ngày làm bù phải là ngày nghỉ cuối tuần (\`weekends\`)`,
      });
    }
  });
  return problems;
}

const WEEKDAY_NAMES: Record<string, string> = {
  MON: 'thứ Hai',
  TUE: 'thứ Ba',
  WED: 'thứ Tư',
  THU: 'thứ Năm',
  FRI: 'thứ Sáu',
  SAT: 'thứ Bảy',
  SUN: 'Chủ nhật',
};

function weekdayOf(isoDate: string): string {
  return ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][new Date(`${isoDate}T00:00:00Z`).getUTCDay()] ?? '?';
}

function checkUnitKinds(rules: RuleSet): LocatedMessage[] {
  return [
    ...duplicates(
      rules.unitKinds,
      (k) => k.kind,
      (i) => ['unitKinds', i, 'kind'],
      'Loại đơn vị',
    ),
    ...itemsOf(rules.unitKinds).flatMap(([k, i]) => {
      const sections = isMapping(k.subsite) ? k.subsite.sections : undefined;
      const all = sectionsWithPaths(sections, ['unitKinds', i, 'subsite', 'sections']);
      return duplicates(
        all,
        (s) => s.section.id,
        (j) => [...all[j].path, 'id'],
        'Mã chuyên mục',
      );
    }),
  ];
}

/** Sections and their sub-sections, depth first: ids must be unique across a sub-site. */
function sectionsWithPaths(sections: SectionSpec[] | undefined, at: PathSegment[]): { section: SectionSpec; path: PathSegment[] }[] {
  return itemsOf(sections).flatMap(([section, i]) => [
    { section, path: [...at, i] },
    ...sectionsWithPaths(section.children, [...at, i, 'children']),
  ]);
}

/** Ids of the rules compliance measures (what reports cover and emulation weighs); undefined when a list of them was refused. */
export function measuredRuleIds(rules: RuleSet): Set<unknown> | undefined {
  const lists = [rules.quotas, rules.schedules, rules.deadlines].map((list) => keysOf<{ id: string }>(list, (r) => r.id));
  return lists.every((ids) => ids !== undefined) ? new Set(lists.flatMap((ids) => [...ids])) : undefined;
}

function checkObligations(rules: RuleSet, valid: Validity): LocatedMessage[] {
  const declaredKinds = keysOf(rules.unitKinds, (k) => k.kind);
  const problems: LocatedMessage[] = [];
  const everyRule = (['quotas', 'schedules', 'deadlines', 'workflows', 'reports'] as const).flatMap((section) =>
    itemsOf<{ id: string }>(rules[section]).map(([r, i]) => ({ r, at: [section, i] as PathSegment[] })),
  );
  const firstUse = new Map<string, string>();
  for (const { r, at } of everyRule) {
    if (typeof r.id !== 'string' || !r.id) continue;
    const where = firstUse.get(r.id);
    if (where) problems.push({ path: [...at, 'id'], message: `Mã quy định "${r.id}" trùng với mã của ${where}` });
    else firstUse.set(r.id, `${at[0]}[${at[1]}]`);
  }

  const checkAppliesTo = (appliesTo: AppliesTo | undefined, at: PathSegment[]) => {
    if (!isMapping(appliesTo)) return;
    if (valid([...at, 'appliesTo']) && !appliesTo.unitKinds?.length && !appliesTo.units?.length) {
      problems.push({
        path: [...at, 'appliesTo'],
        message:
          '`appliesTo` không nêu loại đơn vị hay đơn vị nào: quy định sẽ không áp dụng cho ai (bỏ `appliesTo` nếu áp dụng cho mọi đơn vị)',
      });
    }
    listOf(appliesTo.unitKinds).forEach((kind, k) => {
      if (valid([...at, 'appliesTo', 'unitKinds', k]) && declaredKinds?.size && !declaredKinds.has(kind)) {
        problems.push({ path: [...at, 'appliesTo', 'unitKinds', k], message: `Loại đơn vị "${kind}" chưa khai báo trong \`unitKinds\`` });
      }
    });
  };
  itemsOf(rules.quotas).forEach(([q, i]) => checkAppliesTo(q.appliesTo, ['quotas', i]));
  itemsOf(rules.schedules).forEach(([s, i]) => {
    checkAppliesTo(s.appliesTo, ['schedules', i]);
    if (!Array.isArray(s.weekdays) || typeof s.everyDay !== 'boolean') return;
    if (s.weekdays.length > 0 === s.everyDay) {
      problems.push({ path: ['schedules', i], message: 'Phải khai báo đúng một trong hai: `weekdays` hoặc `everyDay: true`' });
    }
  });
  itemsOf(rules.deadlines).forEach(([d, i]) => {
    checkAppliesTo(d.appliesTo, ['deadlines', i]);
    if (!valid(['deadlines', i, 'contentType']) || !valid(['deadlines', i, 'startsFrom'])) return;
    const fields = CLOCK_FIELDS[d.contentType as ContentType];
    if (d.startsFrom && !fields?.includes(d.startsFrom)) {
      problems.push({
        path: ['deadlines', i, 'startsFrom'],
        message: fields
          ? `\`startsFrom\` không nhận giá trị "${d.startsFrom}": phải là một trường ngày của ${d.contentType} (${fields.join(', ')})`
          : `Loại nội dung ${d.contentType} không có trường ngày nào để làm mốc tính hạn`,
      });
    }
  });
  return problems;
}

function checkReporting(rules: RuleSet): LocatedMessage[] {
  const measured = measuredRuleIds(rules);
  const problems: LocatedMessage[] = [];
  itemsOf(rules.reports).forEach(([report, i]) => {
    const assessment = isMapping(report.assessment) ? report.assessment : undefined;
    // Only two figures each valid on its own (0–100) are compared; the schema speaks of the others.
    const percent = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 100;
    if (
      assessment &&
      percent(assessment.commendFrom) &&
      percent(assessment.remindBelow) &&
      assessment.commendFrom <= assessment.remindBelow
    )
      problems.push({
        path: ['reports', i, 'assessment', 'commendFrom'],
        message: `\`commendFrom\` (${assessment.commendFrom}) phải lớn hơn \`remindBelow\` (${assessment.remindBelow}): đơn vị được đề nghị khen thưởng không thể cũng bị nhắc nhở`,
      });
  });
  itemsOf(rules.reports).forEach(([report, i]) =>
    listOf(report.covers).forEach((id, j) => {
      if (measured && typeof id === 'string' && !measured.has(id))
        problems.push({
          path: ['reports', i, 'covers', j],
          message: `"${id}" không phải là mã của một quy định trong \`quotas\`, \`schedules\` hoặc \`deadlines\``,
        });
    }),
  );
  const weights = isMapping(rules.emulation) ? rules.emulation.weights : undefined;
  itemsOf(weights).forEach(([w, i]) => {
    if (measured && typeof w.rule === 'string' && w.rule && !measured.has(w.rule)) {
      problems.push({
        path: ['emulation', 'weights', i, 'rule'],
        message: `"${w.rule}" không phải là mã của một quy định trong \`quotas\`, \`schedules\` hoặc \`deadlines\``,
      });
    }
  });
  problems.push(
    ...duplicates(
      weights,
      (w) => w.rule,
      (i) => ['emulation', 'weights', i, 'rule'],
      'Mã quy định',
    ),
  );
  const items = itemsOf(weights);
  if (items.length > 0 && items.every(([w]) => w.weight === 0)) {
    problems.push({ path: ['emulation', 'weights'], message: 'Mọi `weight` đều bằng 0: không quy định nào được tính điểm' });
  }
  return problems;
}

function checkRoyalties(rules: RuleSet, valid: Validity): LocatedMessage[] {
  const royalties = isMapping(rules.payments) ? rules.payments.royalties : undefined;
  if (!isMapping(royalties)) return [];
  const at = ['payments', 'royalties'];
  const problems = duplicates(
    royalties.genres,
    (g) => g.id,
    (i) => [...at, 'genres', i, 'id'],
    'Mã thể loại',
  );
  itemsOf(royalties.genres).forEach(([g, i]) => {
    const numbers = valid([...at, 'genres', i, 'points']) && valid([...at, 'genres', i, 'maxPoints']);
    if (numbers && g.maxPoints !== undefined && g.maxPoints < g.points) {
      problems.push({ path: [...at, 'genres', i, 'maxPoints'], message: `\`maxPoints\` không được nhỏ hơn \`points\` (${g.points})` });
    }
  });
  // Each dated value after the one before it, among those whose date is a valid one.
  const dated = itemsOf(royalties.unitValue).filter(([, i]) => valid([...at, 'unitValue', i, 'from']));
  dated.forEach(([v, i], k) => {
    const before = dated[k - 1]?.[0];
    if (before && v.from <= before.from) {
      problems.push({
        path: [...at, 'unitValue', i, 'from'],
        message: `\`from\` (${v.from}) phải sau ngày của mục trước (${before.from}): liệt kê các giá trị từ cũ đến mới, mỗi ngày một giá trị`,
      });
    }
  });
  const share = royalties.shareByChannel;
  if (isMapping(share) && share.portal === undefined && share.subsite === undefined) {
    problems.push({
      path: [...at, 'shareByChannel'],
      message: '`shareByChannel` chưa khai báo kênh nào: phải có `portal`, `subsite` hoặc cả hai',
    });
  }
  return problems;
}
