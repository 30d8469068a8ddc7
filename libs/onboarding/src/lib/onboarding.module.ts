import { Module } from '@nestjs/common';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { OperatorRulesController } from './operator-api/operator-rules.controller';
import { TenantOnboarding } from './tenant-onboarding.service';

@Module({
  imports: [RulesModule, TenancyModule],
  controllers: [OperatorRulesController],
  providers: [TenantOnboarding],
  exports: [TenantOnboarding],
})
export class OnboardingModule {}
