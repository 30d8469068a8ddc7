import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TABLE_FILE_TYPES, tableCsv, tableXlsx } from '@cong/platform-tables';
import { TenantContext } from '@cong/tenancy';
import { DomainError } from '@cong/platform-errors';
import { parseTenantTime } from '@cong/workflow';
import { PollManager } from '../poll-manager';
import { PollView } from '../poll-views';
import { CreatePollRequest, PollResponse, PollSiteQuery, ResultsQuery, UpdatePollRequest } from './polls.dto';

interface FileReply {
  header(name: string, value: string): FileReply;
}

/** A poll's time: the province's, or with an offset; refused in the poll's words, naming the field. */
function pollTime(value: string, timezone: string, field: 'opensAt' | 'closesAt'): Date {
  try {
    return parseTenantTime(value, timezone, field);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = `\`${field}\` phải là ngày giờ dạng 2026-12-05T08:00 (giờ của tỉnh) hoặc 2026-12-05T08:00+07:00.`;
    throw new DomainError('CITIZENS_POLL_TIME', 'validation', `Thời điểm ${field === 'opensAt' ? 'bắt đầu' : 'kết thúc'} không hợp lệ.`, [
      { field, message },
    ]);
  }
}

/** Opinion polls on the portal and the sub-sites (NA-5.5): create, change, end, take down, results. */
@ApiTags('citizens')
@ApiBearerAuth()
@Controller('polls')
export class PollsController {
  constructor(
    private readonly polls: PollManager,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('polls.manage')
  @ApiOperation({ summary: 'The polls of the sites I manage (or of one), newest first, with their results' })
  @ApiOkResponse({ type: [PollResponse] })
  list(@CurrentPrincipal() p: Principal, @Query() q: PollSiteQuery): Promise<PollView[]> {
    return this.polls.list(p, this.tenants.current(), q.site);
  }

  @Post()
  @Requires('polls.manage')
  @ApiOperation({ summary: "A poll of a site, open between two times (the province's, or with an offset)" })
  @ApiCreatedResponse({ type: PollResponse })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreatePollRequest): Promise<PollView> {
    const province = this.tenants.current();
    return this.polls.create(p, province, {
      ...body,
      opensAt: pollTime(body.opensAt, province.timezone, 'opensAt'),
      closesAt: pollTime(body.closesAt, province.timezone, 'closesAt'),
    });
  }

  @Get(':id')
  @Requires('polls.manage')
  @ApiOkResponse({ type: PollResponse })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<PollView> {
    return this.polls.get(p, this.tenants.current(), id);
  }

  @Patch(':id')
  @Requires('polls.manage')
  @ApiOperation({ summary: 'Change a poll: anything before it opens, then only its end (a past end ends it now)' })
  @ApiOkResponse({ type: PollResponse })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdatePollRequest,
  ): Promise<PollView> {
    const province = this.tenants.current();
    const { opensAt, closesAt, ...rest } = body;
    return this.polls.update(p, province, id, {
      ...rest,
      ...(opensAt ? { opensAt: pollTime(opensAt, province.timezone, 'opensAt') } : {}),
      ...(closesAt ? { closesAt: pollTime(closesAt, province.timezone, 'closesAt') } : {}),
    });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Requires('polls.manage')
  @ApiOperation({ summary: 'Take the poll off the portal (kept with its votes)' })
  @ApiOkResponse({ type: PollResponse })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<PollView> {
    return this.polls.withdraw(p, this.tenants.current(), id);
  }

  @Get(':id/results')
  @Requires('polls.manage')
  @ApiOperation({ summary: 'The results: JSON, or a CSV or XLSX file' })
  @ApiProduces('application/json', TABLE_FILE_TYPES.csv, TABLE_FILE_TYPES.xlsx)
  @ApiOkResponse({ type: PollResponse })
  async results(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: ResultsQuery,
    @Res({ passthrough: true }) reply: FileReply,
  ): Promise<PollView | Buffer> {
    const province = this.tenants.current();
    if (!q.format || q.format === 'json') return this.polls.get(p, province, id);
    const table = await this.polls.resultsTable(p, province, id);
    reply
      .header('content-type', TABLE_FILE_TYPES[q.format])
      .header('content-disposition', `attachment; filename="ket-qua-tham-do-${id.slice(0, 8)}.${q.format}"`);
    return q.format === 'csv' ? tableCsv(table) : tableXlsx(table, 'Kết quả');
  }
}
