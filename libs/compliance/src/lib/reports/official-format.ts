import { addDays, DateRange, dmy, todayIn } from '@cong/rules';

// Dates and money as officials write them (dmy, money) are in libs/rules, shared with the portal.

/** A half-open range written inclusively: [2027-01-01, 2027-04-01) → `01/01/2027 – 31/03/2027`. */
export function inclusiveRange(range: DateRange): string {
  return `${dmy(range.start)} – ${dmy(addDays(range.end, -1))}`;
}

/** The date of issue, the province's day: `Ngày lập: 01/12/2026`. */
export function issuedLine(timezone: string, now: Date = new Date()): string {
  return `Ngày lập: ${dmy(todayIn(timezone, now))}`;
}

/** What the items a deadline governs are called: answers to citizens are not documents ("văn bản"). */
const DEADLINE_ITEM_LABELS: Record<string, string> = {
  legal_document: 'Văn bản',
  faq: 'Câu trả lời công dân',
  announcement: 'Thông báo',
  procedure: 'Thủ tục hành chính',
  report: 'Báo cáo',
};

export function deadlineItemLabel(contentType: string): string {
  return DEADLINE_ITEM_LABELS[contentType] ?? 'Tin bài';
}
