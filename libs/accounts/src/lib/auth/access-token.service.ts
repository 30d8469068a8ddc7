import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@cong/platform-config';

/** Claims of an access token. `aud` binds it to one province (its id) or to the platform. */
export interface AccessClaims {
  sub: string;
  sid: string;
  aud: string;
  /** Set while a one-time password must be changed. */
  pwc?: boolean;
  /** Set while the account's role requires two-step verification that it has not turned on. */
  tfe?: boolean;
}

export const PLATFORM_AUDIENCE = 'platform';
export const ACCESS_TOKEN_ISSUER = 'cong';

/** Signs short-lived HS256 access tokens; the JWT strategy verifies them and checks the session behind. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(config: AppConfig) {
    this.jwt = new JwtService({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER } });
  }

  /** An access token good for `seconds`. */
  sign(claims: AccessClaims, seconds: number): string {
    return this.jwt.sign(
      { sid: claims.sid, ...(claims.pwc ? { pwc: true } : {}), ...(claims.tfe ? { tfe: true } : {}) },
      { subject: claims.sub, audience: claims.aud, expiresIn: seconds },
    );
  }
}
