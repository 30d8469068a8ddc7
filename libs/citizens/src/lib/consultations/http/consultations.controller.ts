import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TABLE_FILE_TYPES, tableCsv, tableXlsx } from '@cong/platform-tables';
import { TenantContext } from '@cong/tenancy';
import { ConsultationDesk, ConsultationDetail } from '../consultation-desk';
import { ConsultationView, StaffCommentView } from '../consultation-views';
import {
  CommentsQuery,
  ConsultationDetailResponse,
  ConsultationResponse,
  ConsultationSiteQuery,
  CreateConsultationRequest,
  ModerateRequest,
  StaffCommentResponse,
  SummaryQuery,
  UpdateConsultationRequest,
} from './consultations.dto';

interface FileReply {
  header(name: string, value: string): FileReply;
}

/** Consultations on draft documents: open them, moderate the comments, export the summary for the drafting agency. */
@ApiTags('citizens')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly desk: ConsultationDesk,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('consultations.manage')
  @ApiOkResponse({ type: [ConsultationResponse] })
  list(@CurrentPrincipal() p: Principal, @Query() q: ConsultationSiteQuery): Promise<ConsultationView[]> {
    return this.desk.list(p, this.tenants.current(), q.site);
  }

  @Post()
  @Requires('consultations.manage')
  @ApiOperation({ summary: 'Open a draft for comments between two days (the item carrying it must be published)' })
  @ApiCreatedResponse({ type: ConsultationDetailResponse })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateConsultationRequest): Promise<ConsultationDetail> {
    return this.desk.create(p, this.tenants.current(), body);
  }

  @Get(':id')
  @Requires('consultations.manage')
  @ApiOperation({ summary: 'The consultation with every comment (and its moderation), oldest first' })
  @ApiOkResponse({ type: ConsultationDetailResponse })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: CommentsQuery,
  ): Promise<ConsultationDetail> {
    return this.desk.get(p, this.tenants.current(), id, q.status);
  }

  @Patch(':id')
  @Requires('consultations.manage')
  @ApiOperation({ summary: 'Change it: anything before it opens, then only the last day' })
  @ApiOkResponse({ type: ConsultationDetailResponse })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateConsultationRequest,
  ): Promise<ConsultationDetail> {
    return this.desk.update(p, this.tenants.current(), id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Requires('consultations.manage')
  @ApiOkResponse({ type: ConsultationDetailResponse })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConsultationDetail> {
    return this.desk.withdraw(p, this.tenants.current(), id);
  }

  @Post(':id/comments/:commentId/moderation')
  @HttpCode(200)
  @Requires('consultations.manage')
  @ApiOperation({ summary: 'Publish a comment, or keep it off the portal with the reason' })
  @ApiOkResponse({ type: StaffCommentResponse })
  moderate(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('commentId', new ParseUUIDPipe()) commentId: string,
    @Body() body: ModerateRequest,
  ): Promise<StaffCommentView> {
    return this.desk.moderate(p, this.tenants.current(), id, commentId, body.decision, body.reason);
  }

  @Get(':id/summary')
  @Requires('consultations.manage')
  @ApiOperation({ summary: 'Every comment per article, with its status: the summary for the drafting agency (XLSX or CSV)' })
  @ApiProduces(TABLE_FILE_TYPES.xlsx, TABLE_FILE_TYPES.csv)
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async summary(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: SummaryQuery,
    @Res({ passthrough: true }) reply: FileReply,
  ): Promise<Buffer> {
    const format = q.format ?? 'xlsx';
    const table = await this.desk.summary(p, this.tenants.current(), id);
    reply
      .header('content-type', TABLE_FILE_TYPES[format])
      .header('content-disposition', `attachment; filename="tong-hop-gop-y-${id.slice(0, 8)}.${format}"`);
    return format === 'csv' ? tableCsv(table) : tableXlsx(table, 'Tổng hợp góp ý');
  }
}
