import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { POLL_CHOICES, PollChoice, RESULTS_SHOWN, ResultsShown } from '../poll.entity';
import { POLL_PHASE_LABELS, PollPhase } from '../poll-views';
import { SiteKey, trimmed, trimmedEach } from '../../http/dto-parts';

const DATE_TIME = 'ngày giờ dạng 2026-11-25T08:00 (giờ của tỉnh) hoặc 2026-11-25T08:00+07:00';

export class PollSiteQuery {
  @ApiPropertyOptional({ description: '`portal` or a unit code' })
  @IsOptional()
  @SiteKey()
  site?: string;
}

export class PublicPollsQuery {
  @ApiProperty({ description: '`portal` or a unit code' })
  @SiteKey()
  site!: string;
}

class PollFields {
  @ApiProperty({ example: 'Bạn đánh giá thế nào về chất lượng dịch vụ công trực tuyến của tỉnh?' })
  @trimmed()
  @IsString()
  @MinLength(5, { message: 'Câu hỏi phải có ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Câu hỏi không được dài quá 500 ký tự.' })
  question!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Phần giới thiệu không được dài quá 5.000 ký tự.' })
  description?: string;
  @ApiProperty({ enum: POLL_CHOICES })
  @IsIn(POLL_CHOICES, { message: '`choice` phải là single (chọn một) hoặc multiple (chọn nhiều).' })
  choice!: PollChoice;
  @ApiPropertyOptional({ description: 'Multiple choice: at most this many options' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxChoices?: number;
  @ApiProperty({ type: [String], minItems: 2, maxItems: 20 })
  @trimmedEach()
  @IsArray()
  @ArrayMinSize(2, { message: 'Cần ít nhất 2 phương án.' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 phương án.' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'Phương án không được để trống.' })
  @MaxLength(300, { each: true, message: 'Mỗi phương án không được dài quá 300 ký tự.' })
  options!: string[];
  @ApiProperty({ example: '2026-12-05T08:00', description: "The province's time, or with an offset" })
  @IsString({ message: `\`opensAt\` phải là ${DATE_TIME}.` })
  opensAt!: string;
  @ApiProperty({ example: '2026-12-20T17:00' })
  @IsString({ message: `\`closesAt\` phải là ${DATE_TIME}.` })
  closesAt!: string;
  @ApiProperty({ enum: RESULTS_SHOWN, description: 'Results to citizens once they have voted, or only once closed' })
  @IsIn(RESULTS_SHOWN, { message: '`resultsShown` phải là after_vote hoặc after_close.' })
  resultsShown!: ResultsShown;
}

export class CreatePollRequest extends PollFields {
  @ApiProperty({ description: '`portal` or the code of a unit with a sub-site' })
  @SiteKey()
  site!: string;
}

/** Before it opens, any field; once open, `closesAt` only. */
export class UpdatePollRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @trimmed()
  @IsString()
  @MinLength(5, { message: 'Câu hỏi phải có ít nhất 5 ký tự.' })
  @MaxLength(500, { message: 'Câu hỏi không được dài quá 500 ký tự.' })
  question?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Phần giới thiệu không được dài quá 5.000 ký tự.' })
  description?: string;
  @ApiPropertyOptional({ enum: POLL_CHOICES })
  @IsOptional()
  @IsIn(POLL_CHOICES, { message: '`choice` phải là single (chọn một) hoặc multiple (chọn nhiều).' })
  choice?: PollChoice;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null: no limit' })
  @IsOptional()
  @IsInt({ message: 'Số phương án được chọn tối đa phải là một số nguyên.' })
  @Min(1, { message: 'Số phương án được chọn tối đa phải từ 1.' })
  @Max(20, { message: 'Số phương án được chọn tối đa không quá 20.' })
  maxChoices?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @trimmedEach()
  @IsArray()
  @ArrayMinSize(2, { message: 'Cần ít nhất 2 phương án.' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 phương án.' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'Phương án không được để trống.' })
  @MaxLength(300, { each: true, message: 'Mỗi phương án không được dài quá 300 ký tự.' })
  options?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() closesAt?: string;
  @ApiPropertyOptional({ enum: RESULTS_SHOWN })
  @IsOptional()
  @IsIn(RESULTS_SHOWN, { message: '`resultsShown` phải là after_vote hoặc after_close.' })
  resultsShown?: ResultsShown;
}

export class ResultsQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: '`format` phải là json, csv hoặc xlsx.' })
  format?: 'json' | 'csv' | 'xlsx';
}

export class VoteRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The options chosen (their ids)' })
  @IsArray({ message: 'Vui lòng chọn phương án.' })
  @ArrayMinSize(1, { message: 'Vui lòng chọn một phương án.' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Phương án đã chọn không hợp lệ.' })
  options!: string[];
  @ApiPropertyOptional({ description: "The ALTCHA widget's answer to GET /public/challenge?purpose=vote" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  altcha?: string;
}

export class PollOptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
}

export class PollCountView {
  @ApiProperty({ format: 'uuid' }) optionId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() votes!: number;
  @ApiProperty({ description: 'Of the voters, one decimal' }) percent!: number;
}

export class PollResultsView {
  @ApiProperty() voters!: number;
  @ApiProperty({ type: [PollCountView] }) counts!: PollCountView[];
}

export class PollResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() site!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: POLL_CHOICES }) choice!: PollChoice;
  @ApiProperty({ nullable: true, type: Number }) maxChoices!: number | null;
  @ApiProperty({ format: 'date-time' }) opensAt!: Date;
  @ApiProperty({ format: 'date-time' }) closesAt!: Date;
  @ApiProperty({ example: '05/12/2026 08:00 (GMT+7)' }) opensAtText!: string;
  @ApiProperty() closesAtText!: string;
  @ApiProperty({ enum: RESULTS_SHOWN }) resultsShown!: ResultsShown;
  @ApiProperty({ enum: Object.keys(POLL_PHASE_LABELS) }) phase!: PollPhase;
  @ApiProperty() phaseLabel!: string;
  @ApiProperty({ type: [PollOptionView] }) options!: PollOptionView[];
  @ApiProperty({ nullable: true, type: PollResultsView, description: 'Null while the poll does not show them' })
  results!: PollResultsView | null;
}

export class PublicPollResponse extends PollResponse {
  @ApiProperty({ description: 'This browser has voted (by its voter cookie)' }) voted!: boolean;
}
