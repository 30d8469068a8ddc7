import { isIanaTimezone } from '@cong/tenancy';
import { SESSION_LIMITS } from '../schema/account-policy.schema';
import { AppliesTo } from '../schema/obligations.schema';
import { RuleSet } from '../schema/rule-set.schema';
import { SectionSpec } from '../schema/unit-kinds.schema';
import { CLOCK_FIELDS, ContentType } from '../schema/vocabulary';
import { duplicates, LocatedMessage } from './check-helpers';
import { PathSegment } from './rule-problem';
import { checkWorkflows } from './workflow-checks';

/** Checks no single field can make: references between rules, uniqueness, real time zones. */
export function crossCheck(rules: RuleSet): LocatedMessage[] {
  return [
    ...checkIdentity(rules),
    ...checkCalendar(rules),
    ...checkUnitKinds(rules),
    ...checkObligations(rules),
    ...checkWorkflows(rules),
    ...checkReporting(rules),
    ...checkRoyalties(rules),
    ...checkSessions(rules),
  ];
}

/** A session's lifetimes nest: an access token within the idle time, the idle time within the whole session. */
function checkSessions(rules: RuleSet): LocatedMessage[] {
  const sessions = rules.accountPolicy?.sessions;
  if (!sessions) return [];
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

function checkIdentity(rules: RuleSet): LocatedMessage[] {
  if (!rules.timezone || isIanaTimezone(rules.timezone)) return [];
  return [
    {
      path: ['timezone'],
      message: `\`timezone\` không nhận giá trị ${JSON.stringify(rules.timezone)}: phải là múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)`,
    },
  ];
}

function checkCalendar(rules: RuleSet): LocatedMessage[] {
  const calendar = rules.calendar;
  if (!calendar) return [];
  const holidays = new Set((calendar.holidays ?? []).map((h) => h.date));
  const weekendDays = new Set<string>(calendar.weekends ?? []);
  const problems = duplicates(
    calendar.holidays ?? [],
    (h) => h.date,
    (i) => ['calendar', 'holidays', i, 'date'],
    'Ngày',
  );
  problems.push(
    ...duplicates(
      calendar.makeUpWorkingDays ?? [],
      (d) => d.date,
      (i) => ['calendar', 'makeUpWorkingDays', i, 'date'],
      'Ngày',
    ),
  );
  (calendar.makeUpWorkingDays ?? []).forEach((d, i) => {
    const path = ['calendar', 'makeUpWorkingDays', i, 'date'];
    if (holidays.has(d.date)) problems.push({ path, message: `Ngày ${d.date} trùng với một ngày nghỉ trong \`holidays\`` });
    else if (d.date && !weekendDays.has(weekdayOf(d.date))) {
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
  const kinds = rules.unitKinds ?? [];
  return [
    ...duplicates(
      kinds,
      (k) => k.kind,
      (i) => ['unitKinds', i, 'kind'],
      'Loại đơn vị',
    ),
    ...kinds.flatMap((k, i) => {
      const all = sectionsWithPaths(k.subsite?.sections ?? [], ['unitKinds', i, 'subsite', 'sections']);
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
function sectionsWithPaths(sections: SectionSpec[], at: PathSegment[]): { section: SectionSpec; path: PathSegment[] }[] {
  return sections.flatMap((section, i) => [
    { section, path: [...at, i] },
    ...sectionsWithPaths(section.children ?? [], [...at, i, 'children']),
  ]);
}

/** Ids of the rules compliance measures (what reports cover and emulation weighs). */
export function measuredRuleIds(rules: RuleSet): Set<string> {
  return new Set([...(rules.quotas ?? []), ...(rules.schedules ?? []), ...(rules.deadlines ?? [])].map((r) => r.id));
}

function checkObligations(rules: RuleSet): LocatedMessage[] {
  const declaredKinds = new Set((rules.unitKinds ?? []).map((k) => k.kind));
  const problems: LocatedMessage[] = [];
  const everyRule = [
    ...(rules.quotas ?? []).map((r, i) => ({ r, at: ['quotas', i] as PathSegment[] })),
    ...(rules.schedules ?? []).map((r, i) => ({ r, at: ['schedules', i] as PathSegment[] })),
    ...(rules.deadlines ?? []).map((r, i) => ({ r, at: ['deadlines', i] as PathSegment[] })),
    ...(rules.workflows ?? []).map((r, i) => ({ r, at: ['workflows', i] as PathSegment[] })),
    ...(rules.reports ?? []).map((r, i) => ({ r, at: ['reports', i] as PathSegment[] })),
  ];
  const firstUse = new Map<string, string>();
  for (const { r, at } of everyRule) {
    const where = firstUse.get(r.id);
    if (r.id && where) problems.push({ path: [...at, 'id'], message: `Mã quy định "${r.id}" trùng với mã của ${where}` });
    else if (r.id) firstUse.set(r.id, `${at[0]}[${at[1]}]`);
  }

  const checkAppliesTo = (appliesTo: AppliesTo | undefined, at: PathSegment[]) => {
    if (!appliesTo) return;
    if (!appliesTo.unitKinds?.length && !appliesTo.units?.length) {
      problems.push({
        path: [...at, 'appliesTo'],
        message:
          '`appliesTo` không nêu loại đơn vị hay đơn vị nào: quy định sẽ không áp dụng cho ai (bỏ `appliesTo` nếu áp dụng cho mọi đơn vị)',
      });
    }
    appliesTo.unitKinds?.forEach((kind, k) => {
      if (declaredKinds.size && !declaredKinds.has(kind)) {
        problems.push({ path: [...at, 'appliesTo', 'unitKinds', k], message: `Loại đơn vị "${kind}" chưa khai báo trong \`unitKinds\`` });
      }
    });
  };
  (rules.quotas ?? []).forEach((q, i) => checkAppliesTo(q.appliesTo, ['quotas', i]));
  (rules.schedules ?? []).forEach((s, i) => {
    checkAppliesTo(s.appliesTo, ['schedules', i]);
    if ((s.weekdays ?? []).length > 0 === Boolean(s.everyDay)) {
      problems.push({ path: ['schedules', i], message: 'Phải khai báo đúng một trong hai: `weekdays` hoặc `everyDay: true`' });
    }
  });
  (rules.deadlines ?? []).forEach((d, i) => {
    checkAppliesTo(d.appliesTo, ['deadlines', i]);
    const fields = CLOCK_FIELDS[d.contentType as ContentType];
    if (d.contentType && d.startsFrom && !fields?.includes(d.startsFrom)) {
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
  (rules.reports ?? []).forEach((report, i) =>
    report.covers?.forEach((id, j) => {
      if (!measured.has(id))
        problems.push({
          path: ['reports', i, 'covers', j],
          message: `"${id}" không phải là mã của một quy định trong \`quotas\`, \`schedules\` hoặc \`deadlines\``,
        });
    }),
  );
  const weights = rules.emulation?.weights ?? [];
  weights.forEach((w, i) => {
    if (w.rule && !measured.has(w.rule)) {
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
  if (weights.length > 0 && weights.every((w) => w.weight === 0)) {
    problems.push({ path: ['emulation', 'weights'], message: 'Mọi `weight` đều bằng 0: không quy định nào được tính điểm' });
  }
  return problems;
}

function checkRoyalties(rules: RuleSet): LocatedMessage[] {
  const royalties = rules.payments?.royalties;
  if (!royalties) return [];
  const at = ['payments', 'royalties'];
  const problems = duplicates(
    royalties.genres ?? [],
    (g) => g.id,
    (i) => [...at, 'genres', i, 'id'],
    'Mã thể loại',
  );
  (royalties.genres ?? []).forEach((g, i) => {
    if (g.maxPoints !== undefined && g.maxPoints < g.points) {
      problems.push({ path: [...at, 'genres', i, 'maxPoints'], message: `\`maxPoints\` không được nhỏ hơn \`points\` (${g.points})` });
    }
  });
  (royalties.unitValue ?? []).forEach((v, i, all) => {
    if (i > 0 && v.from && all[i - 1].from && v.from <= all[i - 1].from) {
      problems.push({
        path: [...at, 'unitValue', i, 'from'],
        message: `\`from\` (${v.from}) phải sau ngày của mục trước (${all[i - 1].from}): liệt kê các giá trị từ cũ đến mới, mỗi ngày một giá trị`,
      });
    }
  });
  const share = royalties.shareByChannel;
  if (share && share.portal === undefined && share.subsite === undefined) {
    problems.push({
      path: [...at, 'shareByChannel'],
      message: '`shareByChannel` chưa khai báo kênh nào: phải có `portal`, `subsite` hoặc cả hai',
    });
  }
  return problems;
}
