import { TenantDomain } from './lib/tenants/tenant-domain.entity';
import { Tenant } from './lib/tenants/tenant.entity';

export { TenantContext, TenantContextMissingError } from './lib/context/tenant-context';
export { NO_TENANT, NO_TENANT_EXTENSION, NoTenant } from './lib/resolution/no-tenant.decorator';
export { type ResolvedTenant } from './lib/resolution/resolved-tenant';
export { TenantGuard } from './lib/resolution/tenant.guard';
export { ProvinceJobs } from './lib/scheduling/province-jobs';
export { type TenantHints, TenantResolver } from './lib/resolution/tenant-resolver';
export { TenancyModule } from './lib/tenancy.module';
export { TenantDomain } from './lib/tenants/tenant-domain.entity';
export { isIanaTimezone, normaliseHost, TENANT_CODE } from './lib/tenants/tenant-identity';
export { Tenant, type TenantStatus } from './lib/tenants/tenant.entity';
export { TenantDirectoryModule } from './lib/tenants/tenant-directory.module';
export { TenantErrors } from './lib/tenants/tenant.errors';
export { type NewTenant, TenantRepository } from './lib/tenants/tenant.repository';

export const TENANCY_ENTITIES = [Tenant, TenantDomain];
