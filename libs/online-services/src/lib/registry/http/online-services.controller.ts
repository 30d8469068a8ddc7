import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { OnlineServiceRegistry } from '../online-service-registry';
import {
  ChangeOnlineService,
  DecideOnlineService,
  OnlineServiceListQuery,
  OnlineServicePageResponse,
  OnlineServiceResponse,
  RegisterOnlineService,
} from './online-services.dto';

/** The registry of the province's online public services (LC-2.1.3). */
@ApiTags('online-services')
@ApiBearerAuth()
@Controller('online-services')
export class OnlineServicesController {
  constructor(
    private readonly registry: OnlineServiceRegistry,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('onlineServices.read')
  @ApiOperation({ summary: 'The registry, newest first: filters by unit, status, level and words' })
  @ApiOkResponse({ type: OnlineServicePageResponse })
  list(@CurrentPrincipal() p: Principal, @Query() q: OnlineServiceListQuery): Promise<OnlineServicePageResponse> {
    return this.registry.list(p, this.tenants.current().id, { ...q, limit: q.limit ?? 50 });
  }

  @Post()
  @Requires('onlineServices.register')
  @ApiOperation({ summary: 'A unit registers a service to offer online; it waits for the editorial council' })
  @ApiCreatedResponse({ type: OnlineServiceResponse })
  register(@CurrentPrincipal() p: Principal, @Body() body: RegisterOnlineService): Promise<OnlineServiceResponse> {
    return this.registry.register(p, this.tenants.current().id, body);
  }

  @Get(':id')
  @Requires('onlineServices.read')
  @ApiOperation({ summary: 'One entry, with what the caller may do next' })
  @ApiOkResponse({ type: OnlineServiceResponse })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OnlineServiceResponse> {
    return this.registry.get(p, this.tenants.current().id, id);
  }

  @Patch(':id')
  // Either capability serves (the unit's people while it waits, the deciders always): the registry judges which applies.
  @Requires('onlineServices.read')
  @ApiOperation({ summary: 'Correct the entry: the unit while it waits, the council and the IT centre at any time' })
  @ApiOkResponse({ type: OnlineServiceResponse })
  change(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeOnlineService,
  ): Promise<OnlineServiceResponse> {
    return this.registry.change(p, this.tenants.current().id, id, body);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Requires('onlineServices.decide')
  @ApiOperation({ summary: 'Accept (or resume), decline, suspend or retire; a reason for the last three' })
  @ApiOkResponse({ type: OnlineServiceResponse })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideOnlineService,
  ): Promise<OnlineServiceResponse> {
    return this.registry.decide(p, this.tenants.current().id, id, body.status, body.note);
  }
}
