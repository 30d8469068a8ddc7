import { ApiProperty } from '@nestjs/swagger';
import { TenantDomain } from './tenant-domain.entity';
import { Tenant } from './tenant.entity';

export class TenantDomainResponse {
  @ApiProperty({ example: 'laocai.gov.vn' })
  domain!: string;

  @ApiProperty()
  primary!: boolean;
}

/** The province a request is served for: what a portal front-end needs to bootstrap. */
export class TenantResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'lao-cai' })
  code!: string;

  @ApiProperty({ example: 'Tỉnh Lào Cai' })
  name!: string;

  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' })
  timezone!: string;

  @ApiProperty({ type: [TenantDomainResponse] })
  domains!: TenantDomainResponse[];

  static from(tenant: Pick<Tenant, 'id' | 'code' | 'name' | 'timezone'>, domains: TenantDomain[]): TenantResponse {
    return {
      id: tenant.id,
      code: tenant.code,
      name: tenant.name,
      timezone: tenant.timezone,
      domains: domains.map((d) => ({ domain: d.domain, primary: d.isPrimary })),
    };
  }
}
