import { Deadline, LocalDate, ProvinceCalendar } from '@cong/rules';
import { appliesTo, DeadlineFact, UnitFact } from './facts';

export type DeadlineStatus = 'on_time' | 'late' | 'missing' | 'pending' | 'no_clock';

export interface DeadlineResult {
  rule: string;
  requirement: string;
  itemId: string;
  unit: string;
  /** The rule's content type (`legal_document`, `faq`, …): reports count each apart. */
  contentType: string;
  /** The last day the item could be published on time. */
  due: LocalDate | null;
  publishedOn: LocalDate | null;
  status: DeadlineStatus;
  /** For late items: days after `due`, counted as the rule counts (calendar or working days). */
  daysLate: number;
}

/**
 * NA-8.4: each item on time, late (and by how much) or missing, against the date in its
 * `startsFrom` field plus `within` calendar or working days. Not yet published and not yet due is
 * `pending`; an item without the date the clock starts from is `no_clock` (its editor must add it).
 */
export function evaluateDeadline(
  rule: Deadline,
  units: UnitFact[],
  facts: DeadlineFact[],
  calendar: ProvinceCalendar,
  asOf: LocalDate,
): DeadlineResult[] {
  const bound = new Set(units.filter((u) => appliesTo(rule, u)).map((u) => u.code));
  return facts
    .filter((f) => bound.has(f.unit) && f.type === rule.contentType && rule.channels.includes(f.channel))
    .map((f) => {
      const start = f.dates[rule.startsFrom];
      const base = { rule: rule.id, requirement: rule.requirement, itemId: f.itemId, unit: f.unit, contentType: rule.contentType };
      const publishedOn = f.publishedAt ? calendar.dateOf(f.publishedAt) : null;
      if (!start) return { ...base, due: null, publishedOn, status: 'no_clock' as const, daysLate: 0 };
      const due = calendar.addDays(start, rule.within, rule.dayKind as 'calendar' | 'working');
      if (publishedOn) {
        const late = publishedOn > due;
        return {
          ...base,
          due,
          publishedOn,
          status: late ? ('late' as const) : ('on_time' as const),
          daysLate: late ? daysBetween(calendar, due, publishedOn, rule.dayKind) : 0,
        };
      }
      return {
        ...base,
        due,
        publishedOn,
        status: asOf > due ? ('missing' as const) : ('pending' as const),
        daysLate: asOf > due ? daysBetween(calendar, due, asOf, rule.dayKind) : 0,
      };
    });
}

function daysBetween(calendar: ProvinceCalendar, from: LocalDate, to: LocalDate, kind: string): number {
  const dates = calendar.datesOf({ start: from, end: to }).slice(1).concat(to);
  return kind === 'working' ? dates.filter((d) => calendar.isWorkingDay(d)).length : dates.length;
}
