import type { PublicLegalStatus } from '@cong/content';
import { dmy, money, todayIn } from '@cong/rules';

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

/** An instant as the province's calendar date, `dd/mm/yyyy`. */
export const formatInstant = (iso: string, timezone: string): string => dmy(todayIn(timezone, new Date(iso)));

/** A calendar date `yyyy-mm-dd` as `dd/mm/yyyy`; nothing for a field left empty. */
export const formatDay = (day: string | undefined): string => (day ? dmy(day) : '');

/** `12500000000` → `12.500.000.000 đồng`. */
export const formatDong = (amount: number): string => `${money(amount)} đồng`;

/** Names in Vietnamese alphabetical order (Đ after D, accents after the plain letter). */
export const vietnameseOrder = new Intl.Collator('vi').compare;
