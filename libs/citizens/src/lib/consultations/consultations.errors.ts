import { DomainError } from '@cong/platform-errors';

export const ConsultationErrors = {
  notFound: () => new DomainError('CITIZENS_CONSULTATION_NOT_FOUND', 'not_found', 'Không tìm thấy dự thảo lấy ý kiến.'),
  notYours: () =>
    new DomainError('CITIZENS_CONSULTATION_FORBIDDEN', 'forbidden', 'Bạn không có quyền quản lý việc lấy ý kiến dự thảo này.'),
  documentNotFound: () =>
    new DomainError('CITIZENS_CONSULTATION_DOCUMENT', 'validation', 'Không có tin bài đã đăng mang dự thảo này trên trang đã chọn.', [
      { field: 'documentItem', message: 'Hãy chọn một tin bài đã đăng của trang, có tệp dự thảo đính kèm.' },
    ]),
  badDays: () =>
    new DomainError('CITIZENS_CONSULTATION_DAYS', 'validation', 'Ngày kết thúc không được trước ngày bắt đầu.', [
      { field: 'closesOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.' },
    ]),
  lockedAfterOpening: () =>
    new DomainError('CITIZENS_CONSULTATION_OPENED', 'conflict', 'Việc lấy ý kiến đã bắt đầu: chỉ được đổi ngày kết thúc hoặc gỡ xuống.'),
  notOpenYet: (day: string) =>
    new DomainError('CITIZENS_CONSULTATION_NOT_OPEN', 'conflict', `Chưa đến thời gian lấy ý kiến; bắt đầu từ ngày ${day}.`),
  closed: (day: string) => new DomainError('CITIZENS_CONSULTATION_CLOSED', 'conflict', `Đã hết thời gian lấy ý kiến (ngày ${day}).`),
  unknownArticle: () =>
    new DomainError('CITIZENS_CONSULTATION_ARTICLE', 'validation', 'Điều khoản được góp ý không có trong dự thảo.', [
      { field: 'article', message: 'Điều khoản không có trong dự thảo.' },
    ]),
  commentNotFound: () => new DomainError('CITIZENS_COMMENT_NOT_FOUND', 'not_found', 'Không tìm thấy ý kiến góp ý.'),
  reasonRequired: () =>
    new DomainError('CITIZENS_REASON_REQUIRED', 'validation', 'Vui lòng ghi lý do không công bố.', [
      { field: 'reason', message: 'Cần ghi lý do.' },
    ]),
};
