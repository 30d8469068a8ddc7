import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { Capability } from './capabilities';

export const REQUIRES = 'access:requires';
export const DURING_PASSWORD_CHANGE = 'access:during-password-change';
export const DURING_TWO_FACTOR_ENROLMENT = 'access:during-two-factor-enrolment';

/** The caller must hold a role that grants every listed capability (see CAPABILITIES). */
export const Requires = (...capabilities: Capability[]) => SetMetadata(REQUIRES, capabilities);

/** Usable while a one-time password is still to be changed (changing it, signing out). */
export const AllowedDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE, true);

/** Usable while a role's required two-step verification is still to be turned on (enrolling, signing out). */
export const AllowedDuringTwoFactorEnrolment = () => SetMetadata(DURING_TWO_FACTOR_ENROLMENT, true);

/** The signed-in caller (set by the access guard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});
