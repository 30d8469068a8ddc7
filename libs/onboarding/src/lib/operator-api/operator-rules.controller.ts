import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
import { RuleVersionRepository, todayIn } from '@cong/rules';
import { NoTenant, Tenant, TenantErrors, TenantRepository } from '@cong/tenancy';
import { UnitDirectory } from '@cong/units';
import { ProvinceRules, versionSummary } from '../province-rules';
import {
  DiffQuery,
  RuleChangeView,
  RuleFilesResponse,
  RulesOnQuery,
  RuleVersionDetail,
  RuleVersionSummary,
  SubmitRulesRequest,
  SubmitRulesResponse,
  TenantSummary,
} from '../rules.dto';

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
    private readonly rules: ProvinceRules,
    private readonly units: UnitDirectory,
  ) {}

  @Get()
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'Every province with its domains, its number of active units and the rule version in force today' })
  @ApiOkResponse({ type: [TenantSummary] })
  list(@CurrentPrincipal() operator: Principal): Promise<TenantSummary[]> {
    return this.asOperator(operator, 'operator API: list provinces', async () => {
      const all = await this.tenants.listAll();
      // Inside the operator transaction (one connection): one query after another.
      const summaries: TenantSummary[] = [];
      for (const t of all) {
        const domains = await this.tenants.findDomainsOf(t.id);
        const inForce = await this.versions.inForceOn(t.id, todayIn(t.timezone));
        const units = await this.units.list(t.id);
        summaries.push({
          code: t.code,
          name: t.name,
          status: t.status,
          timezone: t.timezone,
          domains: domains.map((d) => d.domain),
          unitCount: units.length,
          rulesInForce: inForce ? versionSummary(inForce) : null,
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
    return this.about(operator, code, 'rules', (tenant) => this.rules.inForce(tenant, query.on));
  }

  @Get(':code/rules/versions')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: "The province's rule versions, newest first" })
  @ApiOkResponse({ type: [RuleVersionSummary] })
  history(@CurrentPrincipal() operator: Principal, @Param('code') code: string): Promise<RuleVersionSummary[]> {
    return this.about(operator, code, 'rule history', (tenant) => this.rules.history(tenant));
  }

  @Get(':code/rules/versions/:version')
  @Requires('platform.tenants.read')
  @ApiOkResponse({ type: RuleVersionDetail })
  version(
    @CurrentPrincipal() operator: Principal,
    @Param('code') code: string,
    @Param('version', ParseIntPipe) number: number,
  ): Promise<RuleVersionDetail> {
    return this.about(operator, code, `rule version ${number}`, (tenant) => this.rules.version(tenant, number));
  }

  @Get(':code/rules/diff')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'What changed between two versions, list items matched by id' })
  @ApiOkResponse({ type: [RuleChangeView] })
  diff(@CurrentPrincipal() operator: Principal, @Param('code') code: string, @Query() query: DiffQuery): Promise<RuleChangeView[]> {
    return this.about(operator, code, 'rule diff', (tenant) => this.rules.diff(tenant, query.from, query.to));
  }

  @Get(':code/rules/files')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: "The province's tenant.yaml and units.yaml as they stand, to edit and submit again" })
  @ApiOkResponse({ type: RuleFilesResponse })
  files(@CurrentPrincipal() operator: Principal, @Param('code') code: string): Promise<RuleFilesResponse> {
    return this.about(operator, code, 'rule files', (tenant) => this.rules.files(tenant));
  }

  @Post(':code/rules')
  @HttpCode(200)
  @Requires('platform.rules.write')
  @ApiOperation({
    summary:
      "Submit a province's tenant.yaml and units.yaml: validated as the CLI does (422 with every problem), then applied or, with dryRun, only planned",
  })
  @ApiOkResponse({ type: SubmitRulesResponse })
  submit(
    @CurrentPrincipal() operator: Principal,
    @Param('code') code: string,
    @Body() body: SubmitRulesRequest,
  ): Promise<SubmitRulesResponse> {
    const readAs = <T>(reason: string, work: () => Promise<T>) => this.asOperator(operator, `operator API: ${reason} of ${code}`, work);
    return this.rules.submit(code, body, { actorId: operator.userId, actorLabel: operator.username }, readAs);
  }

  /** Work about one province: its code resolved first, so the access log names the province. */
  private async about<T>(operator: Principal, code: string, what: string, work: (tenant: Tenant) => Promise<T>): Promise<T> {
    const tenant = await this.tenantOrFail(code);
    return this.db.asOperator(
      { actorId: operator.userId, actorLabel: operator.username, reason: `operator API: ${what} of ${code}`, tenantId: tenant.id },
      () => work(tenant),
    );
  }

  private asOperator<T>(operator: Principal, reason: string, work: () => Promise<T>): Promise<T> {
    return this.db.asOperator({ actorId: operator.userId, actorLabel: operator.username, reason }, work);
  }

  private async tenantOrFail(code: string): Promise<Tenant> {
    const tenant = await this.tenants.findByCode(code);
    if (!tenant) throw TenantErrors.notFound(`mã "${code}"`);
    return tenant;
  }
}
