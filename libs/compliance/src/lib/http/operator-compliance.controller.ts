import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
import { addDays, todayIn } from '@cong/rules';
import { NoTenant, TenantRepository } from '@cong/tenancy';
import { PeriodClose } from '../periods/period-close';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { periodLabel } from '../reports/compliance-reports';
import { ReportTotals, reportRows } from '../reports/report-rows';
import { ResultsQuery } from './compliance.controller';
import { ProvinceComparisonResponse } from './dto/compliance-report.response';

export interface ProvinceComparison {
  code: string;
  name: string;
  period: { start: string; end: string; label: string } | null;
  provisional: boolean;
  /** Provisional figures: what happened up to this day (yesterday); null for a closed period. */
  asOf: string | null;
  /** The first day judged: the period's, or the day a province's first rules took effect. */
  judgedFrom: string | null;
  ruleVersions: number[];
  units: number;
  totals: ReportTotals | null;
}

/** National operators compare provinces on one period (each judged by its own rules). */
@ApiTags('operator')
@ApiBearerAuth()
@NoTenant()
@Controller('operator/compliance')
export class OperatorComplianceController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly tenants: TenantRepository,
    private readonly evaluation: ComplianceEvaluation,
    private readonly periods: PeriodClose,
  ) {}

  @Get('compare')
  @Requires('platform.tenants.read')
  @ApiOperation({ summary: 'Every province on one period: its totals under its own rules (closed snapshots, or provisional)' })
  @ApiOkResponse({ type: [ProvinceComparisonResponse] })
  compare(@CurrentPrincipal() operator: Principal, @Query() q: ResultsQuery): Promise<ProvinceComparison[]> {
    return this.db.asOperator(
      { actorId: operator.userId, actorLabel: operator.username, reason: `operator API: compare provinces (${q.period} of ${q.date})` },
      async () => {
        const compared: ProvinceComparison[] = [];
        for (const tenant of await this.tenants.listAll()) {
          if (tenant.status !== 'active') continue;
          // A province's first, partial period is judged from the day its rules took effect.
          const inForce = await this.evaluation.rulesForPeriod(tenant.id, q.period, q.date);
          if (!inForce) {
            compared.push({
              code: tenant.code,
              name: tenant.name,
              period: null,
              provisional: false,
              asOf: null,
              judgedFrom: null,
              ruleVersions: [],
              units: 0,
              totals: null,
            });
            continue;
          }
          const { range } = inForce;
          const today = todayIn(tenant.timezone);
          const stored = range.end <= today ? await this.periods.find(tenant.id, q.period, range.start) : null;
          // Provisional figures judge only what has happened, as the reports do: up to yesterday.
          const asOf = range.end > today ? addDays(today, -1) : undefined;
          const results = stored?.results ?? (await this.evaluation.resultsFor(tenant.id, range, asOf, { endedQuotaPeriodsOnly: true }))!;
          const { rows, totals } = reportRows(results, [], new Map(), () => true);
          compared.push({
            code: tenant.code,
            name: tenant.name,
            period: { ...range, label: periodLabel(q.period, range) },
            provisional: asOf !== undefined,
            asOf: asOf ?? null,
            judgedFrom: inForce.judgedFrom,
            ruleVersions: results.ruleVersions,
            units: rows.length,
            totals,
          });
        }
        return compared;
      },
    );
  }
}
