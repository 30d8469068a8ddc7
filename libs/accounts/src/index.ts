import { Membership } from './lib/users/membership.entity';
import { SessionRecord } from './lib/sessions/session.entity';
import { User } from './lib/users/user.entity';
import { UserToken } from './lib/users/user-token.entity';
import { RecoveryCode } from './lib/two-factor/recovery-code.entity';
import { SignInChallenge } from './lib/two-factor/sign-in-challenge.entity';

export { AllowedDuringPasswordChange, AllowedDuringTwoFactorEnrolment, CurrentPrincipal, Requires } from './lib/access/access.decorators';
export { CAPABILITIES, type Capability, holds, holdsFor, rolesOf } from './lib/access/capabilities';
export { AccountsModule } from './lib/accounts.module';
export { AccountsJobsModule } from './lib/accounts-jobs.module';
export { AuthErrors } from './lib/auth/auth.errors';
export { type AuthScope, AuthService, type IssuedTokens, PLATFORM_SCOPE } from './lib/auth/auth.service';
export { AccessGuard } from './lib/auth/http/access.guard';
export { actorOf, isNationalOperator, type Principal } from './lib/auth/principal';
export { passwordProblems } from './lib/passwords/password-policy.checker';
export { PasswordHasher } from './lib/passwords/password-hasher';
export { InactiveAccounts, SuspendInactiveAccounts } from './lib/users/inactive-accounts.service';
export { AccountAdmin, generateOneTimePassword, type IssuedAccount, type NewAccount } from './lib/users/account-admin.service';
export { Membership, TENANT_ROLES, type TenantRole, UNIT_ROLES } from './lib/users/membership.entity';
export { User, USER_STATUSES, type UserStatus } from './lib/users/user.entity';

export const ACCOUNTS_ENTITIES = [User, Membership, SessionRecord, UserToken, RecoveryCode, SignInChallenge];
export { MATRIX_END, MATRIX_START, renderCapabilityMatrix } from './lib/access/capability-matrix';
export { SignInRefusals } from './lib/auth/http/sign-in-refusals';
export { accountNames, roleHolders } from './lib/users/account-lookups';
