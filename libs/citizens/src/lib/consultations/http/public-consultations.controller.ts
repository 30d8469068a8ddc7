import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { ConsultationBox, PublicConsultation } from '../consultation-box';
import { ConsultationView } from '../consultation-views';
import {
  CommentReceiptResponse,
  CommentRequest,
  ConsultationResponse,
  PublicConsultationResponse,
  PublicConsultationsQuery,
} from './consultations.dto';

export const COMMENT_RECEIVED = 'Góp ý đã được tiếp nhận và sẽ được công bố sau khi được kiểm duyệt.';

/** Citizens and organisations read drafts open for comments and comment on them, without an account. */
@ApiTags('citizens')
@Controller('public/consultations')
export class PublicConsultationsController {
  constructor(
    private readonly box: ConsultationBox,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "A site's drafts that have opened for comments (open and closed), newest first" })
  @ApiOkResponse({ type: [ConsultationResponse] })
  list(@Query() q: PublicConsultationsQuery): Promise<ConsultationView[]> {
    return this.box.list(this.tenants.current(), q.site);
  }

  @Get(':id')
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PublicConsultationResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicConsultation> {
    return this.box.get(this.tenants.current(), id);
  }

  @Post(':id/comments')
  @Public()
  @RateLimit('public-write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Comment on the draft (or one article) with a solved GET /public/challenge?purpose=comment; public once moderated',
  })
  @ApiCreatedResponse({ type: CommentReceiptResponse })
  async comment(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentRequest): Promise<CommentReceiptResponse> {
    const { receivedOn } = await this.box.comment(this.tenants.current(), id, { ...body, proof: { altcha: body.altcha } });
    return { receivedOn, message: COMMENT_RECEIVED };
  }
}
