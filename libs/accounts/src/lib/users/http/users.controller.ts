import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@cong/tenancy';
import { CurrentPrincipal, Requires } from '../../access/access.decorators';
import { Principal } from '../../auth/principal';
import { SessionResponse } from '../../auth/http/auth.dto';
import { LinkContext } from '../token-mail';
import { UserAdmin } from '../user-admin.service';
import { InvitationResponse, InviteUserRequest, IssuedTokenResponse, SetRolesRequest, UserListQuery, UserResponse } from './users.dto';

/** What a one-time link's address is built from: the request as it reached the API (behind the proxy, as trusted). */
interface RequestLike {
  protocol: string;
  host: string;
}

/** A province's accounts, managed by its IT centre (tenant_admin). No self-sign-up for staff. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserAdmin,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('users.read')
  @ApiOperation({
    summary:
      "The province's accounts by username; `?status=suspended` for those suspended for disuse, `?q=` words of the username, name or e-mail (accents ignored)",
  })
  @ApiOkResponse({ type: [UserResponse] })
  list(@Query() q: UserListQuery): Promise<UserResponse[]> {
    return this.users.list(this.tenants.require(), { status: q.status, q: q.q });
  }

  @Get(':id/sessions')
  @Requires('users.manage')
  @ApiOperation({ summary: "The account's live sign-ins (device, address, last use)" })
  @ApiOkResponse({ type: [SessionResponse] })
  sessions(@Param('id', new ParseUUIDPipe()) id: string): Promise<SessionResponse[]> {
    return this.users.sessionsOf(this.tenants.require(), id);
  }

  @Delete(':id/sessions/:sessionId')
  @Requires('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one sign-in of the account at once (its refresh token stops working; recorded in the audit log)' })
  @ApiNoContentResponse()
  endSession(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<void> {
    return this.users.endSession(actor, this.tenants.require(), id, sessionId);
  }

  @Get(':id')
  @Requires('users.read')
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.users.get(this.tenants.require(), id);
  }

  @Post('invitations')
  @Requires('users.manage')
  @ApiOperation({ summary: 'Invite a person: an account with roles and a one-time activation token (72 h)' })
  @ApiCreatedResponse({ type: InvitationResponse })
  invite(@CurrentPrincipal() actor: Principal, @Body() body: InviteUserRequest, @Req() request: RequestLike): Promise<InvitationResponse> {
    return this.users.invite(actor, this.tenants.require(), body, this.linkContext(request));
  }

  @Post(':id/invitation')
  @Requires('users.manage')
  @ApiOperation({ summary: 'A new activation token for someone who has not activated (the old one stops working)' })
  @ApiCreatedResponse({ type: IssuedTokenResponse })
  reinvite(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: RequestLike,
  ): Promise<IssuedTokenResponse> {
    return this.users.reinvite(actor, this.tenants.require(), id, this.linkContext(request));
  }

  @Put(':id/roles')
  @Requires('users.manage')
  @ApiOperation({ summary: "Replace the user's roles (unit roles name a unit code); the province keeps at least one admin" })
  @ApiOkResponse({ type: UserResponse })
  setRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SetRolesRequest,
  ): Promise<UserResponse> {
    return this.users.setRoles(actor, this.tenants.require(), id, body.roles);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Requires('users.manage')
  @ApiOperation({ summary: 'Deactivate: sign-in refused, every session ends at once' })
  @ApiOkResponse({ type: UserResponse })
  deactivate(@CurrentPrincipal() actor: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.users.deactivate(actor, this.tenants.require(), id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Requires('users.manage')
  @ApiOkResponse({ type: UserResponse })
  reactivate(@CurrentPrincipal() actor: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.users.reactivate(actor, this.tenants.require(), id);
  }

  @Post(':id/lift-suspension')
  @HttpCode(200)
  @Requires('users.manage')
  @ApiOperation({ summary: 'Lift a suspension for disuse: the account signs in again and its inactivity clock restarts' })
  @ApiOkResponse({ type: UserResponse })
  liftSuspension(@CurrentPrincipal() actor: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.users.liftSuspension(actor, this.tenants.require(), id);
  }

  @Post(':id/password-exposed')
  @HttpCode(204)
  @Requires('users.manage')
  @ApiOperation({ summary: "NA-9: the user's password leaked — every session ends and sign-in waits for a reset" })
  @ApiNoContentResponse()
  reportExposed(@CurrentPrincipal() actor: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.users.reportExposed(actor, this.tenants.require(), id);
  }

  @Post(':id/two-factor/reset')
  @HttpCode(204)
  @Requires('users.manage')
  @ApiOperation({
    summary:
      'The user lost their authenticator: two-step verification is removed and every session ends; they enrol again where their role requires it',
  })
  @ApiNoContentResponse()
  resetTwoFactor(@CurrentPrincipal() actor: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.users.resetTwoFactor(actor, this.tenants.require(), id);
  }

  @Post(':id/password-reset')
  @Requires('users.manage')
  @ApiOperation({ summary: 'NA-9: a one-time reset token (24 h) with which the user sets a new password, different from the old' })
  @ApiCreatedResponse({ type: IssuedTokenResponse })
  issueReset(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: RequestLike,
  ): Promise<IssuedTokenResponse> {
    return this.users.issueReset(actor, this.tenants.require(), id, this.linkContext(request));
  }

  /** The console is served at /admin of the origin the IT centre called, so the e-mailed link opens the same console. */
  private linkContext(request: RequestLike): LinkContext {
    const { name, timezone } = this.tenants.current();
    return { consoleUrl: `${request.protocol}://${request.host}/admin`, province: { name, timezone } };
  }
}
