import { DomainError } from '@cong/platform-errors';

export const PollErrors = {
  notFound: () => new DomainError('CITIZENS_POLL_NOT_FOUND', 'not_found', 'Không tìm thấy cuộc thăm dò ý kiến.'),
  notYours: () => new DomainError('CITIZENS_POLL_FORBIDDEN', 'forbidden', 'Bạn không có quyền quản lý cuộc thăm dò ý kiến trên trang này.'),
  unknownSite: (key: string) =>
    new DomainError('CITIZENS_SITE_NOT_FOUND', 'validation', `Không có trang "${key}" trên cổng này.`, [
      { field: 'site', message: `Không có trang "${key}" trên cổng này.` },
    ]),
  badTimes: () =>
    new DomainError('CITIZENS_POLL_TIMES', 'validation', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', [
      { field: 'closesAt', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' },
    ]),
  duplicateOptions: () =>
    new DomainError('CITIZENS_POLL_OPTIONS', 'validation', 'Các phương án không được trùng nhau.', [
      { field: 'options', message: 'Các phương án không được trùng nhau.' },
    ]),
  maxChoices: (count: number) =>
    new DomainError('CITIZENS_POLL_MAX_CHOICES', 'validation', `Số phương án được chọn tối đa phải từ 1 đến ${count}.`, [
      { field: 'maxChoices', message: `Phải từ 1 đến ${count}.` },
    ]),
  lockedAfterOpening: () =>
    new DomainError(
      'CITIZENS_POLL_OPENED',
      'conflict',
      'Cuộc thăm dò đã mở: chỉ được đổi thời điểm kết thúc hoặc gỡ xuống, không được đổi câu hỏi và phương án.',
    ),
  notOpenYet: (when: string) => new DomainError('CITIZENS_POLL_NOT_OPEN', 'conflict', `Cuộc thăm dò chưa bắt đầu; mở từ ${when}.`),
  closed: (when: string) => new DomainError('CITIZENS_POLL_CLOSED', 'conflict', `Cuộc thăm dò đã kết thúc lúc ${when}.`),
  alreadyVoted: () => new DomainError('CITIZENS_POLL_VOTED', 'conflict', 'Bạn đã bình chọn trong cuộc thăm dò này.'),
  badChoice: (message: string) => new DomainError('CITIZENS_POLL_CHOICE', 'validation', message, [{ field: 'options', message }]),
};
