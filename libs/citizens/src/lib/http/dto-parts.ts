import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { STRICT_DATE } from '@cong/rules';
import { IsISO8601, Matches } from 'class-validator';

/** Text fields are kept without the spaces around them (a name typed with a trailing space). */
export const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Each text of a list kept without its surrounding spaces, so that "  " is seen as empty before it is stored. */
export const trimmedEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** A site's key, or a unit's code: lower case, digits and "-". */
export const SITE_KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** `site`: the portal or a unit's sub-site, named in Vietnamese when it is not one. */
export const SiteKey = () => Matches(SITE_KEY, { message: '`site` phải là "portal" hoặc mã một đơn vị có chuyên trang.' });

/** A day of the calendar, `YYYY-MM-DD`, that exists (not 30/02): PostgreSQL would refuse it with a 500. */
export const CalendarDay = (field: string) =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `\`${field}\` phải là một ngày dạng YYYY-MM-DD.` }),
    IsISO8601(STRICT_DATE, { message: `\`${field}\` không phải là một ngày có thật.` }),
  );
