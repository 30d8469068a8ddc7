import { Injectable } from '@nestjs/common';
import { AccountPolicy, RuleVersionRepository, todayIn } from '@cong/rules';

/** The account policy in force today for a province (its rules), or the platform default. */
@Injectable()
export class AccountPolicyProvider {
  constructor(private readonly versions: RuleVersionRepository) {}

  async forScope(scope: { tenantId: string | null; timezone: string }): Promise<AccountPolicy> {
    if (!scope.tenantId) return new AccountPolicy();
    const rules = await this.versions.ruleSetInForceOn(scope.tenantId, todayIn(scope.timezone));
    return rules?.accountPolicy ?? new AccountPolicy();
  }
}
