import { Injectable } from '@nestjs/common';
import { DateRange, LocalDate, Period, ProvinceCalendar, RuleSet, ruleSetFromDocument, RuleVersionRepository, Weekday } from '@cong/rules';
import { LRUCache } from 'lru-cache';
import { DeadlineResult, evaluateDeadline } from '../evaluators/deadline.evaluator';
import { evaluateQuota, QuotaResult } from '../evaluators/quota.evaluator';
import { evaluateSchedule, ScheduleResult } from '../evaluators/schedule.evaluator';
import { deadlineItemLabel } from '../reports/official-format';
import { ComplianceFacts } from './compliance-facts';

/** Every rule's results over a range, under one rule version. */
export interface PeriodResults {
  range: DateRange;
  /** The rule versions that judged some part of the range. */
  ruleVersions: number[];
  quotas: QuotaResult[];
  schedules: ScheduleResult[];
  deadlines: DeadlineResult[];
}

/** Where a unit stands on one rule right now, with a sentence for the officials who read it. */
export interface ProgressEntry {
  rule: string;
  requirement: string;
  kind: 'quota' | 'schedule' | 'deadline';
  /** `met`: done for the period; `on_track`: nothing missed yet; `behind`: something missed or late. */
  status: 'met' | 'on_track' | 'behind';
  summary: string;
  period?: DateRange;
  detail: QuotaResult | ScheduleResult | DeadlineResult[];
}

export interface UnitProgress {
  unit: string;
  entries: ProgressEntry[];
}

const DAY_NAMES: Record<Weekday, string> = {
  MON: 'thứ Hai',
  TUE: 'thứ Ba',
  WED: 'thứ Tư',
  THU: 'thứ Năm',
  FRI: 'thứ Sáu',
  SAT: 'thứ Bảy',
  SUN: 'Chủ nhật',
};
const PERIOD_NAMES: Record<Period, string> = {
  week: 'tuần này',
  month: 'tháng này',
  quarter: 'quý này',
  'half-year': '6 tháng này',
  year: 'năm nay',
};
/** Deadlines shown live: documents whose clock started in the last 90 days or starts in the next 30. */
const DEADLINE_WINDOW = { back: 90, ahead: 30 };

/**
 * Runs the pure evaluators on the province's facts:
 * - **progress** (live): each rule's current period under the rules in force today;
 * - **results over a range** (period close, reports): each part under the rules in force when it
 *   began, so a rule change in the middle of a quarter judges the quarter's later weeks by the new
 *   rules and its earlier ones by the old (see docs/compliance.md).
 */
@Injectable()
export class ComplianceEvaluation {
  private readonly ruleSets = new LRUCache<string, RuleSet>({ max: 200 });

  constructor(
    private readonly versions: RuleVersionRepository,
    private readonly facts: ComplianceFacts,
  ) {}

  /** The rules in force on a date and their version number; null before the province's first. */
  async rulesOn(tenantId: string, date: LocalDate): Promise<{ rules: RuleSet; version: number } | null> {
    const version = await this.versions.inForceOn(tenantId, date);
    if (!version) return null;
    const key = `${tenantId}/${version.version}`;
    let rules = this.ruleSets.get(key);
    if (!rules) {
      rules = ruleSetFromDocument(version.document);
      this.ruleSets.set(key, rules);
    }
    return { rules, version: version.version };
  }

  /** When the province's first rules were applied (it came onto the platform); null before any. */
  async firstAppliedAt(tenantId: string): Promise<Date | null> {
    const applied = (await this.versions.history(tenantId)).map((v) => new Date(v.appliedAt).getTime());
    return applied.length ? new Date(Math.min(...applied)) : null;
  }

  /**
   * The rules that judge the period of `kind` holding `date`, with that period and the day its
   * judging starts: the period's first day, or, for a province's first, partial period, the day its
   * first rules took effect. Null when no rules were in force on any day of the period.
   */
  async rulesForPeriod(
    tenantId: string,
    kind: Period,
    date: LocalDate,
  ): Promise<{ rules: RuleSet; version: number; range: DateRange; judgedFrom: LocalDate } | null> {
    const first = (await this.versions.history(tenantId)).map((v) => v.effectiveFrom).sort()[0];
    if (!first) return null;
    const inForce = (await this.rulesOn(tenantId, date)) ?? (await this.rulesOn(tenantId, first))!;
    const range = new ProvinceCalendar(inForce.rules.timezone, inForce.rules.calendar).periodOf(kind, date);
    if (first >= range.end) return null;
    return { ...inForce, range, judgedFrom: first > range.start ? first : range.start };
  }

