import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { KeysetPageQuery } from '@cong/platform-database';
import { QUESTION_ACTIONS, QuestionAction } from '../question-event.entity';
import { DESK_ACTIONS, DeskAction } from '../question-status';
import { QUESTION_STATUSES, QuestionStatus } from '../question.entity';
import { SiteKey, SITE_KEY, trimmed } from '../../http/dto-parts';

/** A citizen's question, as the portal's form (or any client) sends it. */
export class AskQuestionRequest {
  @ApiPropertyOptional({ default: 'portal', description: '`portal` or the code of the unit whose sub-site it is asked on' })
  @IsOptional()
  @SiteKey()
  site: string = 'portal';
  @ApiPropertyOptional({
    description: 'The unit asked (its code); on a sub-site, default that unit; on the portal, the editorial board routes it',
  })
  @IsOptional()
  @Matches(SITE_KEY, { message: 'Đơn vị được hỏi không hợp lệ.' })
  unit?: string;
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @trimmed()
  @IsString({ message: 'Vui lòng nhập họ và tên.' })
  @MinLength(2, { message: 'Họ và tên phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Họ và tên không được dài quá 200 ký tự.' })
  name!: string;
  @ApiPropertyOptional({ description: 'Never shown publicly' })
  @IsOptional()
  @trimmed()
  @IsEmail({}, { message: 'Thư điện tử không đúng định dạng (ví dụ: ten@example.vn).' })
  @MaxLength(254, { message: 'Thư điện tử không được dài quá 254 ký tự.' })
  email?: string;
  @ApiPropertyOptional({ example: '0912 345 678', description: 'Never shown publicly' })
  @IsOptional()
  @trimmed()
  @Matches(/^(\+84|0)[\s.-]?\d([\s.-]?\d){8,9}$/, { message: 'Số điện thoại không đúng (ví dụ: 0912 345 678).' })
  phone?: string;
  @ApiPropertyOptional({ default: false, description: 'Show the name with the published answer' })
  @IsOptional()
  @IsBoolean({ message: '`showName` phải là true hoặc false.' })
  showName: boolean = false;
  @ApiProperty({ example: 'Thủ tục cấp giấy phép xây dựng nhà ở' })
  @trimmed()
  @IsString({ message: 'Vui lòng nhập tiêu đề câu hỏi.' })
  @MinLength(5, { message: 'Tiêu đề phải có ít nhất 5 ký tự.' })
  @MaxLength(300, { message: 'Tiêu đề không được dài quá 300 ký tự.' })
  title!: string;
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng nhập nội dung câu hỏi.' })
  @MinLength(10, { message: 'Nội dung câu hỏi phải có ít nhất 10 ký tự.' })
  @MaxLength(10000, { message: 'Nội dung câu hỏi không được dài quá 10.000 ký tự.' })
  question!: string;
  @ApiProperty({ description: 'Consent to the processing of the personal data given (Law 91/2025/QH15); must be true' })
  @Equals(true, { message: 'Vui lòng đồng ý cho cơ quan nhà nước xử lý thông tin cá nhân để trả lời câu hỏi.' })
  consent!: boolean;
  @ApiPropertyOptional({ description: "The ALTCHA widget's answer to GET /public/challenge (base64 JSON)" })
  @IsOptional()
  @IsString({ message: 'Lời giải thử thách chống thư rác không hợp lệ.' })
  @MaxLength(4000, { message: 'Lời giải thử thách chống thư rác không hợp lệ.' })
  altcha?: string;
  @ApiPropertyOptional({ description: 'Honeypot: the form hides it; people leave it empty' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class QuestionReceiptResponse {
  @ApiProperty({ example: '261203-K7Q2MX' }) reference!: string;
  @ApiProperty({ description: 'The private status link token, shown once: GET /public/questions/status/{token}' }) statusToken!: string;
  @ApiProperty({ example: '2026-12-03' }) receivedOn!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where the receipt was e-mailed (SMTP_URL set and an address given)' })
  emailedTo!: string | null;
}

export class PublicAnswerLink {
  @ApiProperty({ description: '`portal` or a unit code' }) site!: string;
  @ApiProperty() slug!: string;
}

/** What the asker sees through their private link: no personal data. */
export class QuestionStatusResponse {
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUESTION_STATUSES }) status!: QuestionStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit answering' }) unit!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The last day to answer on time' }) due!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: Date | null;
  @ApiProperty({ nullable: true, type: PublicAnswerLink }) answer!: PublicAnswerLink | null;
}

