import { DomainError } from '@cong/platform-errors';
import { SERVICE_STATUS_LABELS } from './online-service-labels';
import { OnlineServiceStatus } from './online-service.entity';

export const OnlineServiceErrors = {
  notFound: () => new DomainError('ONLINE_SERVICE_NOT_FOUND', 'not_found', 'Không tìm thấy dịch vụ công trực tuyến.'),
  notYours: (unit: string) =>
    new DomainError('ONLINE_SERVICE_FORBIDDEN', 'forbidden', `Bạn không đăng ký dịch vụ công thay cho đơn vị "${unit}" được.`, [
      { field: 'unit', message: `Bạn không có vai trò đăng ký thay cho đơn vị "${unit}".` },
    ]),
  notYoursToChange: () =>
    new DomainError('ONLINE_SERVICE_FORBIDDEN', 'forbidden', 'Bạn không sửa được dịch vụ công trực tuyến của đơn vị này.'),
  notEditable: (status: OnlineServiceStatus) =>
    new DomainError(
      'ONLINE_SERVICE_FORBIDDEN',
      'forbidden',
      `Dịch vụ đang ở trạng thái "${SERVICE_STATUS_LABELS[status]}": chỉ Hội đồng biên tập hoặc Trung tâm CNTT sửa được.`,
    ),
  cannotDecide: () =>
    new DomainError(
      'ONLINE_SERVICE_FORBIDDEN',
      'forbidden',
      'Chỉ Hội đồng biên tập hoặc Trung tâm CNTT quyết định về dịch vụ công trực tuyến.',
    ),
  unknownUnit: (code: string) =>
    new DomainError('ONLINE_SERVICE_UNIT_NOT_FOUND', 'validation', `Không có đơn vị "${code}" đang hoạt động trong tỉnh.`, [
      { field: 'unit', message: `Không có đơn vị "${code}" đang hoạt động trong tỉnh.` },
    ]),
  codeTaken: (code: string, name?: string) =>
    new DomainError(
      'ONLINE_SERVICE_CODE_TAKEN',
      'conflict',
      name ? `Mã "${code}" đã thuộc dịch vụ "${name}" trong sổ của tỉnh.` : `Mã "${code}" đã thuộc một dịch vụ khác trong sổ của tỉnh.`,
      [{ field: 'code', message: name ? `Mã "${code}" đã thuộc dịch vụ "${name}".` : `Mã "${code}" đã thuộc một dịch vụ khác.` }],
    ),
  notAProcedure: () =>
    new DomainError('ONLINE_SERVICE_PROCEDURE_NOT_FOUND', 'validation', 'Không tìm thấy thủ tục hành chính này trong nội dung của tỉnh.', [
      { field: 'procedure', message: 'Hãy chọn một thủ tục hành chính của đơn vị cung cấp dịch vụ.' },
    ]),
  notAProposal: () =>
    new DomainError('ONLINE_SERVICE_REQUEST_NOT_FOUND', 'validation', 'Không tìm thấy đề xuất dịch vụ công trực tuyến này.', [
      { field: 'request', message: 'Hãy chọn một đề xuất dịch vụ công trực tuyến của đơn vị cung cấp dịch vụ.' },
    ]),
  noUrl: () =>
    new DomainError('ONLINE_SERVICE_URL_REQUIRED', 'validation', 'Dịch vụ đang cung cấp trực tuyến phải có địa chỉ để người dân sử dụng.', [
      { field: 'url', message: 'Hãy nhập địa chỉ dịch vụ (trên Cổng Dịch vụ công quốc gia hoặc của tỉnh).' },
    ]),
  reasonRequired: () =>
    new DomainError('ONLINE_SERVICE_REASON_REQUIRED', 'validation', 'Hãy ghi lý do.', [{ field: 'note', message: 'Hãy ghi lý do.' }]),
  wrongStatus: (status: OnlineServiceStatus, decision: string) =>
    new DomainError(
      'ONLINE_SERVICE_WRONG_STATUS',
      'conflict',
      `Không thể chuyển sang "${decision}": dịch vụ đang ở trạng thái "${SERVICE_STATUS_LABELS[status]}".`,
    ),
};
