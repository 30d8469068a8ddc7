import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { Capability } from './capabilities';

export const REQUIRES = 'access:requires';
export const DURING_PASSWORD_CHANGE = 'access:during-password-change';

/** The caller must hold a role that grants every listed capability (see CAPABILITIES). */
export const Requires = (...capabilities: Capability[]) => SetMetadata(REQUIRES, capabilities);

/** Usable while a one-time password is still to be changed (changing it, signing out). */
export const AllowedDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE, true);

/** The signed-in caller (set by the access guard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});
