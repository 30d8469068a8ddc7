import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthScope, AuthService } from '../auth.service';
import { clientOf, RequestLike } from './request-scope';

export type ScopedRequest = RequestLike & { authScope: AuthScope };

/** passport-local: username and password from the JSON body, checked in the request's scope. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: ScopedRequest, username: string, password: string) {
    return this.auth.signIn(req.authScope, username, password, clientOf(req));
  }
}
