import { DomainError } from '@cong/platform-errors';

export const TenantErrors = {
  notFound: (what: string) => new DomainError('TENANCY_TENANT_NOT_FOUND', 'not_found', `Không tìm thấy tỉnh/thành phố cho ${what}.`),
  malformedHeader: (value: string) =>
    new DomainError(
      'TENANCY_MALFORMED_TENANT_HEADER',
      'bad_request',
      `Tiêu đề X-Tenant "${value.slice(0, 64)}" không hợp lệ: cần mã tỉnh gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: lao-cai).`,
    ),
  malformedHost: () => new DomainError('TENANCY_MALFORMED_HOST', 'bad_request', 'Tiêu đề Host không hợp lệ.'),
  mismatch: () =>
    new DomainError('TENANCY_TENANT_MISMATCH', 'bad_request', 'Tiêu đề X-Tenant không khớp với tỉnh của tên miền được truy cập.'),
  notActive: (code: string) =>
    new DomainError('TENANCY_TENANT_SUSPENDED', 'forbidden', `Cổng của tỉnh "${code}" đang tạm ngừng hoạt động.`),
  invalid: (field: string, message: string) => new DomainError('TENANCY_INVALID_TENANT', 'validation', message, [{ field, message }]),
  codeTaken: (code: string) => new DomainError('TENANCY_CODE_TAKEN', 'conflict', `Mã tỉnh "${code}" đã được sử dụng.`),
  domainTaken: (domain: string) => new DomainError('TENANCY_DOMAIN_TAKEN', 'conflict', `Tên miền "${domain}" đã thuộc về một tỉnh khác.`),
};
