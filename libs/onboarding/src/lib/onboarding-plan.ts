import { dmy, formatRuleChange, RuleChange } from '@cong/rules';
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

/**
 * The plan as lines for a terminal, a review comment or the IT centre's console, in Vietnamese:
 * `+` added, `-` removed or deactivated, `~` changed; codes, paths and field names as the files
 * write them, dates as officials do (dd/mm/yyyy).
 */
export function describePlan(plan: OnboardingPlan): string[] {
  const lines: string[] = [];
  if (plan.tenant.action === 'create') lines.push(`tỉnh ${plan.code}: tạo mới`);
  if (plan.tenant.action === 'update') lines.push(`tỉnh ${plan.code}: cập nhật ${plan.tenant.fields.join('; ')}`);
  for (const d of plan.domains.added) lines.push(`+ tên miền ${d}${d === plan.domains.primary ? ' (chính)' : ''}`);
  for (const d of plan.domains.removed) lines.push(`- tên miền ${d}`);
  for (const u of plan.units.added) lines.push(`+ đơn vị ${u.code} (${u.kind}) ${u.name}`);
  for (const u of plan.units.changed) lines.push(`~ đơn vị ${u.code}: ${u.fields.join('; ')}`);
  for (const code of plan.units.deactivated) lines.push(`- đơn vị ${code} (ngừng hoạt động; vẫn lưu để tra cứu lịch sử)`);
  const created = plan.sites.created;
  if (created.length > 0)
    lines.push(
      `+ trang: ${created.length > 6 ? `${created.slice(0, 6).join(', ')} và ${created.length - 6} trang khác` : created.join(', ')}`,
    );
  for (const path of plan.sites.reactivated) lines.push(`~ trang ${path}: hoạt động lại`);
  for (const path of plan.sites.deactivated) lines.push(`- trang ${path} (ngừng hoạt động cùng đơn vị)`);
  const r = plan.rules;
  if (r.action === 'create') lines.push(`quy tắc: phiên bản 1, hiệu lực từ ${dmy(r.effectiveFrom)}`);
  if (r.action === 'new-version') {
    lines.push(`quy tắc: phiên bản ${r.version}, hiệu lực từ ${dmy(r.effectiveFrom)}`);
    lines.push(...r.changes.map((c) => `  ${formatRuleChange(c)}`));
  }
  if (r.action === 'none') lines.push(`quy tắc: không đổi (phiên bản ${r.version}, hiệu lực từ ${dmy(r.effectiveFrom)})`);
  return lines;
}
