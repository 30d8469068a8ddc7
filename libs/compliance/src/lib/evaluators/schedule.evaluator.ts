import { DateRange, LocalDate, ProvinceCalendar, Schedule } from '@cong/rules';
import { appliesTo, PublicationFact, UnitFact } from './facts';

export interface ScheduleDay {
  date: LocalDate;
  counted: number;
  evidence: string[];
}

export interface ScheduleResult {
  rule: string;
  requirement: string;
  unit: string;
  period: DateRange;
  /** The required days of the period up to `asOf` (holidays are never required). */
  requiredDays: LocalDate[];
  days: ScheduleDay[];
  missedDays: LocalDate[];
  met: boolean;
}

/**
 * LC-2.3a/b: on each required day (the rule's weekdays, or every day) of the period, at least the
 * minimum published that day in the province's time zone. Days after `asOf` are not yet due.
 */
export function evaluateSchedule(
  rule: Schedule,
  period: DateRange,
  units: UnitFact[],
  facts: PublicationFact[],
  calendar: ProvinceCalendar,
  asOf?: LocalDate,
): ScheduleResult[] {
  const requiredDays = calendar
    .datesOf(period)
    .filter(
      (d) =>
        (asOf === undefined || d <= asOf) && !calendar.isHoliday(d) && (rule.everyDay || rule.weekdays.includes(calendar.weekdayOf(d))),
    );
  // One pass over the facts, dated once: unit → day → items.
  const byUnitDay = new Map<string, Map<LocalDate, string[]>>();
  for (const f of facts) {
    if (!rule.contentTypes.includes(f.type) || !rule.channels.includes(f.channel)) continue;
    const days = byUnitDay.get(f.unit) ?? byUnitDay.set(f.unit, new Map()).get(f.unit)!;
    const day = calendar.dateOf(f.publishedAt);
    (days.get(day) ?? days.set(day, []).get(day)!).push(f.itemId);
  }
  return units
    .filter((u) => appliesTo(rule, u))
    .map((unit) => {
      const mine = byUnitDay.get(unit.code);
      const days = requiredDays.map((date) => {
        const evidence = mine?.get(date) ?? [];
        return { date, counted: evidence.length, evidence };
      });
      const missedDays = days.filter((d) => d.counted < rule.minItemsPerDay).map((d) => d.date);
      return {
        rule: rule.id,
        requirement: rule.requirement,
        unit: unit.code,
        period,
        requiredDays,
        days,
        missedDays,
        met: missedDays.length === 0,
      };
    });
}
