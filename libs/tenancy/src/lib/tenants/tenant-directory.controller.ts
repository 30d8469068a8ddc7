import { Public } from '@cong/platform-context';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoTenant } from '../resolution/no-tenant.decorator';
import { TenantDirectoryEntryResponse } from './tenant-directory.response';
import { TenantRepository } from './tenant.repository';

/**
 * The active provinces, for the admin console's province picker in development. Registered only
 * outside production (TenantDirectoryModule): there the route does not exist, a 404 like any other.
 */
@ApiTags('tenancy')
@Public()
@NoTenant()
@Controller('tenants/directory')
export class TenantDirectoryController {
  constructor(private readonly tenants: TenantRepository) {}

  @Get()
  @ApiOperation({ summary: 'Development only (absent in production): the active provinces, code and name, in Vietnamese order of name' })
  @ApiOkResponse({ type: [TenantDirectoryEntryResponse] })
  list(): Promise<TenantDirectoryEntryResponse[]> {
    return this.tenants.listActiveByName();
  }
}
