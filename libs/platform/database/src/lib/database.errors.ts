import { DomainError } from '@cong/platform-errors';

export const DatabaseErrors = {
  /** A tenant id that is not a UUID reached the data layer: a programming error, refused before SQL. */
  invalidTenantId: (value: unknown) => new Error(`Tenant-scoped data access needs a tenant id (UUID); got ${JSON.stringify(value)}`),
  crossTenantNesting: (outer: string | null, inner: string) =>
    new Error(`A transaction for tenant ${outer ?? '(operator)'} cannot run work for tenant ${inner}`),
  operatorReasonMissing: () =>
    new DomainError('PLATFORM_OPERATOR_REASON_REQUIRED', 'bad_request', 'Truy cập liên tỉnh phải nêu rõ lý do (ít nhất 3 ký tự).'),
};
