import { Injectable } from '@nestjs/common';
import { TenantContext } from '../context/tenant-context';
import { TenantRepository } from './tenant.repository';
import { TenantResponse } from './tenant.response';

@Injectable()
export class CurrentTenantService {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantRepository,
  ) {}

  async describe(): Promise<TenantResponse> {
    const tenant = this.context.current();
    return TenantResponse.from(tenant, await this.tenants.findDomainsOf(tenant.id));
  }
}
