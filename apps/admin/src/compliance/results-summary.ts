import type { Schemas } from '../api/client';
import { dayjs, formatDay, weekdayOf } from '../format/dates';
import type { PeriodKind, Range } from './periods';

type Results = Schemas['PeriodResultsResponse'];
export type Schedule = Schemas['ScheduleResultResponse'];

/** Met and missed obligations, counted as the reports count them: each quota period, required day and due item is one. */
export interface Tally {
  met: number;
  missed: number;
}

export type ObligationKind = 'quota' | 'schedule' | 'deadline';

/** A rule that judged some unit in the period (a column of the table). */
export interface RuleColumn {
  rule: string;
  requirement: string;
  kind: ObligationKind;
}

export interface UnitRow {
  unit: string;
  byRule: Record<string, Tally>;
  total: Tally;
}

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  quota: 'Định mức',
  schedule: 'Ngày phải đăng',
  deadline: 'Đúng hạn',
};

/** One obligation: the unit, the rule, the day it is dated by, and whether it was met. */
interface Obligation {
  unit: string;
  rule: string;
  requirement: string;
  kind: ObligationKind;
  day: string;
  met: boolean;
}

function obligations(results: Results): Obligation[] {
  const list: Obligation[] = [];
  for (const q of results.quotas)
    list.push({ unit: q.unit, rule: q.rule, requirement: q.requirement, kind: 'quota', day: q.period.start, met: q.met });
  for (const s of results.schedules) {
    const missed = new Set(s.missedDays);
    for (const day of s.requiredDays)
      list.push({ unit: s.unit, rule: s.rule, requirement: s.requirement, kind: 'schedule', day, met: !missed.has(day) });
  }
  // A document not yet due (pending) or with no clock is not judged.
  for (const d of results.deadlines)
    if (d.due && (d.status === 'on_time' || d.status === 'late' || d.status === 'missing'))
      list.push({ unit: d.unit, rule: d.rule, requirement: d.requirement, kind: 'deadline', day: d.due, met: d.status === 'on_time' });
  return list;
}

const add = (tally: Tally, met: boolean) => (met ? tally.met++ : tally.missed++);

/** The rules that judged someone, in the order quota, schedule, deadline. */
export function rulesOf(results: Results): RuleColumn[] {
  const rules = new Map<string, RuleColumn>();
  for (const o of obligations(results))
    if (!rules.has(o.rule)) rules.set(o.rule, { rule: o.rule, requirement: o.requirement, kind: o.kind });
  const order: ObligationKind[] = ['quota', 'schedule', 'deadline'];
  return [...rules.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.requirement.localeCompare(b.requirement));
}

/** Per unit: met and missed, rule by rule and in all (only the units some rule judged). */
export function unitRows(results: Results, unit?: string): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const o of obligations(results)) {
    if (unit && o.unit !== unit) continue;
    const row = rows.get(o.unit) ?? { unit: o.unit, byRule: {}, total: { met: 0, missed: 0 } };
    add((row.byRule[o.rule] ??= { met: 0, missed: 0 }), o.met);
    add(row.total, o.met);
    rows.set(o.unit, row);
  }
  return [...rows.values()];
}

/** Obligations met over judged, in percent with one decimal; null when nothing was judged. */
export const rateOf = (t: Tally): number | null => (t.met + t.missed ? Math.round((1000 * t.met) / (t.met + t.missed)) / 10 : null);

/** A part of the period the chart shows one bar for. */
export interface Bucket extends Tally {
  key: string;
  label: string;
}

/** What the chart's bars are: the days of a week, the weeks of a month, the months of longer periods. */
export const BUCKET_NAMES: Record<PeriodKind, string> = {
  week: 'ngày',
  month: 'tuần',
  quarter: 'tháng',
  'half-year': 'tháng',
  year: 'tháng',
};

const DAY = 'YYYY-MM-DD';
const bucketOf = (kind: PeriodKind, day: string) =>
  kind === 'week' ? day : kind === 'month' ? dayjs(day).startOf('week').format(DAY) : day.slice(0, 7);

/** Met and missed per day, week or month of the period, up to today for a period still running. */
export function tallyByPart(results: Results, kind: PeriodKind, range: Range, today: string, unit?: string): Bucket[] {
  const buckets = new Map<string, Bucket>();
  const step = kind === 'week' ? 'day' : kind === 'month' ? 'week' : 'month';
  for (let at = dayjs(bucketOf(kind, range.start)); at.format(DAY) < range.end && at.format(DAY) <= today; at = at.add(1, step)) {
    const key = bucketOf(kind, at.format(DAY));
    const last = at.add(1, step).subtract(1, 'day').format(DAY);
    const label =
      kind === 'week'
        ? `${weekdayOf(key)} ${formatDay(key).slice(0, 5)}`
        : kind === 'month'
          ? `Tuần ${formatDay(key).slice(0, 5)}–${formatDay(last).slice(0, 5)}`
          : `Tháng ${Number(key.slice(5, 7))}/${key.slice(0, 4)}`;
    buckets.set(key, { key, label, met: 0, missed: 0 });
  }
  for (const o of obligations(results)) {
    if (unit && o.unit !== unit) continue;
    const bucket = buckets.get(bucketOf(kind, o.day));
    if (bucket) add(bucket, o.met);
  }
  return [...buckets.values()];
}

/** A unit's result for one schedule rule over the period: its stretches (a rule change in the middle) put together. */
export function schedulesByUnit(results: Results, rule: string, unit?: string): Schedule[] {
  const byUnit = new Map<string, Schedule>();
  for (const s of results.schedules) {
    if (s.rule !== rule || (unit && s.unit !== unit)) continue;
    const before = byUnit.get(s.unit);
    byUnit.set(
      s.unit,
      before
        ? {
            ...before,
            days: [...before.days, ...s.days],
            requiredDays: [...before.requiredDays, ...s.requiredDays],
            missedDays: [...before.missedDays, ...s.missedDays],
            met: before.met && s.met,
          }
        : s,
    );
  }
  return [...byUnit.values()].filter((s) => s.requiredDays.length > 0);
}
