export { OnboardingErrors } from './lib/onboarding.errors';
export { describePlan, type OnboardingPlan, planHasChanges, type RulesStep, type TenantStep } from './lib/onboarding-plan';
export { type OnboardingOptions, type OnboardingResult, TenantOnboarding } from './lib/tenant-onboarding.service';
export { OnboardingModule } from './lib/onboarding.module';
