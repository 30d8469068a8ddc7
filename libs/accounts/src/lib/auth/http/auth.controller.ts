import { RateLimit } from '@cong/platform-throttling';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoTenant, TenantContext } from '@cong/tenancy';
import { Public } from '@cong/platform-context';
import { AllowedDuringPasswordChange, CurrentPrincipal } from '../../access/access.decorators';
import { rolesOf } from '../../access/capabilities';
import { AuthScope, AuthService, IssuedTokens, PLATFORM_SCOPE } from '../auth.service';
import { CredentialsService } from '../credentials.service';
import { TokenPasswordRequest } from '../../users/http/users.dto';
import { Principal } from '../principal';
import { ChangePasswordRequest, MeResponse, RefreshRequest, SessionResponse, SignInRequest, TokenResponse } from './auth.dto';
import { clientOf, RequestLike } from './request-scope';
import { SignInGuard } from './sign-in.guard';

/**
 * Sign-in, refresh, sign-out, own sessions and own password. The same endpoints serve a province's
 * staff (`/api/v1/auth/…`, on the province's domain or with X-Tenant) and national operators
 * (`/api/v1/operator/auth/…`, no province).
 */
abstract class AuthEndpoints {
  constructor(
    protected readonly auth: AuthService,
    protected readonly credentials: CredentialsService,
  ) {}

  protected abstract scope(): AuthScope;

  @Post('login')
  @Public()
  @UseGuards(SignInGuard)
  // Below SignInGuard: decorators apply bottom-up, so the limit is counted before any password is checked.
  @RateLimit('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password (passport-local); locks after repeated failures' })
  @ApiBody({ type: SignInRequest })
  @ApiOkResponse({ type: TokenResponse })
  signIn(@Req() req: RequestLike & { user: { tokens: IssuedTokens } }): TokenResponse {
    return req.user.tokens;
  }

  @Post('refresh')
  @Public()
  @RateLimit('token-refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens; a token used twice revokes its session' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshRequest, @Req() req: RequestLike): Promise<TokenResponse> {
    return this.auth.refresh(this.scope(), body.refreshToken, clientOf(req));
  }

  @Post('logout')
  @AllowedDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  signOut(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.signOut(principal);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() p: Principal): MeResponse {
    return { id: p.userId, username: p.username, displayName: p.displayName, tenantId: p.tenantId, roles: rolesOf(p), memberships: p.memberships };
  }

  @Get('sessions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My live sessions (sign-ins), the current one marked' })
  @ApiOkResponse({ type: [SessionResponse] })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionResponse[]> {
    return this.auth.listSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End one of my sessions (e.g. a forgotten sign-in elsewhere)' })
  revokeSession(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.auth.revokeSession(principal, id);
  }

  @Post('password/exposed')
  @RateLimit('password')
  @AllowedDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'NA-9: report my password as leaked — every session ends at once, this one too; the IT centre issues a reset' })
  @ApiNoContentResponse()
  reportExposed(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.credentials.reportOwnExposed(principal);
  }

  @Post('password')
  @RateLimit('password')
  @AllowedDuringPasswordChange()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my password (policy of the province); my other sessions end' })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordRequest): Promise<void> {
    return this.auth.changePassword(principal, this.scope(), body.currentPassword, body.newPassword);
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController extends AuthEndpoints {
  constructor(
    auth: AuthService,
    credentials: CredentialsService,
    private readonly tenants: TenantContext,
  ) {
    super(auth, credentials);
  }

  protected scope(): AuthScope & { tenantId: string } {
    const tenant = this.tenants.current();
    return { tenantId: tenant.id, timezone: tenant.timezone };
  }

  @Post('activate')
  @RateLimit('password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Activate an invitation: choose a password with the one-time token (no self-sign-up otherwise)' })
  @ApiNoContentResponse()
  activate(@Body() body: TokenPasswordRequest): Promise<void> {
    return this.credentials.activate(this.scope(), body.token, body.password);
  }

  @Post('reset')
  @RateLimit('password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'NA-9: set a new password with the one-time reset token from the IT centre; it must differ from the old one' })
  @ApiNoContentResponse()
  reset(@Body() body: TokenPasswordRequest): Promise<void> {
    return this.credentials.resetPassword(this.scope(), body.token, body.password);
  }
}

@ApiTags('operator')
@NoTenant()
@Controller('operator/auth')
export class OperatorAuthController extends AuthEndpoints {
  // Explicit, so Nest sees the parameter types to inject.
  constructor(auth: AuthService, credentials: CredentialsService) {
    super(auth, credentials);
  }

  protected scope(): AuthScope {
    return PLATFORM_SCOPE;
  }
}

