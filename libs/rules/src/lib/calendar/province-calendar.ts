import { Calendar } from '../schema/calendar.schema';
import { Weekday, WEEKDAYS } from '../schema/one-of.validator';
import { Period } from '../schema/vocabulary';
import { todayIn } from '../versions/calendar-dates';
import { DateTime } from 'luxon';

/** A calendar date, `YYYY-MM-DD`, in the province's time zone. */
export type LocalDate = string;

/** Half-open range of dates: `start` included, `end` excluded. */
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

const ISO_WEEKDAY: Record<Weekday, number> = { MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6, SUN: 7 };

/**
 * Days as a province counts them: its time zone, its week start, weekends, holidays and make-up
 * working days (from the rules in force).
 */
export class ProvinceCalendar {
  private readonly holidays: Set<string>;
  private readonly makeUp: Set<string>;
  private readonly weekends: Set<number>;

  constructor(
    readonly timezone: string,
    private readonly calendar: Calendar,
  ) {
    this.holidays = new Set(calendar.holidays.map((h) => h.date));
    this.makeUp = new Set(calendar.makeUpWorkingDays.map((d) => d.date));
    this.weekends = new Set(calendar.weekends.map((w) => ISO_WEEKDAY[w]));
  }

  /** The province's date of an instant: 00:30 Monday in Hà Nội is Monday, though still Sunday in UTC. */
  dateOf(instant: Date): LocalDate {
    // The cached Intl formatter behind todayIn: a year's facts are dated in milliseconds, not seconds.
    return todayIn(this.timezone, instant);
  }

  weekdayOf(date: LocalDate): Weekday {
    return WEEKDAYS[DateTime.fromISO(date).weekday - 1];
  }

  isHoliday(date: LocalDate): boolean {
    return this.holidays.has(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    if (this.holidays.has(date)) return false;
    if (this.makeUp.has(date)) return true;
    return !this.weekends.has(DateTime.fromISO(date).weekday);
  }

  /** `date` plus `days` calendar days, or the `days`-th working day after it (0: the day itself). */
  addDays(date: LocalDate, days: number, kind: 'calendar' | 'working'): LocalDate {
    let d = DateTime.fromISO(date);
    if (kind === 'calendar') return d.plus({ days }).toISODate()!;
    for (let left = days; left > 0;) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!)) left--;
    }
    return d.toISODate()!;
  }

  /** The period of `kind` that contains `date`; weeks start on the province's week start. */
  periodOf(kind: Period, date: LocalDate): DateRange {
    const d = DateTime.fromISO(date);
    if (kind === 'week') {
      const startDay = ISO_WEEKDAY[this.calendar.weekStart];
      const start = d.minus({ days: (d.weekday - startDay + 7) % 7 });
      return { start: start.toISODate()!, end: start.plus({ days: 7 }).toISODate()! };
    }
    const months = { month: 1, quarter: 3, 'half-year': 6, year: 12 }[kind];
    const startMonth = Math.floor((d.month - 1) / months) * months + 1;
    const start = DateTime.fromObject({ year: d.year, month: startMonth, day: 1 });
    return { start: start.toISODate()!, end: start.plus({ months }).toISODate()! };
  }

  /** Every date of a range, in order. */
  datesOf(range: DateRange): LocalDate[] {
    const dates: LocalDate[] = [];
    for (let d = DateTime.fromISO(range.start); d.toISODate()! < range.end; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
    return dates;
  }
}
