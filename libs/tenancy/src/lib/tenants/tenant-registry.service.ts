import { Injectable } from '@nestjs/common';
import { OperatorAccessRequest } from '@cong/platform-database';
import { DOMAIN_NAME, isIanaTimezone, TENANT_CODE } from './tenant-identity';
import { Tenant } from './tenant.entity';
import { TenantErrors } from './tenant.errors';
import { NewTenant, TenantRepository } from './tenant.repository';

/** Creating and listing provinces: national-operator work, always through the audited path. */
@Injectable()
export class TenantRegistry {
  constructor(private readonly tenants: TenantRepository) {}

  async create(input: NewTenant, access: OperatorAccessRequest): Promise<Tenant> {
    if (!TENANT_CODE.test(input.code)) {
      throw TenantErrors.invalid('code', `Mã tỉnh "${input.code}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, bắt đầu bằng chữ.`);
    }
    if (!input.name?.trim()) throw TenantErrors.invalid('name', 'Tên tỉnh không được để trống.');
    if (!isIanaTimezone(input.timezone)) {
      throw TenantErrors.invalid('timezone', `Múi giờ "${input.timezone}" không phải múi giờ IANA hợp lệ (ví dụ: Asia/Ho_Chi_Minh).`);
    }
    const domains = input.domains.map((d) => d.trim().toLowerCase());
    const bad = domains.find((d) => !DOMAIN_NAME.test(d) || d.length > 253);
    if (bad !== undefined) throw TenantErrors.invalid('domains', `Tên miền "${bad}" không hợp lệ.`);
    if (new Set(domains).size !== domains.length) throw TenantErrors.invalid('domains', 'Danh sách tên miền bị trùng lặp.');
    return this.tenants.create({ ...input, name: input.name.trim(), domains }, access);
  }

  list(): Promise<Tenant[]> {
    return this.tenants.listAll();
  }
}
