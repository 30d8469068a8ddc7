import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { KeysetPageQuery } from '@cong/platform-database';
import { UNIT_REQUEST_KINDS, UnitRequestKind } from '@cong/rules';
import { DESK_ACTIONS, DeskAction } from '../unit-request-labels';
import { REQUEST_ACTIONS, RequestAction, UNIT_REQUEST_STATUSES, UnitRequestStatus } from '../unit-request.entity';

const UNIT_CODE = /^[a-z][a-z0-9-]{0,62}$/;
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class SendUnitRequest {
  @ApiProperty({ enum: UNIT_REQUEST_KINDS, description: '`proposal`: a public service to offer online; `problem`: a problem met' })
  @IsIn(UNIT_REQUEST_KINDS, { message: '`kind` phải là proposal (đề xuất) hoặc problem (phản ánh).' })
  kind!: UnitRequestKind;
  @ApiProperty({ example: 'so-y-te', description: 'The sending unit: one the caller holds a role for (or below it)' })
  @Matches(UNIT_CODE, { message: 'Đơn vị gửi phải là mã một đơn vị.' })
  unit!: string;
  @ApiProperty({ example: 'Cấp giấy phép hành nghề khám chữa bệnh trực tuyến' })
  @trimmed()
  @IsString({ message: 'Vui lòng nhập tiêu đề.' })
  @MinLength(5, { message: 'Tiêu đề phải có ít nhất 5 ký tự.' })
  @MaxLength(300, { message: 'Tiêu đề không được dài quá 300 ký tự.' })
  title!: string;
  @ApiProperty({ description: 'What is proposed (the service, who uses it, the procedure it serves) or what went wrong' })
  @trimmed()
  @IsString({ message: 'Vui lòng nhập nội dung.' })
  @MinLength(10, { message: 'Nội dung phải có ít nhất 10 ký tự.' })
  @MaxLength(20000, { message: 'Nội dung không được dài quá 20.000 ký tự.' })
  description!: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Ids of files uploaded with POST /media, at most five' })
  @IsOptional()
  @IsArray({ message: '`attachments` phải là danh sách mã tệp.' })
  @ArrayMaxSize(5, { message: 'Đính kèm tối đa 5 tệp.' })
  @IsUUID('4', { each: true, message: 'Mỗi tệp đính kèm phải là mã một tệp đã tải lên.' })
  attachments?: string[];
}

export class ForwardUnitRequest {
  @ApiProperty({ example: 'trung-tam-cntt', description: 'The unit to handle it from now on' })
  @Matches(UNIT_CODE, { message: 'Đơn vị nhận phải là mã một đơn vị.' })
  unit!: string;
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng cho biết lý do chuyển.' })
  @MinLength(3, { message: 'Vui lòng cho biết lý do chuyển.' })
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  reason!: string;
}

export class AnswerUnitRequest {
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng nhập nội dung trả lời.' })
  @MinLength(10, { message: 'Nội dung trả lời phải có ít nhất 10 ký tự.' })
  @MaxLength(20000, { message: 'Nội dung trả lời không được dài quá 20.000 ký tự.' })
  answer!: string;
}

export class WithdrawUnitRequest {
  @ApiProperty()
  @trimmed()
  @IsString({ message: 'Vui lòng cho biết lý do rút lại.' })
  @MinLength(3, { message: 'Vui lòng cho biết lý do rút lại.' })
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  reason!: string;
}

export class UnitRequestListQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: UNIT_REQUEST_KINDS })
  @IsOptional()
  @IsIn(UNIT_REQUEST_KINDS, { message: '`kind` phải là proposal hoặc problem.' })
  kind?: UnitRequestKind;
  @ApiPropertyOptional({ enum: UNIT_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(UNIT_REQUEST_STATUSES, { message: `\`status\` phải là một trong: ${UNIT_REQUEST_STATUSES.join(', ')}.` })
  status?: UnitRequestStatus;
  @ApiPropertyOptional({ description: 'Sent by this unit (a code)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: '`unit` phải là mã một đơn vị.' })
  unit?: string;
  @ApiPropertyOptional({ description: 'Handled by this unit (a code)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: '`handler` phải là mã một đơn vị.' })
  handler?: string;
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], description: 'Unit roles: those their units handle, or those they sent' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'], { message: '`box` phải là incoming (đến) hoặc outgoing (đi).' })
  box?: 'incoming' | 'outgoing';
  @ApiPropertyOptional({ description: 'Only open requests past their due day' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '`overdue` phải là true hoặc false.' })
  overdue?: boolean;
  @ApiPropertyOptional({ description: 'A number (DX-2026-7), or words of the title or description (accents and case ignored)' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'Từ khóa phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Từ khóa không được dài quá 200 ký tự.' })
  q?: string;
}

export class UnitRefResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class UnitRequestSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DX-2026-7' }) number!: string;
  @ApiProperty({ enum: UNIT_REQUEST_KINDS }) kind!: UnitRequestKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: UNIT_REQUEST_STATUSES }) status!: UnitRequestStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: UnitRefResponse }) unit!: UnitRefResponse;
  @ApiProperty({ type: UnitRefResponse, nullable: true, description: 'The unit answering it; null: the IT centre' })
  handler!: UnitRefResponse | null;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt!: Date;
  @ApiProperty({ example: '2026-12-04' }) sentOn!: string;
  @ApiProperty({ example: '2026-12-18', description: 'The last day of the answer (the rules in force when it was sent)' }) dueOn!: string;
  @ApiProperty({ description: 'Open and past dueOn' }) overdue!: boolean;
}

export class UnitRequestPageResponse {
  @ApiProperty({ type: [UnitRequestSummaryResponse] }) items!: UnitRequestSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UnitRequestAttachmentResponse {
  @ApiProperty({ format: 'uuid', description: 'Downloaded from GET /media/{id}/file' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
}

export class UnitRequestStepResponse {
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ enum: REQUEST_ACTIONS }) action!: RequestAction;
  @ApiProperty() actionLabel!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: String, nullable: true }) fromUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) toUnit!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class UnitRequestResponse extends UnitRequestSummaryResponse {
  @ApiProperty() description!: string;
  @ApiProperty({ type: [UnitRequestAttachmentResponse] }) attachments!: UnitRequestAttachmentResponse[];
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: Date | null;
  @ApiProperty({ type: [UnitRequestStepResponse] }) history!: UnitRequestStepResponse[];
  @ApiProperty({ enum: DESK_ACTIONS, isArray: true, description: 'What the caller may do next' }) actions!: DeskAction[];
}

export class UnitRequestRouteResponse {
  @ApiProperty({ enum: UNIT_REQUEST_KINDS }) kind!: UnitRequestKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ description: 'The province takes requests through the platform (rule `unitRequests.enabled`)' }) enabled!: boolean;
  @ApiProperty({ type: UnitRefResponse, nullable: true, description: 'The unit the rules route it to; null: the IT centre' })
  handler!: UnitRefResponse | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days to answer' }) answerWithin!: number | null;
  @ApiProperty({ enum: ['calendar', 'working'], nullable: true }) dayKind!: 'calendar' | 'working' | null;
}
