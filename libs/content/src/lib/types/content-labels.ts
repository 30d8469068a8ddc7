import { ContentType } from '@cong/rules';
import { LEGAL_DOCUMENT_KINDS, LegalDocumentStatus, PAGE_KINDS } from './content-fields';

/**
 * What people read for the content types and their fields, in Vietnamese: one table for the admin
 * console's editor (GET /api/v1/content/types) and the portal's pages alike. A unit test fails when
 * a field of any type (or of an entry) has no label here.
 */

/** What each content type is called (every type: `satisfies` checks it; indexable by any string). */
export const CONTENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  news: 'Tin tức',
  announcement: 'Thông báo',
  report: 'Báo cáo',
  page: 'Trang giới thiệu',
  procedure: 'Thủ tục hành chính',
  legal_document: 'Văn bản pháp luật',
  thematic: 'Chuyên đề',
  faq: 'Hỏi đáp',
  investment_project: 'Dự án kêu gọi đầu tư',
} satisfies Record<ContentType, string>;

/** The fields of the types, by name (a name means the same in every type that has it). */
export const FIELD_LABELS: Record<string, string> = {
  // News, announcements, reports, thematic pieces
  author: 'Tác giả',
  source: 'Nguồn',
  attachments: 'Tệp đính kèm',
  // Pages
  pageKind: 'Loại trang',
  chartImage: 'Sơ đồ tổ chức',
  // Procedures
  code: 'Mã thủ tục',
  field: 'Lĩnh vực',
  implementingAgency: 'Cơ quan thực hiện',
  steps: 'Trình tự thực hiện',
  dossierComponents: 'Thành phần hồ sơ',
  processingTime: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  legalBasis: 'Căn cứ pháp lý',
  forms: 'Mẫu đơn, tờ khai',
  // Legal documents
  number: 'Số, ký hiệu',
  documentKind: 'Loại văn bản',
  issuingBody: 'Cơ quan ban hành',
  signer: 'Người ký',
  issuedOn: 'Ngày ban hành',
  effectiveFrom: 'Ngày có hiệu lực',
  expiresOn: 'Ngày hết hiệu lực',
  replacedBy: 'Được thay thế bởi',
  abstract: 'Trích yếu',
  file: 'Tệp văn bản',
  // Questions and answers
  question: 'Câu hỏi',
  answer: 'Trả lời',
  askedOn: 'Ngày hỏi',
  askedBy: 'Người hỏi',
  // Investment projects
  location: 'Địa điểm',
  totalInvestment: 'Tổng mức đầu tư',
  investmentForm: 'Hình thức đầu tư',
  contact: 'Liên hệ',
  open: 'Đang kêu gọi đầu tư',
};

/** The fields of a file reference (`{name, media}` or `{name, url}`). */
const FILE_LABELS: Record<string, string> = { name: 'Tên tệp', url: 'Địa chỉ tệp', media: 'Tệp tải lên' };

/** The fields of each entry, by the field that holds the entries. */
export const ENTRY_FIELD_LABELS: Record<string, Record<string, string>> = {
  steps: { title: 'Tên bước', description: 'Nội dung thực hiện' },
  dossierComponents: { name: 'Tên giấy tờ', originals: 'Số bản chính', copies: 'Số bản sao' },
  attachments: FILE_LABELS,
  chartImage: FILE_LABELS,
  forms: FILE_LABELS,
  file: FILE_LABELS,
};

export const LEGAL_KIND_LABELS: Readonly<Record<string, string>> = {
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
} satisfies Record<(typeof LEGAL_DOCUMENT_KINDS)[number], string>;

export const PAGE_KIND_LABELS: Readonly<Record<string, string>> = {
  introduction: 'Giới thiệu chung',
  'functions-and-duties': 'Chức năng, nhiệm vụ',
  'organisation-structure': 'Cơ cấu tổ chức, sơ đồ bộ máy',
  'development-plan': 'Quy hoạch phát triển',
  'natural-social-conditions': 'Điều kiện tự nhiên, xã hội',
  'development-orientation': 'Định hướng phát triển',
  other: 'Trang khác',
} satisfies Record<(typeof PAGE_KINDS)[number], string>;

/** Labels of the values a field takes from a list, by field name. */
export const VALUE_LABELS: Record<string, Record<string, string>> = { documentKind: LEGAL_KIND_LABELS, pageKind: PAGE_KIND_LABELS };

export const LEGAL_STATUS_LABELS: Record<LegalDocumentStatus, string> = {
  not_yet_effective: 'Chưa có hiệu lực',
  in_effect: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  replaced: 'Đã bị thay thế',
};
