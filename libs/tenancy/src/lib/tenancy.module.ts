import { Module } from '@nestjs/common';
import { TenantContext } from './context/tenant-context';
import { TenantResolver } from './resolution/tenant-resolver';
import { CurrentTenantService } from './tenants/current-tenant.service';
import { TenantController } from './tenants/tenant.controller';
import { TenantRepository } from './tenants/tenant.repository';

/**
 * Provinces, their domains and the tenant of every request. Apps that serve HTTP also register
 * TenantGuard as a global guard (see apps/api).
 */
@Module({
  controllers: [TenantController],
  providers: [TenantRepository, TenantResolver, TenantContext, CurrentTenantService],
  exports: [TenantRepository, TenantResolver, TenantContext],
})
export class TenancyModule {}
