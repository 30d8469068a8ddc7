import { DateTime } from 'luxon';
import { WorkflowErrors } from '../transitions/workflow.errors';

/** ISO 8601 date and time, with or without seconds, with an optional offset (`Z`, `+07:00`). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A time as officials enter it: with an offset it is that instant; without one it is wall-clock
 * time in the province (`2026-11-25T08:00` in Lào Cai is 01:00 UTC), whatever the server's zone.
 */
export function parseTenantTime(value: string, timezone: string, field: string): Date {
  const parsed = ISO_DATE_TIME.test(value) ? DateTime.fromISO(value, { zone: timezone }) : null;
  if (!parsed?.isValid)
    throw WorkflowErrors.scheduleInvalid(
      field,
      `\`${field}\` phải là ngày giờ dạng 2026-11-25T08:00 (giờ của tỉnh) hoặc 2026-11-25T08:00+07:00.`,
    );
  return parsed.toJSDate();
}

/** How the province reads a moment: `25/11/2026 08:00 (GMT+7)`. */
export function formatTenantTime(at: Date | null, timezone: string): string | null {
  if (!at) return null;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return `${local.toFormat('dd/MM/yyyy HH:mm')} (GMT${local.toFormat('Z')})`;
}
