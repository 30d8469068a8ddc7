import { Module } from '@nestjs/common';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { UnitsModule } from '@cong/units';
import { OperatorRulesController } from './operator-api/operator-rules.controller';
import { ProvinceRules } from './province-rules';
import { RulesController } from './rules-api/rules.controller';
import { TenantOnboarding } from './tenant-onboarding.service';

@Module({
  imports: [RulesModule, TenancyModule, UnitsModule],
  controllers: [OperatorRulesController, RulesController],
  providers: [TenantOnboarding, ProvinceRules],
  exports: [TenantOnboarding],
})
export class OnboardingModule {}
