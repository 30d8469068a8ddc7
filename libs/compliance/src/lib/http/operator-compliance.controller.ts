import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
import { todayIn } from '@cong/rules';
import { NoTenant, TenantRepository } from '@cong/tenancy';
import { ProvinceCalendar } from '../calendar/province-calendar';
import { PeriodClose } from '../periods/period-close';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { periodLabel } from '../reports/compliance-reports';
import { ReportTotals, reportRows } from '../reports/report-rows';
import { checkedDate, ResultsQuery } from './compliance.controller';

export interface ProvinceComparison {
  code: string;
  name: string;
  period: { start: string; end: string; label: string } | null;
  provisional: boolean;
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
  compare(@CurrentPrincipal() operator: Principal, @Query() q: ResultsQuery): Promise<ProvinceComparison[]> {
    checkedDate(q.date, 'date');
    return this.db.asOperator({ actorId: operator.userId, actorLabel: operator.username, reason: `operator API: compare provinces (${q.period} of ${q.date})` }, async () => {
      const compared: ProvinceComparison[] = [];
      for (const tenant of await this.tenants.listAll()) {
        if (tenant.status !== 'active') continue;
        const inForce = await this.evaluation.rulesOn(tenant.id, q.date);
        if (!inForce) {
          compared.push({ code: tenant.code, name: tenant.name, period: null, provisional: false, ruleVersions: [], units: 0, totals: null });
          continue;
        }
        const range = new ProvinceCalendar(inForce.rules.timezone, inForce.rules.calendar).periodOf(q.period, q.date);
        const today = todayIn(tenant.timezone);
        const stored = range.end <= today ? await this.periods.find(tenant.id, q.period, range.start) : null;
        const results = stored?.results ?? (await this.evaluation.resultsFor(tenant.id, range, range.end > today ? today : undefined))!;
        const { rows, totals } = reportRows(results, [], new Map(), () => true);
        compared.push({ code: tenant.code, name: tenant.name, period: { ...range, label: periodLabel(q.period, range) }, provisional: range.end > today, ruleVersions: results.ruleVersions, units: rows.length, totals });
      }
      return compared;
    });
  }
}
