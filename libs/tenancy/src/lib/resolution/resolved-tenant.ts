import { TenantStatus } from '../tenants/tenant.entity';

/** The province a request or job runs for, as resolved once at its start. */
export interface ResolvedTenant {
  id: string;
  code: string;
  name: string;
  timezone: string;
  status: TenantStatus;
}
