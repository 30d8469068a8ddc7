import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { DomainError } from '@cong/platform-errors';
import { CalendarDay, Period, PERIODS, todayIn } from '@cong/rules';
import { TenantContext } from '@cong/tenancy';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ComplianceEvaluation, PeriodResults } from '../progress/compliance-evaluation';
import { ComplianceFacts } from '../progress/compliance-facts';
import { PeriodClose } from '../periods/period-close';
import { ComplianceReports } from '../reports/compliance-reports';
import { VolumeDraft, VolumeStatements } from '../volumes/volume-statements';
import { TABLE_FILE_TYPES, tableCsv, tableXlsx } from '@cong/platform-tables';
import { ReportDocument, reportCsv, reportXlsx } from '../reports/report-files';
import { RoyaltyStatement, RoyaltyStatements } from '../royalties/royalty-statements';
import { EmulationResponse, ReportDocumentResponse } from './dto/compliance-report.response';
import { PeriodResultsResponse, PeriodSnapshotResponse, ProgressResponse } from './dto/period-results.response';
import { RoyaltyStatementResponse } from './dto/royalty-statement.response';
import { VolumeDraftResponse, VolumeStatementListEntry, VolumeStatementResponse } from './dto/volume-statement.response';

interface ReplyLike {
  status(code: number): unknown;
  header(name: string, value: string): ReplyLike;
}

export class ProgressQuery {
  @ApiPropertyOptional({ description: 'Only this unit (its code)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: '`unit` phải là mã một đơn vị.' })
  unit?: string;
  @ApiPropertyOptional({ description: "The day to stand on (YYYY-MM-DD, the province's date); default today" })
  @IsOptional()
  @CalendarDay('asOf')
  asOf?: string;
}

export class DateQuery {
  @ApiProperty({ example: '2026-10-01', description: 'Any day of the period (YYYY-MM-DD)' })
  @CalendarDay('date')
  date!: string;
}

export class ResultsQuery {
  @ApiProperty({ enum: PERIODS }) @IsIn(PERIODS, { message: `\`period\` phải là một trong: ${PERIODS.join(', ')}.` }) period!: Period;
  @ApiProperty({ example: '2026-11-01', description: 'Any day of the period (YYYY-MM-DD)' })
  @CalendarDay('date')
  date!: string;
}

export class SnapshotsQuery {
  @ApiProperty({ enum: PERIODS }) @IsIn(PERIODS, { message: `\`period\` phải là một trong: ${PERIODS.join(', ')}.` }) period!: Period;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @CalendarDay('from')
  from?: string;
  @ApiPropertyOptional({ example: '2027-01-01' })
  @IsOptional()
  @CalendarDay('to')
  to?: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: PERIODS, description: "One of the report's periods; default its first" })
  @IsOptional()
  @IsIn(PERIODS, { message: `\`period\` phải là một trong: ${PERIODS.join(', ')}.` })
  period?: Period;
  @ApiProperty({ example: '2026-10-01', description: 'Any day of the period (YYYY-MM-DD)' })
  @CalendarDay('date')
  date!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: '`format` phải là json, csv hoặc xlsx.' })
  format?: 'json' | 'csv' | 'xlsx';
}

export class CertifyBody {
  @ApiProperty({ example: '2026-10-01', description: 'Any day of the period (YYYY-MM-DD)' })
  @CalendarDay('date')
  date!: string;
  @ApiPropertyOptional({ description: 'The statement this one corrects (the latest of its period)' })
  @IsOptional()
  @IsUUID('all', { message: '`corrects` phải là mã của một bảng kê.' })
  corrects?: string;
  @ApiPropertyOptional({ description: 'Why (required for a correction)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class StatementsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @CalendarDay('from')
  from?: string;
  @ApiPropertyOptional() @IsOptional() @CalendarDay('to') to?: string;
}

export class RoyaltyQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '`month` phải là một tháng dạng YYYY-MM.' })
  month!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: '`format` phải là json, csv hoặc xlsx.' })
  format?: 'json' | 'csv' | 'xlsx';
}

export class EmulationQuery {
  @ApiPropertyOptional({ enum: PERIODS })
  @IsOptional()
  @IsIn(PERIODS, { message: `\`period\` phải là một trong: ${PERIODS.join(', ')}.` })
  period?: Period;
  @ApiProperty({ example: '2026-11-01' })
  @CalendarDay('date')
  date!: string;
}

