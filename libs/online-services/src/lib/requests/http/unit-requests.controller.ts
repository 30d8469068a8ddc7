import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { UnitRequestDesk } from '../unit-request-desk';
import {
  AnswerUnitRequest,
  ForwardUnitRequest,
  SendUnitRequest,
  UnitRequestListQuery,
  UnitRequestPageResponse,
  UnitRequestResponse,
  UnitRequestRouteResponse,
  WithdrawUnitRequest,
} from './unit-requests.dto';

/** Units' proposals of online public services and problem reports to the province (NA-8.5, LC-2.1.3). */
@ApiTags('online-services')
@ApiBearerAuth()
@Controller('unit-requests')
export class UnitRequestsController {
  constructor(
    private readonly desk: UnitRequestDesk,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('unitRequests.read')
  @ApiOperation({ summary: 'Requests within reach (sent by or handled by my units), newest first' })
  @ApiOkResponse({ type: UnitRequestPageResponse })
  list(@CurrentPrincipal() p: Principal, @Query() q: UnitRequestListQuery): Promise<UnitRequestPageResponse> {
    return this.desk.list(p, this.tenants.current(), { ...q, limit: q.limit ?? 50 });
  }

  @Get('routes')
  @Requires('unitRequests.read')
  @ApiOperation({ summary: 'Where each kind of request goes under the rules in force, and its answer time' })
  @ApiOkResponse({ type: [UnitRequestRouteResponse] })
  routes(): Promise<UnitRequestRouteResponse[]> {
    return this.desk.routes(this.tenants.current());
  }

  @Post()
  @Requires('unitRequests.send')
  @ApiOperation({ summary: 'Send a proposal or a problem report for a unit; routed and given its due day by the rules' })
  @ApiCreatedResponse({ type: UnitRequestResponse })
  send(@CurrentPrincipal() p: Principal, @Body() body: SendUnitRequest): Promise<UnitRequestResponse> {
    return this.desk.send(p, this.tenants.current(), body);
  }

  @Get(':id')
  @Requires('unitRequests.read')
  @ApiOperation({ summary: 'A request with its attachments, answer, history and what the caller may do next' })
  @ApiOkResponse({ type: UnitRequestResponse })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UnitRequestResponse> {
    return this.desk.get(p, this.tenants.current(), id);
  }

  @Post(':id/take-up')
  @HttpCode(200)
  @Requires('unitRequests.handle')
  @ApiOperation({ summary: 'The handling unit takes it up (sent → in progress)' })
  @ApiOkResponse({ type: UnitRequestResponse })
  takeUp(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UnitRequestResponse> {
    return this.desk.takeUp(p, this.tenants.current(), id);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @Requires('unitRequests.handle')
  @ApiOperation({ summary: 'Move it on to another unit, with a reason' })
  @ApiOkResponse({ type: UnitRequestResponse })
  forward(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ForwardUnitRequest,
  ): Promise<UnitRequestResponse> {
    return this.desk.forward(p, this.tenants.current(), id, body.unit, body.reason);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Requires('unitRequests.handle')
  @ApiOperation({ summary: 'Answer it (closes it; the sending unit is told)' })
  @ApiOkResponse({ type: UnitRequestResponse })
  answer(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnswerUnitRequest,
  ): Promise<UnitRequestResponse> {
    return this.desk.answer(p, this.tenants.current(), id, body.answer);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Requires('unitRequests.send')
  @ApiOperation({ summary: 'The sending unit takes an open request back, with a reason' })
  @ApiOkResponse({ type: UnitRequestResponse })
  withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawUnitRequest,
  ): Promise<UnitRequestResponse> {
    return this.desk.withdraw(p, this.tenants.current(), id, body.reason);
  }
}
