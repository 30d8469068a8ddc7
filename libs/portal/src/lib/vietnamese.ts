import type { PublicLegalStatus } from '@cong/content';
import { dmy, money, todayIn } from '@cong/rules';

// The labels of types, fields and values are content's (the console's editor shows the same ones).
export { CONTENT_TYPE_LABELS as TYPE_LABELS, FIELD_LABELS, LEGAL_KIND_LABELS, LEGAL_STATUS_LABELS } from '@cong/content';

/** Query parameter values of the legal status filter, in Vietnamese (they show in the address). */
export const LEGAL_STATUS_PARAMS: Record<string, PublicLegalStatus> = {
  'chua-hieu-luc': 'not_yet_effective',
  'con-hieu-luc': 'in_effect',
  'het-hieu-luc': 'expired',
  'bi-thay-the': 'replaced',
};

/** An instant as the province's calendar date, `dd/mm/yyyy`. */
export const formatInstant = (iso: string, timezone: string): string => dmy(todayIn(timezone, new Date(iso)));

/** A calendar date `yyyy-mm-dd` as `dd/mm/yyyy`; nothing for a field left empty. */
export const formatDay = (day: string | undefined): string => (day ? dmy(day) : '');

/** `12500000000` → `12.500.000.000 đồng`. */
export const formatDong = (amount: number): string => `${money(amount)} đồng`;

/** Names in Vietnamese alphabetical order (Đ after D, accents after the plain letter). */
export const vietnameseOrder = new Intl.Collator('vi').compare;
