import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Requires } from '@cong/accounts';
import { CalendarDay, todayIn } from '@cong/rules';
import { TenantContext } from '@cong/tenancy';
import { IsIn, IsOptional } from 'class-validator';
import { ReportDueResponse, ReportsDueResponse } from '../reports/dto/report-due.response';
import { ReportDeliveries } from '../reports/report-deliveries';

const STATUSES = ['outstanding', 'due', 'late', 'delivered', 'all'] as const;

export class ReportsDueQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: "The province's day to stand on (YYYY-MM-DD); default today" })
  @IsOptional()
  @CalendarDay('asOf')
  asOf?: string;
  @ApiPropertyOptional({ enum: STATUSES, default: 'outstanding', description: '`outstanding`: due or late (not delivered)' })
  @IsOptional()
  @IsIn(STATUSES, { message: `\`status\` phải là một trong: ${STATUSES.join(', ')}.` })
  status?: (typeof STATUSES)[number];
}

/** NA-12.3, LC-3.4: which reports of ended periods are due, late or delivered. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ReportDeliveriesController {
  constructor(
    private readonly deliveries: ReportDeliveries,
    private readonly tenants: TenantContext,
  ) {}

  @Get('reports')
  @Requires('compliance.reports')
  @ApiOperation({
    summary: 'Reports of the rules for ended periods: due (by period end + dueWithinDays), late, or delivered to their recipients',
  })
  @ApiOkResponse({ type: ReportsDueResponse })
  async due(@Query() q: ReportsDueQuery): Promise<ReportsDueResponse> {
    const { id: tenantId, timezone } = this.tenants.current();
    const asOf = q.asOf ?? todayIn(timezone);
    const status = q.status ?? 'outstanding';
    const reports = (await this.deliveries.list(tenantId, asOf)).filter(
      (r) => status === 'all' || r.status === status || (status === 'outstanding' && r.status !== 'delivered'),
    );
    return { asOf, reports: reports.map(ReportDueResponse.from) };
  }
}
