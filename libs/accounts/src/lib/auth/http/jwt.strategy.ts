import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig } from '@cong/platform-config';
import { isUUID } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { SessionService } from '../../sessions/session.service';
import { ACCESS_TOKEN_ISSUER, AccessClaims, PLATFORM_AUDIENCE } from '../access-token.service';
import { AccountScope } from '../account-scope';
import { AuthErrors } from '../auth.errors';
import { loadPrincipal } from '../auth.service';
import { Principal } from '../principal';
import { ScopedRequest } from './local.strategy';

/**
 * passport-jwt: a Bearer token signed by us, for this province (or the platform), whose session is
 * still live — so a revoked session (sign-out, NA-9 leaked password) stops working at once, not
 * when its access token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly scope: AccountScope,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(req: ScopedRequest, claims: AccessClaims & { exp?: unknown }): Promise<Principal> {
    const { tenantId } = req.authScope;
    // Signed by us, yet not what we issue (no expiry, ids that are no ids): refused, never looked up.
    if (typeof claims.exp !== 'number' || !isUUID(String(claims.sub)) || !isUUID(String(claims.sid))) throw AuthErrors.tokenInvalid();
    if (claims.aud !== (tenantId ?? PLATFORM_AUDIENCE)) throw AuthErrors.wrongScope();
    const principal = await this.scope.run(tenantId, 'national operator request', async (m) =>
      (await this.sessions.isLive(m, claims.sub, claims.sid)) ? loadPrincipal(m, claims.sub, claims.sid, claims.tfe === true) : null,
    );
    if (!principal) throw AuthErrors.sessionEnded();
    return principal;
  }
}
