import { DomainError } from '@cong/platform-errors';

export const QuestionErrors = {
  closedForQuestions: () =>
    new DomainError('CITIZENS_QUESTIONS_CLOSED', 'forbidden', 'Cổng thông tin này hiện không nhận câu hỏi trực tuyến.'),
  contactRequired: () =>
    new DomainError('CITIZENS_CONTACT_REQUIRED', 'validation', 'Vui lòng cho biết thư điện tử hoặc số điện thoại để nhận trả lời.', [
      { field: 'email', message: 'Cần thư điện tử hoặc số điện thoại.' },
      { field: 'phone', message: 'Cần thư điện tử hoặc số điện thoại.' },
    ]),
  unknownUnit: (code: string) =>
    new DomainError('CITIZENS_UNIT_NOT_FOUND', 'validation', `Không có đơn vị "${code}" nhận câu hỏi trên cổng này.`, [
      { field: 'unit', message: `Không có đơn vị "${code}" trên cổng này.` },
    ]),
  unknownSite: (key: string) =>
    new DomainError('CITIZENS_SITE_NOT_FOUND', 'validation', `Không có trang "${key}" trên cổng này.`, [
      { field: 'site', message: `Không có trang "${key}" trên cổng này.` },
    ]),
  notFound: () => new DomainError('CITIZENS_QUESTION_NOT_FOUND', 'not_found', 'Không tìm thấy câu hỏi.'),
  noAttachment: () =>
    new DomainError(
      'CITIZENS_ATTACHMENT_NOT_FOUND',
      'not_found',
      'Câu hỏi không có tệp đính kèm, hoặc tệp đã bị xóa theo thời hạn lưu trữ.',
    ),
  statusLinkUnknown: () =>
    new DomainError('CITIZENS_STATUS_LINK_UNKNOWN', 'not_found', 'Đường dẫn theo dõi không đúng hoặc câu hỏi không còn trên hệ thống.'),
  notYours: () => new DomainError('CITIZENS_QUESTION_FORBIDDEN', 'forbidden', 'Bạn không có quyền xử lý câu hỏi này.'),
  wrongStatus: (action: string, status: string) =>
    new DomainError('CITIZENS_QUESTION_STATUS', 'conflict', `Không thể ${action} khi câu hỏi đang ở trạng thái "${status}".`),
  sameUnit: () =>
    new DomainError('CITIZENS_SAME_UNIT', 'validation', 'Câu hỏi đã ở đơn vị này.', [
      { field: 'unit', message: 'Hãy chọn một đơn vị khác.' },
    ]),
  reasonRequired: () =>
    new DomainError('CITIZENS_REASON_REQUIRED', 'validation', 'Vui lòng ghi lý do.', [{ field: 'reason', message: 'Cần ghi lý do.' }]),
};
