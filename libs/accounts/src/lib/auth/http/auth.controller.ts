import { RateLimit } from '@cong/platform-throttling';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { NoTenant, TenantContext } from '@cong/tenancy';
import { Public } from '@cong/platform-context';
import { AllowedDuringPasswordChange, AllowedDuringTwoFactorEnrolment, CurrentPrincipal } from '../../access/access.decorators';
import { rolesOf } from '../../access/capabilities';
import { AuthScope, AuthService, PLATFORM_SCOPE, SignInResult } from '../auth.service';
import { CredentialsService } from '../credentials.service';
import { TwoFactorService } from '../../two-factor/two-factor.service';
import { TokenPasswordRequest } from '../../users/http/users.dto';
import { Principal } from '../principal';
import {
  ChangePasswordRequest,
  DisableTwoFactorRequest,
  MeResponse,
  RecoveryCodesResponse,
  RefreshRequest,
  SessionResponse,
  SignInRequest,
  TokenResponse,
  TwoFactorChallengeResponse,
  TwoFactorCodeRequest,
  TwoFactorEnrolmentResponse,
  TwoFactorSignInRequest,
} from './auth.dto';
import { clientOf, RequestLike } from './request-scope';
import { SignInGuard } from './sign-in.guard';

/**
 * Sign-in, refresh, sign-out, own sessions and own password. The same endpoints serve a province's
 * staff (`/api/v1/auth/…`, on the province's domain or with X-Tenant) and national operators
 * (`/api/v1/operator/auth/…`, no province).
 */
@ApiExtraModels(TokenResponse, TwoFactorChallengeResponse)
abstract class AuthEndpoints {
  constructor(
    protected readonly auth: AuthService,
    protected readonly credentials: CredentialsService,
    protected readonly twoFactor: TwoFactorService,
  ) {}

  protected abstract scope(): AuthScope;

  /** Who authenticator apps show as the issuer of the codes: "Cổng <province name>". */
  protected abstract issuer(): string;

  @Post('login')
  @Public()
  @UseGuards(SignInGuard)
  // Below SignInGuard: decorators apply bottom-up, so the limit is counted before any password is checked.
  @RateLimit('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in with username and password (passport-local); locks after repeated failures. With two-step verification on, answers a challenge instead of tokens',
  })
  @ApiBody({ type: SignInRequest })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(TokenResponse) }, { $ref: getSchemaPath(TwoFactorChallengeResponse) }] } })
  signIn(@Req() req: RequestLike & { user: SignInResult }): TokenResponse | TwoFactorChallengeResponse {
    return req.user.tokens ?? req.user.challenge;
  }

  @Post('login/two-factor')
  @Public()
  @RateLimit('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Second step of a sign-in: the challenge with an authenticator code (±30 s) or a recovery code (spent); wrong codes count towards the lockout',
  })
  @ApiOkResponse({ type: TokenResponse })
  signInWithCode(@Body() body: TwoFactorSignInRequest, @Req() req: RequestLike): Promise<TokenResponse> {
    return this.auth.completeSignIn(this.scope(), body.challenge, body.code, clientOf(req));
  }

  @Post('two-factor/enrolment')
  @RateLimit('two-factor')
  @AllowedDuringTwoFactorEnrolment()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start turning on two-step verification: a new TOTP secret and its otpauth:// URI; nothing changes until confirmed',
  })
  @ApiCreatedResponse({ type: TwoFactorEnrolmentResponse })
  startEnrolment(@CurrentPrincipal() principal: Principal): Promise<TwoFactorEnrolmentResponse> {
    return this.twoFactor.start(principal, this.issuer());
  }

  @Post('two-factor/enrolment/confirm')
  @RateLimit('two-factor')
  @AllowedDuringTwoFactorEnrolment()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Confirm with a code of the new secret: two-step verification is on; the recovery codes are shown this once' })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  confirmEnrolment(@CurrentPrincipal() principal: Principal, @Body() body: TwoFactorCodeRequest): Promise<RecoveryCodesResponse> {
    return this.twoFactor.confirm(principal, body.code);
  }

  @Post('two-factor/disable')
  @RateLimit('two-factor')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Turn off two-step verification with a current code or the password (refused when the province's rule requires it for my role)",
  })
  @ApiNoContentResponse()
  disable(@CurrentPrincipal() principal: Principal, @Body() body: DisableTwoFactorRequest, @Req() req: RequestLike): Promise<void> {
    return this.twoFactor.disable(principal, this.scope(), body, clientOf(req));
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
  @AllowedDuringTwoFactorEnrolment()
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
    return {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      tenantId: p.tenantId,
      roles: rolesOf(p),
      memberships: p.memberships,
      twoFactorEnabled: p.twoFactorEnabled,
    };
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
  @ApiNoContentResponse()
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
  @ApiNoContentResponse()
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
    twoFactor: TwoFactorService,
    private readonly tenants: TenantContext,
  ) {
    super(auth, credentials, twoFactor);
  }

  protected issuer(): string {
    return `Cổng ${this.tenants.current().name}`;
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
  constructor(auth: AuthService, credentials: CredentialsService, twoFactor: TwoFactorService) {
    super(auth, credentials, twoFactor);
  }

  protected issuer(): string {
    return 'Cổng — điều hành quốc gia';
  }

  protected scope(): AuthScope {
    return PLATFORM_SCOPE;
  }
}
