import { Module } from '@nestjs/common';
import { RulesModule } from '@cong/rules';
import { ProvinceJobs, TenancyModule } from '@cong/tenancy';
import { AccountPolicyProvider } from './auth/account-policy.provider';
import { SessionService } from './sessions/session.service';
import { InactiveAccounts } from './users/inactive-accounts.service';

/**
 * The accounts' scheduled work, for the worker: no controllers, guards or passport strategies,
 * only what the daily suspension of unused accounts needs.
 */
@Module({
  imports: [RulesModule, TenancyModule],
  providers: [InactiveAccounts, AccountPolicyProvider, SessionService, ProvinceJobs],
  exports: [InactiveAccounts],
})
export class AccountsJobsModule {}