  /**
   * Results over `range`. Each piece is judged by the rules in force when it began: a quota period
   * by those of its first day; schedule days and deadlines by those of the stretch of the range
   * (split where a new version took effect). Quota periods are the rule's own (each week starting
   * in a monthly range). `asOf`: days after it are not yet due (a range still running); with
   * `endedQuotaPeriodsOnly`, quota periods that end after it are left out (provisional reports).
   */
  async resultsFor(
    tenantId: string,
    range: DateRange,
    asOf?: LocalDate,
    options: { endedQuotaPeriodsOnly?: boolean } = {},
  ): Promise<PeriodResults | null> {
    const stretches = await this.stretches(tenantId, range);
    if (stretches.length === 0) return null;
    const units = await this.facts.units(tenantId);
    const results: PeriodResults = { range, ruleVersions: [], quotas: [], schedules: [], deadlines: [] };
    const used = new Set<number>();
    for (const { range: stretch, rules, version } of stretches) {
      used.add(version);
      const calendar = new ProvinceCalendar(rules.timezone, rules.calendar);
      // Quota periods that start in this stretch, judged by the rules of their first day.
      for (const quota of rules.quotas) {
        for (const period of periodsStartingIn(calendar, quota.period as Period, stretch)) {
          // Provisional figures judge only what has happened: a quota period still running (or not
          // begun) by `asOf` is not yet missed.
          if (options.endedQuotaPeriodsOnly && asOf !== undefined && period.end > calendar.addDays(asOf, 1, 'calendar')) continue;
          const publications = await this.facts.publications(tenantId, period, rules.timezone);
          results.quotas.push(...evaluateQuota(quota, period, units, publications, calendar));
        }
      }
      if (rules.schedules.length) {
        const publications = await this.facts.publications(tenantId, stretch, rules.timezone);
        for (const schedule of rules.schedules)
          results.schedules.push(...evaluateSchedule(schedule, stretch, units, publications, calendar, asOf));
      }
      for (const rule of rules.deadlines) {
        // Documents due in the stretch: their clock started up to `within` (working) days before it.
        const lookBack = { start: calendar.addDays(stretch.start, -(rule.within * 2 + 14), 'calendar'), end: stretch.end };
        const facts = await this.facts.deadlineFacts(tenantId, rule.contentType, rule.startsFrom, lookBack);
        const all = evaluateDeadline(rule, units, facts, calendar, asOf ?? calendar.addDays(stretch.end, -1, 'calendar'));
        results.deadlines.push(...all.filter((d) => d.due !== null && d.due >= stretch.start && d.due < stretch.end));
      }
    }
    results.ruleVersions = [...used].sort((a, b) => a - b);
    return results;
  }

  /** The range cut where a new rule version took effect, each stretch with its rules. Empty before the first version. */
  private async stretches(tenantId: string, range: DateRange): Promise<{ range: DateRange; rules: RuleSet; version: number }[]> {
    const changes = (await this.versions.history(tenantId)).map((v) => v.effectiveFrom).filter((d) => d > range.start && d < range.end);
    const starts = [...new Set([range.start, ...changes])].sort();
    const stretches: { range: DateRange; rules: RuleSet; version: number }[] = [];
    for (const [i, start] of starts.entries()) {
      const inForce = await this.rulesOn(tenantId, start);
      if (inForce) stretches.push({ range: { start, end: starts[i + 1] ?? range.end }, rules: inForce.rules, version: inForce.version });
    }
    return stretches;
  }

