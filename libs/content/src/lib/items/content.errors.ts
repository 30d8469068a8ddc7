import { DomainError, FieldProblem, validationError } from '@cong/platform-errors';

export const ContentErrors = {
  notFound: () => new DomainError('CONTENT_NOT_FOUND', 'not_found', 'Không tìm thấy tin bài.'),
  revisionNotFound: (n: number) => new DomainError('CONTENT_REVISION_NOT_FOUND', 'not_found', `Không có phiên bản ${n} của tin bài.`),
  stale: (expected: number, current: number) =>
    new DomainError(
      'CONTENT_STALE_REVISION',
      'conflict',
      `Tin bài đã được người khác lưu (phiên bản ${current}) sau phiên bản ${expected} bạn đang sửa; không có gì bị ghi đè. Hãy tải lại và sửa tiếp.`,
      [{ field: 'expectedRevision', message: `is ${expected}, the item is at ${current}` }],
    ),
  slugTaken: (slug: string) =>
    new DomainError('CONTENT_SLUG_TAKEN', 'conflict', `Đường dẫn "${slug}" đã được dùng trên trang này.`, [
      { field: 'slug', message: `"${slug}" is taken on this site` },
    ]),
  siteInactive: (key: string) => new DomainError('CONTENT_SITE_INACTIVE', 'conflict', `Trang "${key}" đã ngừng hoạt động.`),
  unitRequired: () =>
    new DomainError('CONTENT_UNIT_REQUIRED', 'validation', 'Tin bài gửi lên Cổng phải ghi đơn vị cung cấp.', [
      { field: 'unit', message: 'required for portal items: the contributing unit code' },
    ]),
  unknownUnit: (code: string) =>
    new DomainError('CONTENT_UNKNOWN_UNIT', 'validation', `Không có đơn vị "${code}".`, [
      { field: 'unit', message: `"${code}" is not an active unit` },
    ]),
  unitNotAllowed: () =>
    new DomainError('CONTENT_UNIT_NOT_ALLOWED', 'validation', 'Tin bài của chuyên trang thuộc đơn vị của chuyên trang đó.', [
      { field: 'unit', message: "a sub-site's items belong to its unit: leave unit out" },
    ]),
  invalidFields: (problems: FieldProblem[]) => validationError(problems),
  notADate: (field: string, value: string) =>
    new DomainError('CONTENT_BAD_DATE', 'bad_request', `"${value}" không phải là một ngày có thật (định dạng YYYY-MM-DD).`, [
      { field, message: `${field} must be a calendar date (YYYY-MM-DD)` },
    ]),
  datesReversed: (from: string, to: string) =>
    new DomainError(
      'CONTENT_BAD_DATE_RANGE',
      'bad_request',
      `Khoảng ngày không hợp lệ: từ ngày ${from} đến ngày ${to} (ngày đầu sau ngày cuối).`,
      [{ field: 'updatedFrom', message: 'updatedFrom must not be after updatedTo' }],
    ),
  sectionNeedsSite: () =>
    new DomainError('CONTENT_SECTION_NEEDS_SITE', 'bad_request', 'Lọc theo chuyên mục cần chọn cả trang (site) có chuyên mục đó.', [
      { field: 'section', message: 'section needs site: a section slug names a section of one site' },
    ]),
};
