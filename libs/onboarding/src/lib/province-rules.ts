import { Injectable } from '@nestjs/common';
import { DomainError } from '@cong/platform-errors';
import {
  diffRuleDocuments,
  formatRuleChange,
  parseTenantDefinition,
  RULE_FILE,
  RuleVersion,
  RuleVersionRepository,
  todayIn,
  UNITS_FILE,
} from '@cong/rules';
import { ResolvedTenant, TenantResolver } from '@cong/tenancy';
import { UnitDirectory, UnitView } from '@cong/units';
import { Document } from 'yaml';
import { describePlan } from './onboarding-plan';
import {
  RuleChangeView,
  RuleFilesResponse,
  RuleVersionDetail,
  RuleVersionSummary,
  SubmitRulesRequest,
  SubmitRulesResponse,
} from './rules.dto';
import { TenantOnboarding } from './tenant-onboarding.service';

export const versionSummary = (v: RuleVersion): RuleVersionSummary => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  checksum: v.checksum,
  appliedBy: v.appliedBy,
  appliedAt: v.appliedAt,
  note: v.note,
});

const detail = (v: RuleVersion): RuleVersionDetail => ({ ...versionSummary(v), document: v.document, source: v.source });

/** The province whose rules are read: the request's own, or the one an operator named. */
type Province = Pick<ResolvedTenant, 'id' | 'code' | 'name' | 'timezone'>;

/** Who submits rule files, as the audit trail and the stored version name them. */
export interface RulesAuthor {
  actorId: string;
  actorLabel: string;
}

/**
 * One province's rules as the console and the API show them: in force on a date, the versions, a
 * diff between two, the files to edit, and a submission validated exactly as `cong tenants apply`
 * validates a folder. The IT centre calls it for its own province, national operators for any.
 */
@Injectable()
export class ProvinceRules {
  constructor(
    private readonly versions: RuleVersionRepository,
    private readonly onboarding: TenantOnboarding,
    private readonly resolver: TenantResolver,
    private readonly units: UnitDirectory,
  ) {}

  async inForce(tenant: Province, on?: string): Promise<RuleVersionDetail> {
    const date = on ?? todayIn(tenant.timezone);
    const version = await this.versions.inForceOn(tenant.id, date);
    if (!version)
      throw new DomainError(
        'RULES_NONE_IN_FORCE',
        'not_found',
        `Tỉnh "${tenant.code}" chưa có bộ quy tắc nào có hiệu lực vào ngày ${date}.`,
      );
    return detail(version);
  }

  async history(tenant: Province): Promise<RuleVersionSummary[]> {
    return (await this.versions.history(tenant.id)).map(versionSummary);
  }

  async version(tenant: Province, number: number): Promise<RuleVersionDetail> {
    return detail(await this.versionOrFail(tenant, number));
  }

  async diff(tenant: Province, from: number, to: number): Promise<RuleChangeView[]> {
    const [a, b] = [await this.versionOrFail(tenant, from), await this.versionOrFail(tenant, to)];
    return diffRuleDocuments(a.document, b.document).map((c) => ({ ...c, text: formatRuleChange(c) }));
  }

  /**
   * The two files as they stand, to edit and submit again: tenant.yaml of the newest version, and
   * units.yaml written from the units the rule files keep (those the API added are not in it).
   */
  async files(tenant: Province): Promise<RuleFilesResponse> {
    const latest = await this.versions.latest(tenant.id);
    const units = (await this.units.list(tenant.id)).filter((u) => u.managedBy === 'rules');
    return { tenantYaml: latest?.source ?? '', unitsYaml: unitsYamlOf(units, tenant.name), latestVersion: latest?.version ?? null };
  }

  /**
   * Validates both files for `code` (422 with every problem at its line), then plans or applies them.
   * `readAs` runs the reads around the apply (the plan, the new version): an operator's on the
   * audited operator path; applying is audited on its own.
   */
  async submit(
    code: string,
    body: SubmitRulesRequest,
    author: RulesAuthor,
    readAs: <T>(reason: string, work: () => Promise<T>) => Promise<T> = (_reason, work) => work(),
  ): Promise<SubmitRulesResponse> {
    const names = { rules: `tenants/${code}/${RULE_FILE}`, units: `tenants/${code}/${UNITS_FILE}` };
    const parsed = parseTenantDefinition({ rules: body.tenantYaml, units: body.unitsYaml }, names, code);
    if (!parsed.ok) {
      throw new DomainError(
        'RULES_INVALID',
        'validation',
        `Tệp quy tắc có ${parsed.problems.length} lỗi.`,
        parsed.problems.map((p) => ({ field: `${p.file}:${p.line}${p.path ? ` ${p.path}` : ''}`, message: p.message })),
      );
    }
    const options = { ...author, effectiveFrom: body.effectiveFrom, note: body.note };
    if (body.dryRun) {
      const plan = await readAs('plan rules', () => this.onboarding.plan(parsed.definition, options));
      return { changed: false, dryRun: true, plan: describePlan(plan), latestVersion: null };
    }
    const result = await this.onboarding.apply(parsed.definition, options);
    this.resolver.invalidate();
    const tenantId = result.tenantId;
    const latest = tenantId ? await readAs('read back rules', () => this.versions.latest(tenantId)) : null;
    return {
      changed: result.changed,
      dryRun: false,
      plan: describePlan(result.plan),
      latestVersion: latest ? versionSummary(latest) : null,
    };
  }

  private async versionOrFail(tenant: Province, version: number): Promise<RuleVersion> {
    const found = await this.versions.find(tenant.id, version);
    if (!found)
      throw new DomainError('RULES_VERSION_NOT_FOUND', 'not_found', `Tỉnh "${tenant.code}" không có phiên bản quy tắc ${version}.`);
    return found;
  }
}

/** units.yaml in the seed files' layout: one unit a line, each after its parent, depth first. */
export function unitsYamlOf(units: UnitView[], provinceName: string): string {
  const children = new Map<string | null, UnitView[]>();
  const codes = new Set(units.map((u) => u.code));
  for (const u of units) {
    const parent = u.parent && codes.has(u.parent) ? u.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const lines: string[] = [];
  const visit = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      const entry: Record<string, unknown> = { code: u.code, name: u.name, kind: u.kind };
      if (u.parent) entry['parent'] = u.parent;
      if (u.tags.length > 0) entry['tags'] = u.tags;
      lines.push(`  - ${new Document(entry).toString({ collectionStyle: 'flow', lineWidth: 0 }).trim()}`);
      visit(u.code);
    }
  };
  visit(null);
  return [`# Các đơn vị của ${provinceName}, viết lại từ cây đơn vị đang lưu.`, 'units:', ...lines, ''].join('\n');
}
