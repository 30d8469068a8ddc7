import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Text fields are kept without the spaces around them (a name typed with a trailing space). */
export const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Each text of a list kept without its surrounding spaces, so that "  " is seen as empty before it is stored. */
export const trimmedEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** A site's key, or a unit's code: lower case, digits and "-". */
export const SITE_KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** `site`: the portal or a unit's sub-site, named in Vietnamese when it is not one. */
export const SiteKey = () => Matches(SITE_KEY, { message: '`site` phải là "portal" hoặc mã một đơn vị có chuyên trang.' });
