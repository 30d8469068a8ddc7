import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { UnitsModule } from '@cong/units';
import { OperatorAccessLog } from '@cong/platform-database';
import { UnitsController } from './units-api/units.controller';
import { AuditController, OperatorAuditController } from './audit-api/audit.controller';
import { OperatorAccessController, ProvinceOperatorAccessController } from './audit-api/operator-access.controller';
import { AccessTokenService } from './auth/access-token.service';
import { CredentialsService } from './auth/credentials.service';
import { UsersController } from './users/http/users.controller';
import { TokenMail } from './users/token-mail';
import { UserAdmin } from './users/user-admin.service';
import { AccountPolicyProvider } from './auth/account-policy.provider';
import { AccountScope } from './auth/account-scope';
import { AuthService } from './auth/auth.service';
import { AccessGuard } from './auth/http/access.guard';
import { AuthController, OperatorAuthController } from './auth/http/auth.controller';
import { JwtStrategy } from './auth/http/jwt.strategy';
import { LocalStrategy } from './auth/http/local.strategy';
import { SignInGuard } from './auth/http/sign-in.guard';
import { PasswordHasher } from './passwords/password-hasher';
import { SessionService } from './sessions/session.service';
import { AccountAdmin } from './users/account-admin.service';
import { TwoFactorSecrets } from './two-factor/two-factor-secrets';
import { SignInRefusals } from './auth/http/sign-in-refusals';
import { TwoFactorService } from './two-factor/two-factor.service';

/**
 * Accounts and access: sign-in, sessions, the access guard. The API registers `AccessGuard` as a
 * global guard after the tenant guard.
 */
@Module({
  imports: [PassportModule, RulesModule, TenancyModule, UnitsModule],
  controllers: [
    AuthController,
    OperatorAuthController,
    UsersController,
    UnitsController,
    AuditController,
    OperatorAuditController,
    OperatorAccessController,
    ProvinceOperatorAccessController,
  ],
  providers: [
    AccountScope,
    AccountPolicyProvider,
    PasswordHasher,
    SessionService,
    AccessTokenService,
    AuthService,
    LocalStrategy,
    JwtStrategy,
    SignInGuard,
    AccessGuard,
    AccountAdmin,
    UserAdmin,
    TokenMail,
    OperatorAccessLog,
    CredentialsService,
    TwoFactorSecrets,
    TwoFactorService,
    SignInRefusals,
  ],
  exports: [AccessGuard, AuthService, AccountAdmin, AccountScope, UserAdmin, SignInRefusals],
})
export class AccountsModule {}
