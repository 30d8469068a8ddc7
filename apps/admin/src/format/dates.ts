import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { session } from '../session/session-store';

dayjs.extend(utc);
dayjs.extend(timezone);
// Vietnamese names of days and months; weeks start on Monday.
dayjs.locale('vi');

/** The province's time zone (Asia/Ho_Chi_Minh for every province today). */
export const provinceZone = (): string => session.current().province?.timezone ?? 'Asia/Ho_Chi_Minh';

/** An instant as officials read it, in the province's zone: 05/12/2026 14:30. */
export function formatInstant(value: string | null | undefined): string {
  return value ? dayjs(value).tz(provinceZone()).format('DD/MM/YYYY HH:mm') : '—';
}

/** A calendar date (YYYY-MM-DD) as officials write it: 05/12/2026. */
export function formatDay(value: string | null | undefined): string {
  return value ? dayjs(value, 'YYYY-MM-DD').format('DD/MM/YYYY') : '—';
}

/** A weekday's short Vietnamese name for a calendar date: T2 … CN. */
export function weekdayOf(value: string): string {
  const day = dayjs(value, 'YYYY-MM-DD').day();
  return day === 0 ? 'CN' : `T${day + 1}`;
}

/** How long ago, in days, for the review queue ("3 ngày"). */
export function ageInDays(value: string): number {
  return Math.max(0, dayjs().diff(dayjs(value), 'day'));
}

export { dayjs };
