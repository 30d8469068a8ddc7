import { formatRuleChange, RuleChange } from '@cong/rules';
import { hasSiteChanges, SiteChanges } from '@cong/sites';
import { hasUnitChanges, UnitTreeChanges } from '@cong/units';

export type TenantStep = { action: 'create' } | { action: 'update'; fields: string[] } | { action: 'none' };

export type RulesStep =
  | { action: 'create'; version: 1; effectiveFrom: string }
  | { action: 'new-version'; version: number; effectiveFrom: string; changes: RuleChange[] }
  | { action: 'none'; version: number; effectiveFrom: string };

/** What applying a province's folder would change, step by step. */
export interface OnboardingPlan {
  code: string;
  tenant: TenantStep;
  domains: { added: string[]; removed: string[]; primary: string };
  units: UnitTreeChanges;
  sites: SiteChanges;
  rules: RulesStep;
}

export function planHasChanges(plan: OnboardingPlan): boolean {
  return (
    plan.tenant.action !== 'none' ||
    plan.domains.added.length + plan.domains.removed.length > 0 ||
    hasUnitChanges(plan.units) ||
    hasSiteChanges(plan.sites) ||
    plan.rules.action !== 'none'
  );
}

/** The plan as lines for a terminal or a review comment. */
export function describePlan(plan: OnboardingPlan): string[] {
  const lines: string[] = [];
  if (plan.tenant.action === 'create') lines.push(`tenant ${plan.code}: create`);
  if (plan.tenant.action === 'update') lines.push(`tenant ${plan.code}: update ${plan.tenant.fields.join('; ')}`);
  for (const d of plan.domains.added) lines.push(`+ domain ${d}${d === plan.domains.primary ? ' (primary)' : ''}`);
  for (const d of plan.domains.removed) lines.push(`- domain ${d}`);
  for (const u of plan.units.added) lines.push(`+ unit ${u.code} (${u.kind}) ${u.name}`);
  for (const u of plan.units.changed) lines.push(`~ unit ${u.code}: ${u.fields.join('; ')}`);
  for (const code of plan.units.deactivated) lines.push(`- unit ${code} (deactivated; kept for history)`);
  const created = plan.sites.created;
  if (created.length > 0)
    lines.push(`+ sites: ${created.length > 6 ? `${created.slice(0, 6).join(', ')} and ${created.length - 6} more` : created.join(', ')}`);
  for (const path of plan.sites.reactivated) lines.push(`~ site ${path}: reactivated`);
  for (const path of plan.sites.deactivated) lines.push(`- site ${path} (deactivated with its unit)`);
  const r = plan.rules;
  if (r.action === 'create') lines.push(`rules: version 1, in force from ${r.effectiveFrom}`);
  if (r.action === 'new-version') {
    lines.push(`rules: version ${r.version}, in force from ${r.effectiveFrom}`);
    lines.push(...r.changes.map((c) => `  ${formatRuleChange(c)}`));
  }
  if (r.action === 'none') lines.push(`rules: unchanged (version ${r.version}, in force from ${r.effectiveFrom})`);
  return lines;
}
