import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { QuestionIntake } from '../question-intake';
import { QuestionStatusLookup } from '../question-status-lookup';
import { AskQuestionRequest, QuestionReceiptResponse, QuestionStatusResponse } from './questions.dto';

interface OriginRequest {
  protocol?: string;
  host?: string;
  hostname?: string;
}

/** Citizens ask (hỏi đáp trực tuyến) and follow their question by its private link; no account. */
@ApiTags('citizens')
@Controller('public/questions')
export class PublicQuestionsController {
  constructor(
    private readonly intake: QuestionIntake,
    private readonly lookup: QuestionStatusLookup,
    private readonly tenants: TenantContext,
  ) {}

  @Post()
  @Public()
  @RateLimit('public-write')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Ask a question: name, an e-mail or a phone, title, question, consent, and a solved GET /public/challenge?purpose=question. ' +
      'Rate-limited per address and per contact; looks-like-spam is kept and marked.',
  })
  @ApiCreatedResponse({ type: QuestionReceiptResponse })
  ask(@Body() body: AskQuestionRequest, @Req() req: OriginRequest): Promise<QuestionReceiptResponse> {
    const tenant = this.tenants.current();
    return this.intake.ask(tenant, body, `${req.protocol ?? 'https'}://${req.host ?? req.hostname ?? ''}`);
  }

  @Get('status/:token')
  @Public()
  @ApiOperation({ summary: "Where a question stands, by the asker's private link (no personal data)" })
  @ApiOkResponse({ type: QuestionStatusResponse })
  status(@Param('token') token: string): Promise<QuestionStatusResponse> {
    return this.lookup.byToken(this.tenants.current(), token);
  }
}
