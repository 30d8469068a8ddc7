import { Public } from '@cong/platform-context';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenantService } from './current-tenant.service';
import { TenantResponse } from './tenant.response';

@ApiTags('tenancy')
@Public()
@Controller('tenant')
export class TenantController {
  constructor(private readonly currentTenant: CurrentTenantService) {}

  @Get()
  @ApiOperation({ summary: 'The province this request is served for, with its domains' })
  @ApiOkResponse({ type: TenantResponse })
  show(): Promise<TenantResponse> {
    return this.currentTenant.describe();
  }
}
