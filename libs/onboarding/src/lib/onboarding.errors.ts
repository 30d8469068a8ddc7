import { DomainError } from '@cong/platform-errors';

export const OnboardingErrors = {
  domainTaken: (domain: string, owner: string, field = 'portal.domains') =>
    new DomainError('ONBOARDING_DOMAIN_TAKEN', 'conflict', `Tên miền "${domain}" đang thuộc về tỉnh "${owner}".`, [
      { field, message: `"${domain}" đang thuộc về tỉnh ${owner}.` },
    ]),
  effectiveDateConflict: (fromFile: string, fromOption: string) =>
    new DomainError(
      'ONBOARDING_EFFECTIVE_DATE_CONFLICT',
      'bad_request',
      `Ngày hiệu lực trong tệp (${fromFile}) khác ngày hiệu lực được chỉ định (${fromOption}).`,
      [{ field: 'effectiveFrom', message: `Tệp ghi ${fromFile}, tùy chọn ghi ${fromOption}.` }],
    ),
  effectiveDateBeforeLatest: (date: string, version: number, latest: string) =>
    new DomainError(
      'ONBOARDING_EFFECTIVE_DATE_BEFORE_LATEST',
      'conflict',
      `Ngày hiệu lực ${date} sớm hơn ngày hiệu lực của phiên bản ${version} (${latest}): phiên bản mới không thể có hiệu lực trước phiên bản đang có.`,
      [{ field: 'effectiveFrom', message: `${date} sớm hơn ngày hiệu lực của phiên bản ${version} (${latest}).` }],
    ),
  invalidEffectiveDate: (value: string) =>
    new DomainError('ONBOARDING_INVALID_EFFECTIVE_DATE', 'bad_request', `"${value}" không phải là ngày hợp lệ (YYYY-MM-DD).`, [
      { field: 'effectiveFrom', message: '`effectiveFrom` phải là một ngày dạng YYYY-MM-DD.' },
    ]),
  concurrentApply: (code: string) =>
    new DomainError(
      'ONBOARDING_CONCURRENT_APPLY',
      'conflict',
      `Bộ quy tắc của tỉnh "${code}" vừa được cập nhật bởi người khác; hãy xem lại thay đổi và áp dụng lại.`,
    ),
};