  /** Where every unit stands today (or on `asOf`), rule by rule, under the rules in force then. */
  async progress(tenantId: string, asOf: LocalDate, onlyUnits?: string[]): Promise<UnitProgress[]> {
    const inForce = await this.rulesOn(tenantId, asOf);
    if (!inForce) return [];
    const { rules } = inForce;
    const calendar = new ProvinceCalendar(rules.timezone, rules.calendar);
    const units = (await this.facts.units(tenantId)).filter((u) => !onlyUnits || onlyUnits.includes(u.code));
    const byUnit = new Map<string, ProgressEntry[]>(units.map((u) => [u.code, []]));
    const add = (unit: string, entry: ProgressEntry) => byUnit.get(unit)?.push(entry);

    for (const quota of rules.quotas) {
      const period = calendar.periodOf(quota.period as Period, asOf);
      const publications = await this.facts.publications(tenantId, period, rules.timezone);
      for (const r of evaluateQuota(quota, period, units, publications, calendar)) {
        add(r.unit, {
          rule: r.rule,
          requirement: r.requirement,
          kind: 'quota',
          period,
          detail: r,
          status: r.met ? 'met' : 'on_track',
          summary: `${r.counted} trên ${r.required} tin ${PERIOD_NAMES[quota.period as Period]}${r.met ? ' — đã đạt' : ''}`,
        });
      }
    }
    const week = calendar.periodOf('week', asOf);
    const weekPublications = rules.schedules.length ? await this.facts.publications(tenantId, week, rules.timezone) : [];
    for (const schedule of rules.schedules) {
      for (const r of evaluateSchedule(schedule, week, units, weekPublications, calendar, asOf)) {
        const missedBeforeToday = r.missedDays.filter((d) => d < asOf);
        const todayDue = r.requiredDays.includes(asOf) && r.missedDays.includes(asOf);
        const parts: string[] = [];
        if (missedBeforeToday.length)
          parts.push(`chưa đăng ${missedBeforeToday.map((d) => `${DAY_NAMES[calendar.weekdayOf(d)]} (${d})`).join(', ')}`);
        if (todayDue) parts.push('hôm nay chưa đăng');
        add(r.unit, {
          rule: r.rule,
          requirement: r.requirement,
          kind: 'schedule',
          period: week,
          detail: r,
          status: missedBeforeToday.length ? 'behind' : r.missedDays.length ? 'on_track' : 'met',
          summary: parts.length
            ? `Tuần này: ${parts.join('; ')}`
            : `Tuần này: đã đăng đủ ${r.requiredDays.length} ngày bắt buộc tính đến hôm nay`,
        });
      }
    }
    for (const rule of rules.deadlines) {
      const window = {
        start: calendar.addDays(asOf, -DEADLINE_WINDOW.back, 'calendar'),
        end: calendar.addDays(asOf, DEADLINE_WINDOW.ahead, 'calendar'),
      };
      const facts = await this.facts.deadlineFacts(tenantId, rule.contentType, rule.startsFrom, window);
      const results = evaluateDeadline(rule, units, facts, calendar, asOf);
      for (const unit of units) {
        const mine = results.filter((d) => d.unit === unit.code);
        if (mine.length === 0) continue;
        const late = mine.filter((d) => d.status === 'late' || d.status === 'missing').length;
        const pending = mine.filter((d) => d.status === 'pending').length;
        add(unit.code, {
          rule: rule.id,
          requirement: rule.requirement,
          kind: 'deadline',
          detail: mine,
          status: late ? 'behind' : pending ? 'on_track' : 'met',
          summary: `${mine.length - late - pending} ${deadlineItemLabel(rule.contentType).toLowerCase()} đúng hạn, ${late} trễ hoặc chưa đăng, ${pending} chưa đến hạn`,
        });
      }
    }
    return [...byUnit].filter(([, entries]) => entries.length).map(([unit, entries]) => ({ unit, entries }));
  }
}

/** The periods of `kind` that start inside `range` (a month holds four or five week starts). */
export function periodsStartingIn(calendar: ProvinceCalendar, kind: Period, range: DateRange): DateRange[] {
  const periods: DateRange[] = [];
  let period = calendar.periodOf(kind, range.start);
  if (period.start < range.start) period = calendar.periodOf(kind, period.end);
  while (period.start < range.end) {
    periods.push(period);
    period = calendar.periodOf(kind, period.end);
  }
  return periods;
}
