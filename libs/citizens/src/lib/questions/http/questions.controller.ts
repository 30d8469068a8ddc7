import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { MEDIA_FILE_CONTENT, type ReplyLike, sendMediaFile } from '@cong/content';
import { TenantContext } from '@cong/tenancy';
import { QuestionDesk } from '../question-desk';
import { QUESTION_STATUS_LABELS } from '../question-status';
import { QUESTION_STATUSES } from '../question.entity';
import {
  AnswerQuestionRequest,
  AssignQuestionRequest,
  DraftedAnswerResponse,
  QuestionDetailView,
  QuestionListQuery,
  QuestionPage,
  QuestionStatusLabel,
  ReasonRequest,
} from './questions.dto';

/** The officials' desk of citizens' questions: list, route, decline, mark spam, draft the answer. */
@ApiTags('citizens')
@ApiBearerAuth()
@Controller('questions')
export class QuestionsController {
  constructor(
    private readonly desk: QuestionDesk,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('questions.read')
  @ApiOperation({ summary: 'Questions within reach, newest first; `overdue=true`: open ones past their answer deadline' })
  @ApiOkResponse({ type: QuestionPage })
  list(@CurrentPrincipal() p: Principal, @Query() q: QuestionListQuery): Promise<QuestionPage> {
    return this.desk.list(p, this.tenants.current(), { ...q, limit: q.limit ?? 50 });
  }

  @Get('statuses')
  @Requires('questions.read')
  @ApiOperation({ summary: 'Every status a question can have, with its Vietnamese label' })
  @ApiOkResponse({ type: [QuestionStatusLabel] })
  statuses(): QuestionStatusLabel[] {
    return QUESTION_STATUSES.map((status) => ({ status, label: QUESTION_STATUS_LABELS[status] }));
  }

  @Get(':id')
  @Requires('questions.read')
  @ApiOperation({ summary: "A question with the asker's contacts (until erased) and its history" })
  @ApiOkResponse({ type: QuestionDetailView })
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<QuestionDetailView> {
    return this.desk.get(p, this.tenants.current(), id);
  }

  @Get(':id/attachment')
  @Requires('questions.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'The file sent with the question, for the desk only (never public); 404 when none or erased' })
  @ApiOkResponse({ description: 'The bytes, in the type of the file (images as WebP)', content: MEDIA_FILE_CONTENT })
  async attachment(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Res() reply: ReplyLike): Promise<void> {
    sendMediaFile(reply, await this.desk.attachment(p, this.tenants.current(), id), 'private, no-store');
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Requires('questions.route')
  @ApiOperation({ summary: 'Send the question to a unit, or move it on to another (with a reason)' })
  @ApiOkResponse({ type: QuestionDetailView })
  assign(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignQuestionRequest,
  ): Promise<QuestionDetailView> {
    return this.desk.assign(p, this.tenants.current(), id, body.unit, body.reason);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Requires('questions.route')
  @ApiOperation({ summary: 'Close the question unanswered, with the reason (out of scope, a complaint for another channel, …)' })
  @ApiOkResponse({ type: QuestionDetailView })
  decline(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReasonRequest,
  ): Promise<QuestionDetailView> {
    return this.desk.decline(p, this.tenants.current(), id, body.reason);
  }

  @Post(':id/spam')
  @HttpCode(200)
  @Requires('questions.route')
  @ApiOperation({ summary: 'Mark the question as spam, with the reason' })
  @ApiOkResponse({ type: QuestionDetailView })
  spam(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReasonRequest,
  ): Promise<QuestionDetailView> {
    return this.desk.markSpam(p, this.tenants.current(), id, body.reason);
  }

  @Post(':id/not-spam')
  @HttpCode(200)
  @Requires('questions.route')
  @ApiOperation({ summary: 'Put a question wrongly marked as spam back on the desk' })
  @ApiOkResponse({ type: QuestionDetailView })
  notSpam(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReasonRequest,
  ): Promise<QuestionDetailView> {
    return this.desk.unmarkSpam(p, this.tenants.current(), id, body.reason);
  }

  @Post(':id/answer')
  @Requires('questions.answer')
  @ApiOperation({ summary: "Draft the answer: a faq item of the question's unit, which then goes through the faq workflow" })
  @ApiCreatedResponse({ type: DraftedAnswerResponse })
  answer(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnswerQuestionRequest,
  ): Promise<DraftedAnswerResponse> {
    return this.desk.draftAnswer(p, this.tenants.current(), id, body);
  }
}