/** A JSON document, or the same as a CSV or XLSX file (`format`). */
const jsonOrFile = (model: string) => ({
  'application/json': { schema: { $ref: getSchemaPath(model) } },
  'text/csv': { schema: { type: 'string' } },
  [TABLE_FILE_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
});

/** Where units stand against their province's rules (NA-8.2, NA-8.4, LC-2.3). */
@ApiTags('compliance')
@ApiBearerAuth()
@ApiExtraModels(ReportDocumentResponse, RoyaltyStatementResponse)
@Controller('compliance')
export class ComplianceController {
  constructor(
    private readonly evaluation: ComplianceEvaluation,
    private readonly facts: ComplianceFacts,
    private readonly periods: PeriodClose,
    private readonly reports: ComplianceReports,
    private readonly volumes: VolumeStatements,
    private readonly royaltyStatements: RoyaltyStatements,
    private readonly tenants: TenantContext,
  ) {}

  @Get('progress')
  @Requires('compliance.read')
  @ApiOperation({ summary: 'Each unit, rule by rule, in the current period: "1 trên 2 tin tuần này", "chưa đăng thứ Tư"' })
  @ApiOkResponse({ type: ProgressResponse })
  async progress(@CurrentPrincipal() p: Principal, @Query() q: ProgressQuery): Promise<ProgressResponse> {
    const { id: tenantId, timezone } = this.tenants.current();
    const asOf = q.asOf ?? todayIn(timezone);
    let units = await this.reach(p, tenantId);
    if (q.unit) {
      if (units && !units.includes(q.unit))
        throw new DomainError('COMPLIANCE_UNIT_NOT_FOUND', 'not_found', `Không tìm thấy đơn vị "${q.unit}".`);
      units = [q.unit];
    }
    const progress = await this.evaluation.progress(tenantId, asOf, units);
    if (q.unit && progress.length === 0 && !(await this.facts.units(tenantId)).some((u) => u.code === q.unit)) {
      throw new DomainError('COMPLIANCE_UNIT_NOT_FOUND', 'not_found', `Không tìm thấy đơn vị "${q.unit}".`);
    }
    return { asOf, units: progress };
  }

  @Get('results')
  @Requires('compliance.read')
  @ApiOperation({ summary: 'Every rule over a week, month, quarter, half-year or year, each part judged by the rules in force then' })
  @ApiOkResponse({ type: PeriodResultsResponse })
  async results(@CurrentPrincipal() p: Principal, @Query() q: ResultsQuery): Promise<PeriodResults> {
    const { id: tenantId, timezone } = this.tenants.current();
    // A first, partial period is judged from the day the province's first rules took effect.
    const inForce = await this.evaluation.rulesForPeriod(tenantId, q.period, q.date);
    if (!inForce) throw new DomainError('COMPLIANCE_NO_RULES', 'not_found', 'Chưa có quy định nào có hiệu lực trong kỳ này.');
    const { range } = inForce;
    const today = todayIn(timezone);
    // A running period judges only what has happened: quota periods not yet over are not "missed".
    const results = (await this.evaluation.resultsFor(tenantId, range, today < range.end ? today : undefined, {
      endedQuotaPeriodsOnly: today < range.end,
    }))!;
    return withinReach(results, await this.reach(p, tenantId));
  }

  @Get('snapshots')
  @Requires('compliance.read')
  @ApiOperation({ summary: 'Closed periods of a kind, as they were stored when they closed (immutable)' })
  @ApiOkResponse({ type: [PeriodSnapshotResponse] })
  async snapshots(@CurrentPrincipal() p: Principal, @Query() q: SnapshotsQuery): Promise<PeriodSnapshotResponse[]> {
    const tenantId = this.tenants.require();
    const stored = await this.periods.list(tenantId, q.period, q.from ?? '0001-01-01', q.to ?? '9999-12-31');
    const units = await this.reach(p, tenantId);
    return stored.map((s) => PeriodSnapshotResponse.from(s, withinReach(s.results, units)));
  }

  @Post('snapshots')
  @Requires('compliance.manage')
  @ApiOperation({ summary: 'Close the period holding `date` now (409 while it runs); closing again returns the same snapshot' })
  @ApiCreatedResponse({ type: PeriodSnapshotResponse, description: 'Closed now' })
  @ApiOkResponse({ type: PeriodSnapshotResponse, description: 'Closed before: the stored snapshot' })
  async close(
    @CurrentPrincipal() p: Principal,
    @Body() body: ResultsQuery,
    @Res({ passthrough: true }) reply: ReplyLike,
  ): Promise<PeriodSnapshotResponse> {
    const tenantId = this.tenants.require();
    const { snapshot, created } = await this.periods.close(tenantId, body.period, body.date, p.username);
    reply.status(created ? 201 : 200);
    return PeriodSnapshotResponse.from(snapshot);
  }

  @Get('reports/:report')
  @Requires('compliance.reports')
  @ApiOperation({
    summary:
      'A periodic report of the rules (LC-3.4 monthly, NA-12.3 half-yearly and yearly): per unit, totals, the trend; JSON, CSV or XLSX',
  })
  @ApiOkResponse({
    description: 'The report (`format=json`), or it as a CSV or XLSX file (an attachment)',
    content: jsonOrFile('ReportDocumentResponse'),
  })
  async report(
    @Param('report') reportId: string,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) reply: ReplyLike,
  ): Promise<ReportDocument | Buffer> {
    const tenantId = this.tenants.require();
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(reportId))
      throw new DomainError('COMPLIANCE_REPORT_NOT_FOUND', 'not_found', `Không có báo cáo "${reportId}".`);
    const doc = await this.reports.build(tenantId, reportId, q.period, q.date);
    const format = q.format ?? 'json';
    if (format === 'json') return doc;
    const file = format === 'csv' ? reportCsv(doc) : await reportXlsx(doc);
    reply
      .header('content-type', TABLE_FILE_TYPES[format])
      .header('content-disposition', `attachment; filename="bao-cao-${reportId}-${doc.period.start}.${format}"`);
    return file;
  }

  @Get('volume-statements/draft')
  @Requires('compliance.reports')
  @ApiOperation({ summary: 'NA-10.1: items provided per unit and type in the period holding `date`, as they stand (not certified)' })
  @ApiOkResponse({ type: VolumeDraftResponse })
  volumeDraft(@Query() q: DateQuery): Promise<VolumeDraft> {
    return this.volumes.draft(this.tenants.require(), q.date);
  }

  @Get('volume-statements')
  @Requires('compliance.reports')
  @ApiOperation({ summary: 'Certified volume statements (with what corrected each)' })
  @ApiOkResponse({ type: [VolumeStatementListEntry] })
  async volumeStatements(@Query() q: StatementsQuery): Promise<VolumeStatementListEntry[]> {
    return (await this.volumes.list(this.tenants.require(), q.from ?? '0001-01-01', q.to ?? '9999-12-31')).map(
      VolumeStatementListEntry.fromView,
    );
  }

  @Post('volume-statements')
  @Requires('compliance.manage')
  @ApiOperation({ summary: 'Certify the volume of an ended period (frozen from then on), or correct a certified one with a reason' })
  @ApiCreatedResponse({ type: VolumeStatementResponse })
  async certify(@CurrentPrincipal() p: Principal, @Body() body: CertifyBody): Promise<VolumeStatementResponse> {
    return VolumeStatementResponse.from(
      await this.volumes.certify(
        this.tenants.require(),
        body.date,
        { id: p.userId, label: p.username },
        body.corrects ? { corrects: body.corrects, reason: body.reason } : undefined,
      ),
    );
  }

  @Get('emulation')
  @Requires('compliance.reports')
  @ApiOperation({ summary: 'LC-3.4: emulation scores and the ranking of units for a month, quarter or year' })
  @ApiOkResponse({ type: EmulationResponse })
  emulation(@Query() q: EmulationQuery): Promise<EmulationResponse> {
    return this.reports.emulation(this.tenants.require(), q.period, q.date);
  }

  @Get('royalties')
  @Requires('compliance.reports')
  @ApiOperation({ summary: "LC-3.1c: the month's royalty statement per author and per unit; JSON, CSV or XLSX" })
  @ApiOkResponse({
    description: 'The statement (`format=json`), or it as a CSV or XLSX file (an attachment)',
    content: jsonOrFile('RoyaltyStatementResponse'),
  })
  async royalties(@Query() q: RoyaltyQuery, @Res({ passthrough: true }) reply: ReplyLike): Promise<RoyaltyStatement | Buffer> {
    const tenantId = this.tenants.require();
    const statement = await this.royaltyStatements.month(tenantId, q.month);
    const format = q.format ?? 'json';
    if (format === 'json') return statement;
    const file = RoyaltyStatements.file(statement, this.tenants.current().name);
    reply
      .header('content-type', TABLE_FILE_TYPES[format])
      .header('content-disposition', `attachment; filename="nhuan-but-${q.month}.${format}"`);
    return format === 'csv' ? tableCsv(file) : tableXlsx(file, 'Nhuận bút');
  }

  /** undefined: every unit (a province-wide role); else the codes of the caller's units and those below. */
  private async reach(p: Principal, tenantId: string): Promise<string[] | undefined> {
    if (p.memberships.some((m) => m.unitId === null)) return undefined;
    return this.facts.unitCodesWithin(
      tenantId,
      p.memberships.map((m) => m.unitId!),
    );
  }
}

/** Results as a caller may see them: every unit (`units` undefined, a province-wide role), or only theirs. */
function withinReach(results: PeriodResults, units: string[] | undefined): PeriodResults {
  if (!units) return results;
  const mine = <T extends { unit: string }>(list: T[]) => list.filter((r) => units.includes(r.unit));
  return { ...results, quotas: mine(results.quotas), schedules: mine(results.schedules), deadlines: mine(results.deadlines) };
}
