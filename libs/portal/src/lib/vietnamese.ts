import type { PublicLegalStatus } from '@cong/content';

/** What each content type is called on the portal. */
export const TYPE_LABELS: Record<string, string> = {
  news: 'Tin tức',
  announcement: 'Thông báo',
  report: 'Báo cáo',
  page: 'Trang giới thiệu',
  procedure: 'Thủ tục hành chính',
  legal_document: 'Văn bản pháp luật',
  thematic: 'Chuyên đề',
  faq: 'Hỏi đáp',
  investment_project: 'Dự án kêu gọi đầu tư',
};

export const LEGAL_KIND_LABELS: Record<string, string> = {
  luat: 'Luật',
  'nghi-dinh': 'Nghị định',
  'quyet-dinh': 'Quyết định',
  'thong-tu': 'Thông tư',
  'chi-thi': 'Chỉ thị',
  'nghi-quyet': 'Nghị quyết',
  'cong-van': 'Công văn',
  'ke-hoach': 'Kế hoạch',
  'huong-dan': 'Hướng dẫn',
  khac: 'Văn bản khác',
};

export const LEGAL_STATUS_LABELS: Record<PublicLegalStatus, string> = {
  not_yet_effective: 'Chưa có hiệu lực',
  in_effect: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  replaced: 'Đã bị thay thế',
};

/** Query parameter values of the legal status filter, in Vietnamese (they show in the address). */
export const LEGAL_STATUS_PARAMS: Record<string, PublicLegalStatus> = {
  'chua-hieu-luc': 'not_yet_effective',
  'con-hieu-luc': 'in_effect',
  'het-hieu-luc': 'expired',
  'bi-thay-the': 'replaced',
};

const dayFormat = new Map<string, Intl.DateTimeFormat>();

/** An instant as the province's calendar date, `dd/mm/yyyy`. */
export function formatInstant(iso: string, timezone: string): string {
  let format = dayFormat.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: '2-digit', month: '2-digit', year: 'numeric' });
    dayFormat.set(timezone, format);
  }
  return format.format(new Date(iso));
}

/** A calendar date `yyyy-mm-dd` as `dd/mm/yyyy`; anything else as it is. */
export function formatDay(day: string | undefined): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (day ?? '');
}

/** `12500000000` → `12.500.000.000 đồng`. */
export function formatDong(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
}

/** Names in Vietnamese alphabetical order (Đ after D, accents after the plain letter). */
export const vietnameseOrder = new Intl.Collator('vi').compare;
