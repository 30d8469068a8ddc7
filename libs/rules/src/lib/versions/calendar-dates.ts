import { ValidateBy, ValidationArguments } from 'class-validator';

/** Calendar dates (`YYYY-MM-DD`) as a province counts them, independent of the server's zone. */

// Building an Intl.DateTimeFormat costs far more than formatting with one (it was an eighth of the
// public read path's CPU), so there is one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timezone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timezone, format);
  }
  return format.format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  // Year 0000 is no day PostgreSQL's dates hold.
  if (!CALENDAR_DATE.test(value) || value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A request's day, `YYYY-MM-DD`, that exists in the calendar: malformed, "`from` phải là một ngày
 * dạng YYYY-MM-DD."; well formed but not a day (30/02), "\"2026-02-30\" không phải là một ngày có
 * thật." — one message a field, never a 500 from PostgreSQL further in.
 */
export const CalendarDay = (field: string) =>
  ValidateBy({
    name: 'calendarDay',
    validator: {
      validate: (value) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: (args?: ValidationArguments) =>
        typeof args?.value === 'string' && CALENDAR_DATE.test(args.value)
          ? `"${args.value}" không phải là một ngày có thật.`
          : `\`${field}\` phải là một ngày dạng YYYY-MM-DD.`,
    },
  });
