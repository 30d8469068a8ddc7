import { DomainError } from '@cong/platform-errors';

export const UnitRequestErrors = {
  closed: () => new DomainError('UNIT_REQUESTS_CLOSED', 'forbidden', 'Tỉnh không nhận đề xuất, phản ánh của đơn vị qua hệ thống.'),
  notFound: () => new DomainError('UNIT_REQUEST_NOT_FOUND', 'not_found', 'Không tìm thấy đề xuất, phản ánh.'),
  notYours: () =>
    new DomainError('UNIT_REQUEST_FORBIDDEN', 'forbidden', 'Bạn không có quyền làm việc này với đề xuất, phản ánh của đơn vị này.'),
  unknownUnit: (code: string, field = 'unit') =>
    new DomainError('UNIT_REQUEST_UNIT_NOT_FOUND', 'validation', `Không có đơn vị "${code}" đang hoạt động trong tỉnh.`, [
      { field, message: `Không có đơn vị "${code}" đang hoạt động trong tỉnh.` },
    ]),
  notYourUnit: (code: string) =>
    new DomainError('UNIT_REQUEST_FORBIDDEN', 'forbidden', `Bạn không gửi đề xuất, phản ánh thay cho đơn vị "${code}" được.`, [
      { field: 'unit', message: `Bạn không có vai trò gửi thay cho đơn vị "${code}".` },
    ]),
  unknownAttachment: (index: number) =>
    new DomainError('UNIT_REQUEST_ATTACHMENT_NOT_FOUND', 'validation', 'Tệp đính kèm không có trong thư viện tệp của tỉnh.', [
      { field: `attachments.${index}`, message: 'Không tìm thấy tệp này; hãy tải tệp lên lại.' },
    ]),
  wrongStatus: (action: string, status: string) =>
    new DomainError('UNIT_REQUEST_WRONG_STATUS', 'conflict', `Không thể ${action}: đề xuất, phản ánh đang ở trạng thái "${status}".`),
  sameHandler: () =>
    new DomainError('UNIT_REQUEST_SAME_HANDLER', 'validation', 'Đề xuất, phản ánh đang do đơn vị này xử lý.', [
      { field: 'unit', message: 'Hãy chọn một đơn vị khác.' },
    ]),
};
