import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { COMMENT_STATUSES, CommentStatus } from '../consultation.entity';
import { CONSULTATION_PHASE_LABELS, ConsultationPhase } from '../consultation-views';
import { CalendarDay } from '@cong/rules';
import { SiteKey, trimmed, trimmedEach } from '../../http/dto-parts';

export class ConsultationSiteQuery {
  @ApiPropertyOptional({ description: '`portal` or a unit code' })
  @IsOptional()
  @SiteKey()
  site?: string;
}

export class PublicConsultationsQuery {
  @ApiProperty({ description: '`portal` or a unit code' })
  @SiteKey()
  site!: string;
}

export class CommentsQuery {
  @ApiPropertyOptional({ enum: COMMENT_STATUSES })
  @IsOptional()
  @IsIn(COMMENT_STATUSES, { message: `\`status\` phải là một trong: ${COMMENT_STATUSES.join(', ')}.` })
  status?: CommentStatus;
}

export class SummaryQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: '`format` phải là csv hoặc xlsx.' })
  format?: 'csv' | 'xlsx';
}

export class CreateConsultationRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The published item that carries the draft and its file (its site and unit are the consultation’s)',
  })
  @IsUUID('all', { message: '`documentItem` phải là mã của một tin bài đã đăng.' })
  documentItem!: string;
  @ApiProperty({ example: 'Dự thảo Quyết định ban hành Quy chế quản lý cổng thông tin điện tử tỉnh' })
  @trimmed()
  @IsString()
  @MinLength(5, { message: 'Tên dự thảo phải có ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Tên dự thảo không được dài quá 500 ký tự.' })
  title!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Tóm tắt không được dài quá 5.000 ký tự.' })
  summary?: string;
  @ApiPropertyOptional({ type: [String], description: 'The articles comments may name ("Điều 1. Phạm vi điều chỉnh")' })
  @IsOptional()
  @trimmedEach()
  @IsArray()
  @ArrayMaxSize(300, { message: 'Tối đa 300 điều khoản.' })
  @IsString({ each: true })
  @MinLength(2, { each: true, message: 'Tên điều khoản phải có ít nhất 2 ký tự.' })
  @MaxLength(300, { each: true, message: 'Tên điều khoản không được dài quá 300 ký tự.' })
  articles?: string[];
  @ApiProperty({ example: '2026-12-01', description: "The first day (the province's), YYYY-MM-DD" })
  @CalendarDay('opensOn')
  opensOn!: string;
  @ApiProperty({ example: '2026-12-31', description: 'The last day, included' })
  @CalendarDay('closesOn')
  closesOn!: string;
}

export class UpdateConsultationRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @trimmed()
  @IsString()
  @MinLength(5, { message: 'Tên dự thảo phải có ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Tên dự thảo không được dài quá 500 ký tự.' })
  title?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Tóm tắt không được dài quá 5.000 ký tự.' })
  summary?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @trimmedEach()
  @IsArray()
  @ArrayMaxSize(300, { message: 'Tối đa 300 điều khoản.' })
  @IsString({ each: true })
  @MinLength(2, { each: true, message: 'Tên điều khoản phải có ít nhất 2 ký tự.' })
  @MaxLength(300, { each: true, message: 'Tên điều khoản không được dài quá 300 ký tự.' })
  articles?: string[];
  @ApiPropertyOptional() @IsOptional() @CalendarDay('opensOn') opensOn?: string;
  @ApiPropertyOptional() @IsOptional() @CalendarDay('closesOn') closesOn?: string;
}

export class ModerateRequest {
  @ApiProperty({ enum: ['published', 'rejected'] })
  @IsIn(['published', 'rejected'], { message: '`decision` phải là published (công bố) hoặc rejected (không công bố).' })
  decision!: 'published' | 'rejected';
  @ApiPropertyOptional({ description: 'Required when not published' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  reason?: string;
}

export class CommentRequest {
  @ApiPropertyOptional({ description: "An article's index (from 0); absent: the draft as a whole" })
  @IsOptional()
  @IsInt({ message: 'Điều khoản được góp ý không hợp lệ.' })
  @Min(0, { message: 'Điều khoản được góp ý không hợp lệ.' })
  @Max(299, { message: 'Điều khoản được góp ý không hợp lệ.' })
  article?: number;
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng nhập họ và tên.' })
  @MinLength(2, { message: 'Họ và tên phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Họ và tên không được dài quá 200 ký tự.' })
  name!: string;
  @ApiPropertyOptional({ description: 'For an organisation commenting' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(300, { message: 'Tên cơ quan, tổ chức không được dài quá 300 ký tự.' })
  organisation?: string;
  @ApiPropertyOptional({ description: 'Never shown publicly' })
  @IsOptional()
  @trimmed()
  @IsEmail({}, { message: 'Thư điện tử không đúng định dạng (ví dụ: ten@example.vn).' })
  @MaxLength(254)
  email?: string;
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng nhập nội dung góp ý.' })
  @MinLength(5, { message: 'Nội dung góp ý phải có ít nhất 5 ký tự.' })
  @MaxLength(10000, { message: 'Nội dung góp ý không được dài quá 10.000 ký tự.' })
  comment!: string;
  @ApiProperty({ description: 'Consent to the processing of the name and e-mail given (Law 91/2025/QH15); must be true' })
  @Equals(true, { message: 'Vui lòng đồng ý cho cơ quan nhà nước xử lý thông tin cá nhân để tiếp nhận góp ý.' })
  consent!: boolean;
  @ApiPropertyOptional({ description: "The ALTCHA widget's answer to GET /public/challenge?purpose=comment" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  altcha?: string;
}

class DocumentLink {
  @ApiProperty() site!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
}
class UnitRef {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: Number }) article!: number | null;
  @ApiProperty() articleLabel!: string;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: Date;
}

export class StaffCommentResponse extends CommentResponse {
  @ApiProperty({ nullable: true, type: String, description: 'Erased after the retention period' }) email!: string | null;
  @ApiProperty({ enum: COMMENT_STATUSES }) status!: CommentStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) moderationReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) moderatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) moderatedAt!: Date | null;
}

export class ConsultationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() site!: string;
  @ApiProperty({ type: UnitRef, description: 'The drafting agency' }) unit!: UnitRef;
  @ApiProperty({ type: DocumentLink, description: 'The published item carrying the draft' }) document!: DocumentLink;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: [String] }) articles!: string[];
  @ApiProperty() opensOn!: string;
  @ApiProperty() closesOn!: string;
  @ApiProperty({ example: 'từ 01/12/2026 đến 31/12/2026' }) period!: string;
  @ApiProperty({ enum: Object.keys(CONSULTATION_PHASE_LABELS) }) phase!: ConsultationPhase;
  @ApiProperty() phaseLabel!: string;
  @ApiProperty() commentCount!: number;
}

export class ConsultationDetailResponse extends ConsultationResponse {
  @ApiProperty({ type: [StaffCommentResponse] }) comments!: StaffCommentResponse[];
}

export class PublicConsultationResponse extends ConsultationResponse {
  @ApiProperty({ type: [CommentResponse], description: 'Published comments' }) comments!: CommentResponse[];
}

export class CommentReceiptResponse {
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ example: 'Góp ý đã được tiếp nhận và sẽ được công bố sau khi được kiểm duyệt.' }) message!: string;
}