export class QuestionListQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @IsOptional()
  @IsIn(QUESTION_STATUSES, { message: `\`status\` phải là một trong: ${QUESTION_STATUSES.join(', ')}.` })
  status?: QuestionStatus;
  @ApiPropertyOptional({ description: 'A unit code' })
  @IsOptional()
  @Matches(SITE_KEY, { message: '`unit` phải là mã một đơn vị.' })
  unit?: string;
  @ApiPropertyOptional({ description: 'Only open questions past their answer deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '`overdue` phải là true hoặc false.' })
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'A reference, or words of the title or question (accents and case ignored)' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'Từ khóa phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Từ khóa không được dài quá 200 ký tự.' })
  q?: string;
}

export class QuestionUnitView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class QuestionSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUESTION_STATUSES }) status!: QuestionStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: '`portal` or a unit code: where it was asked' }) site!: string;
  @ApiProperty({ nullable: true, type: QuestionUnitView }) unit!: QuestionUnitView | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: Date;
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ nullable: true, type: String }) due!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The faq item of the answer' }) answerItemId!: string | null;
}

export class QuestionPage {
  @ApiProperty({ type: [QuestionSummaryView] }) items!: QuestionSummaryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class QuestionStepView {
  @ApiProperty({ format: 'date-time' }) at!: Date;
  @ApiProperty({ enum: QUESTION_ACTIONS }) action!: QuestionAction;
  @ApiProperty() actionLabel!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ nullable: true, type: String }) fromUnit!: string | null;
  @ApiProperty({ nullable: true, type: String }) toUnit!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class QuestionAttachmentView {
  @ApiProperty({ description: 'As sent, with the extension of what is stored (an image becomes .webp)' }) filename!: string;
  @ApiProperty() mime!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

export class QuestionDetailView extends QuestionSummaryView {
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Erased after the retention period' }) askerName!: string | null;
  @ApiProperty() showName!: boolean;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ format: 'date-time' }) consentedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) spamReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) contactsErasedAt!: Date | null;
  @ApiProperty({
    nullable: true,
    type: QuestionAttachmentView,
    description: 'The file sent with the question (GET …/attachment); erased with the contacts',
  })
  attachment!: QuestionAttachmentView | null;
  @ApiProperty({ type: [QuestionStepView] }) history!: QuestionStepView[];
  @ApiProperty({ enum: DESK_ACTIONS, isArray: true, description: 'What the caller may do with it now' }) actions!: DeskAction[];
}

export class QuestionStatusLabel {
  @ApiProperty({ enum: QUESTION_STATUSES }) status!: QuestionStatus;
  @ApiProperty() label!: string;
}

export class AssignQuestionRequest {
  @ApiProperty({ description: 'The unit to answer (its code)' })
  @Matches(SITE_KEY, { message: '`unit` phải là mã một đơn vị.' })
  unit!: string;
  @ApiPropertyOptional({ description: 'Required when moving it from another unit' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  reason?: string;
}

export class ReasonRequest {
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng ghi lý do.' })
  @MinLength(3, { message: 'Lý do phải có ít nhất 3 ký tự.' })
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  reason!: string;
}

export class AnswerQuestionRequest {
  @ApiProperty({ description: 'The answer (plain text; the faq item keeps it)' })
  @IsString({ message: 'Vui lòng nhập câu trả lời.' })
  @MinLength(2, { message: 'Câu trả lời phải có ít nhất 2 ký tự.' })
  @MaxLength(20000, { message: 'Câu trả lời không được dài quá 20.000 ký tự.' })
  answer!: string;
  @ApiPropertyOptional({ description: 'The question as published (personal details taken out); default as asked' })
  @IsOptional()
  @IsString()
  @MinLength(5, { message: 'Câu hỏi công bố phải có ít nhất 5 ký tự.' })
  @MaxLength(5000, { message: 'Câu hỏi công bố không được dài quá 5.000 ký tự.' })
  question?: string;
  @ApiPropertyOptional({ description: 'The published title; default as asked' })
  @IsOptional()
  @IsString()
  @MinLength(5, { message: 'Tiêu đề phải có ít nhất 5 ký tự.' })
  @MaxLength(300, { message: 'Tiêu đề không được dài quá 300 ký tự.' })
  title?: string;
  @ApiPropertyOptional({ description: 'A section slug of the site it was asked on' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: '`section` phải là đường dẫn của một chuyên mục.' })
  section?: string;
}

export class DraftedAnswerResponse {
  @ApiProperty({ type: QuestionDetailView }) question!: QuestionDetailView;
  @ApiProperty({ format: 'uuid', description: 'The faq item: take it through its workflow with POST /content/{id}/transitions' })
  itemId!: string;
}
