import { DomainError } from '@cong/platform-errors';

export const OnboardingErrors = {
  domainTaken: (domain: string, owner: string, field = 'portal.domains') =>
    new DomainError('ONBOARDING_DOMAIN_TAKEN', 'conflict', `Tên miền "${domain}" đang thuộc về tỉnh "${owner}".`, [
      { field, message: `"${domain}" belongs to ${owner}` },
    ]),
  effectiveDateConflict: (fromFile: string, fromOption: string) =>
    new DomainError(
      'ONBOARDING_EFFECTIVE_DATE_CONFLICT',
      'bad_request',
      `Ngày hiệu lực trong tệp (${fromFile}) khác ngày hiệu lực được chỉ định (${fromOption}).`,
      [{ field: 'effectiveFrom', message: `the file says ${fromFile}, the option says ${fromOption}` }],
    ),
  effectiveDateBeforeLatest: (date: string, version: number, latest: string) =>
    new DomainError(
      'ONBOARDING_EFFECTIVE_DATE_BEFORE_LATEST',
      'conflict',
      `Ngày hiệu lực ${date} sớm hơn ngày hiệu lực của phiên bản ${version} (${latest}): phiên bản mới không thể có hiệu lực trước phiên bản đang có.`,
      [{ field: 'effectiveFrom', message: `${date} is before version ${version}'s ${latest}` }],
    ),
  invalidEffectiveDate: (value: string) =>
    new DomainError('ONBOARDING_INVALID_EFFECTIVE_DATE', 'bad_request', `"${value}" không phải là ngày hợp lệ (YYYY-MM-DD).`, [
      { field: 'effectiveFrom', message: 'must be a date (YYYY-MM-DD)' },
    ]),
  concurrentApply: (code: string) =>
    new DomainError(
      'ONBOARDING_CONCURRENT_APPLY',
      'conflict',
      `Bộ quy tắc của tỉnh "${code}" vừa được cập nhật bởi người khác; hãy xem lại thay đổi và áp dụng lại.`,
    ),
};
