import { DomainError, FieldProblem, validationError } from '@cong/platform-errors';

export const ContentErrors = {
  notFound: () => new DomainError('CONTENT_NOT_FOUND', 'not_found', 'Không tìm thấy tin bài.'),
  revisionNotFound: (n: number) => new DomainError('CONTENT_REVISION_NOT_FOUND', 'not_found', `Không có phiên bản ${n} của tin bài.`),
  stale: (expected: number, current: number) =>
    new DomainError(
      'CONTENT_STALE_REVISION',
      'conflict',
      `Tin bài đã được người khác lưu (phiên bản ${current}) sau phiên bản ${expected} bạn đang sửa; không có gì bị ghi đè. Hãy tải lại và sửa tiếp.`,
      [{ field: 'expectedRevision', message: `Bạn sửa từ phiên bản ${expected}; tin bài nay ở phiên bản ${current}.` }],
    ),
  slugTaken: (slug: string) =>
    new DomainError('CONTENT_SLUG_TAKEN', 'conflict', `Đường dẫn "${slug}" đã được dùng trên trang này.`, [
      { field: 'slug', message: `Đường dẫn "${slug}" đã được dùng trên trang này.` },
    ]),
  slugReserved: (slug: string) =>
    new DomainError('CONTENT_SLUG_RESERVED', 'validation', `Đường dẫn "${slug}" là địa chỉ của một trang có sẵn của cổng.`, [
      { field: 'slug', message: `Đường dẫn "${slug}" là địa chỉ của một trang có sẵn của cổng; hãy chọn đường dẫn khác.` },
    ]),
  siteInactive: (key: string) => new DomainError('CONTENT_SITE_INACTIVE', 'conflict', `Trang "${key}" đã ngừng hoạt động.`),
  unitRequired: () =>
    new DomainError('CONTENT_UNIT_REQUIRED', 'validation', 'Tin bài gửi lên Cổng phải ghi đơn vị cung cấp.', [
      { field: 'unit', message: 'Tin bài gửi lên Cổng phải ghi đơn vị cung cấp.' },
    ]),
  unknownUnit: (code: string) =>
    new DomainError('CONTENT_UNKNOWN_UNIT', 'validation', `Không có đơn vị "${code}".`, [
      { field: 'unit', message: `Không có đơn vị "${code}" (hoặc đơn vị đã ngừng hoạt động).` },
    ]),
  unitNotAllowed: () =>
    new DomainError('CONTENT_UNIT_NOT_ALLOWED', 'validation', 'Tin bài của chuyên trang thuộc đơn vị của chuyên trang đó.', [
      { field: 'unit', message: 'Tin bài của chuyên trang thuộc đơn vị của chuyên trang; không chọn đơn vị khác.' },
    ]),
  invalidFields: (problems: FieldProblem[]) => validationError(problems),
  notADate: (field: string, value: string) =>
    new DomainError('CONTENT_BAD_DATE', 'bad_request', `"${value}" không phải là một ngày có thật (định dạng YYYY-MM-DD).`, [
      { field, message: 'Phải là một ngày có thật (định dạng YYYY-MM-DD).' },
    ]),
  datesReversed: (from: string, to: string) =>
    new DomainError(
      'CONTENT_BAD_DATE_RANGE',
      'bad_request',
      `Khoảng ngày không hợp lệ: từ ngày ${from} đến ngày ${to} (ngày đầu sau ngày cuối).`,
      [{ field: 'updatedFrom', message: 'Ngày đầu không được sau ngày cuối.' }],
    ),
  sectionNeedsSite: () =>
    new DomainError('CONTENT_SECTION_NEEDS_SITE', 'bad_request', 'Lọc theo chuyên mục cần chọn cả trang (site) có chuyên mục đó.', [
      { field: 'section', message: 'Chọn trang trước khi chọn chuyên mục.' },
    ]),
};
