import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
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
import { NoTenant, Tenant, TenantErrors, TenantRepository, TenantResolver } from '@cong/tenancy';
import { describePlan } from '../onboarding-plan';
import { TenantOnboarding } from '../tenant-onboarding.service';
import {
  DiffQuery,
  RuleChangeView,
  RulesOnQuery,
  RuleVersionDetail,
  RuleVersionSummary,
  SubmitRulesRequest,
  SubmitRulesResponse,
  TenantSummary,
} from './operator-rules.dto';

const summary = (v: RuleVersion): RuleVersionSummary => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  checksum: v.checksum,
  appliedBy: v.appliedBy,
  appliedAt: v.appliedAt,
  note: v.note,
});

/**
 * National operators read, compare and change each province's rules (the rules issue, item 6).
 * Every call runs on the audited operator path; a submission is validated exactly as
 * `cong tenants apply` validates a folder, and answered with every problem at once.
 */
@ApiTags('operator')
@ApiBearerAuth()
@NoTenant()
@Controller('operator/tenants')
export class OperatorRulesController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly tenants: TenantRepository,
    private readonly versions: RuleVersionRepository,
    private readonly onboarding: TenantOnboarding,
    private readonly resolver: TenantResolver,
  ) {}

  @Get()
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'Every province with its domains and the rule version in force today' })
  @ApiOkResponse({ type: [TenantSummary] })
  list(@CurrentPrincipal() operator: Principal): Promise<TenantSummary[]> {
    return this.asOperator(operator, 'operator API: list provinces', async () => {
      const all = await this.tenants.listAll();
      // Inside the operator transaction (one connection): one query after another.
      const summaries: TenantSummary[] = [];
      for (const t of all) {
        const domains = await this.tenants.findDomainsOf(t.id);
        const inForce = await this.versions.inForceOn(t.id, todayIn(t.timezone));
        summaries.push({
          code: t.code,
          name: t.name,
          status: t.status,
          timezone: t.timezone,
          domains: domains.map((d) => d.domain),
          rulesInForce: inForce ? summary(inForce) : null,
        });
      }
      return summaries;
    });
  }

  @Get(':code/rules')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'The rule version in force on a date (default today, in the province time zone)' })
  @ApiOkResponse({ type: RuleVersionDetail })
  inForce(@CurrentPrincipal() operator: Principal, @Param('code') code: string, @Query() query: RulesOnQuery): Promise<RuleVersionDetail> {
    return this.asOperator(operator, `operator API: rules of ${code}`, async () => {
      const tenant = await this.tenantOrFail(code);
      const date = query.on ?? todayIn(tenant.timezone);
      const version = await this.versions.inForceOn(tenant.id, date);
      if (!version)
        throw new DomainError('RULES_NONE_IN_FORCE', 'not_found', `Tỉnh "${code}" chưa có bộ quy tắc nào có hiệu lực vào ngày ${date}.`);
      return { ...summary(version), document: version.document, source: version.source };
    });
  }

  @Get(':code/rules/versions')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: "The province's rule versions, newest first" })
  @ApiOkResponse({ type: [RuleVersionSummary] })
  history(@CurrentPrincipal() operator: Principal, @Param('code') code: string): Promise<RuleVersionSummary[]> {
    return this.asOperator(operator, `operator API: rule history of ${code}`, async () =>
      (await this.versions.history((await this.tenantOrFail(code)).id)).map(summary),
    );
  }

  @Get(':code/rules/versions/:version')
  @Requires('platform.tenants.read')
  @ApiOkResponse({ type: RuleVersionDetail })
  version(
    @CurrentPrincipal() operator: Principal,
    @Param('code') code: string,
    @Param('version', ParseIntPipe) number: number,
  ): Promise<RuleVersionDetail> {
    return this.asOperator(operator, `operator API: rule version ${number} of ${code}`, async () => {
      const version = await this.versionOrFail(await this.tenantOrFail(code), number);
      return { ...summary(version), document: version.document, source: version.source };
    });
  }

  @Get(':code/rules/diff')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'What changed between two versions, list items matched by id' })
  @ApiOkResponse({ type: [RuleChangeView] })
  diff(@CurrentPrincipal() operator: Principal, @Param('code') code: string, @Query() query: DiffQuery): Promise<RuleChangeView[]> {
    return this.asOperator(operator, `operator API: rule diff of ${code}`, async () => {
      const tenant = await this.tenantOrFail(code);
      const [a, b] = [await this.versionOrFail(tenant, query.from), await this.versionOrFail(tenant, query.to)];
      return diffRuleDocuments(a.document, b.document).map((c) => ({ ...c, text: formatRuleChange(c) }));
    });
  }

  @Post(':code/rules')
  @HttpCode(200)
  @Requires('platform.rules.write')
  @ApiOperation({
    summary:
      "Submit a province's tenant.yaml and units.yaml: validated as the CLI does (422 with every problem), then applied or, with dryRun, only planned",
  })
  @ApiOkResponse({ type: SubmitRulesResponse })
  async submit(
    @CurrentPrincipal() operator: Principal,
    @Param('code') code: string,
    @Body() body: SubmitRulesRequest,
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
    const options = { actorId: operator.userId, actorLabel: operator.username, effectiveFrom: body.effectiveFrom, note: body.note };
    if (body.dryRun) {
      const plan = await this.asOperator(operator, `operator API: plan rules of ${code}`, () =>
        this.onboarding.plan(parsed.definition, options),
      );
      return { changed: false, dryRun: true, plan: describePlan(plan), latestVersion: null };
    }
    const result = await this.onboarding.apply(parsed.definition, options);
    this.resolver.invalidate();
    const latest = result.tenantId
      ? await this.asOperator(operator, `operator API: read back rules of ${code}`, () => this.versions.latest(result.tenantId!))
      : null;
    return { changed: result.changed, dryRun: false, plan: describePlan(result.plan), latestVersion: latest ? summary(latest) : null };
  }

  private asOperator<T>(operator: Principal, reason: string, work: () => Promise<T>): Promise<T> {
    return this.db.asOperator({ actorId: operator.userId, actorLabel: operator.username, reason }, work);
  }

  private async tenantOrFail(code: string): Promise<Tenant> {
    const tenant = await this.tenants.findByCode(code);
    if (!tenant) throw TenantErrors.notFound(`mã "${code}"`);
    return tenant;
  }

  private async versionOrFail(tenant: Tenant, version: number): Promise<RuleVersion> {
    const found = await this.versions.find(tenant.id, version);
    if (!found)
      throw new DomainError('RULES_VERSION_NOT_FOUND', 'not_found', `Tỉnh "${tenant.code}" không có phiên bản quy tắc ${version}.`);
    return found;
  }
}
