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

/**
 * The province's wall-clock time of an instant (or of now), as a dayjs that antd's date-time pickers
 * show as it is: 08:00 in the province reads 08:00 whatever the browser's own zone. Sent back with
 * `provinceClockText`, which the API reads in the province's zone.
 */
export function provinceClock(instant?: string | Date): dayjs.Dayjs {
  return dayjs(
    dayjs(instant ?? new Date())
      .tz(provinceZone())
      .format('YYYY-MM-DDTHH:mm:ss'),
  );
}

/** A picker's value as the API takes a time of the province: `2026-12-05T08:00` (no offset). */
export const provinceClockText = (value: dayjs.Dayjs): string => value.format('YYYY-MM-DDTHH:mm');

/** How a label names the province's zone: "giờ Việt Nam". */
export const provinceZoneName = (): string => (provinceZone() === 'Asia/Ho_Chi_Minh' ? 'giờ Việt Nam' : `giờ ${provinceZone()}`);
