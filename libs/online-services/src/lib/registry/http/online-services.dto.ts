import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { KeysetPageQuery } from '@cong/platform-database';
import { DECISIONS, type Decision, SERVICE_ACTIONS, type ServiceAction } from '../online-service-labels';
import {
  ONLINE_SERVICE_LEVELS,
  ONLINE_SERVICE_STATUSES,
  type OnlineServiceLevel,
  type OnlineServiceStatus,
} from '../online-service.entity';

const UNIT_CODE = /^[a-z][a-z0-9-]{0,62}$/;
/** A code of the National Public Service Portal: digits, letters, dots and dashes (`1.001234`, `2.000889.000.00.00.H39`). */
const SERVICE_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{1,39}$/;
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Where citizens use a service: `https://host.tld/…` (or http), no user name, no spaces. */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#@]+\.[^\s/?#@.]+(?::\d{1,5})?(?:[/?#]\S*)?$/;

const NAME = {
  string: 'Vui lòng nhập tên dịch vụ.',
  min: 'Tên dịch vụ phải có ít nhất 5 ký tự.',
  max: 'Tên dịch vụ không được dài quá 300 ký tự.',
};
const LEVEL = 'Mức độ phải là full (toàn trình) hoặc partial (một phần).';

/** The optional parts of an entry; null clears one. */
class OnlineServiceLinks {
  @ApiPropertyOptional({ type: String, nullable: true, example: '1.009972', description: 'Its code on the National Public Service Portal' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @trimmed()
  @Matches(SERVICE_CODE, { message: 'Mã dịch vụ chỉ gồm chữ, số, dấu chấm và gạch ngang (ví dụ 1.009972), tối đa 40 ký tự.' })
  code?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.009972',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @trimmed()
  @MaxLength(500, { message: 'Địa chỉ không được dài quá 500 ký tự.' })
  // The scheme as the database keeps it (lower case, with `//`), a host with a dot and no user name before it, no spaces.
  @Matches(WEB_ADDRESS, { message: 'Địa chỉ dịch vụ phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// (hoặc http://).' })
  url?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The procedure item (content type `procedure`) of the unit (or a unit below it) it serves',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Thủ tục hành chính phải là mã một tin bài.' })
  procedure?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The proposal (a unit request of kind proposal) of the unit it came from',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Đề xuất phải là mã một đề xuất của đơn vị.' })
  request?: string | null;
}

/** A correction: the fields it changes. The name and the level cannot be cleared (null is refused). */
export class ChangeOnlineService extends OnlineServiceLinks {
  @ApiPropertyOptional({ example: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' })
  @ValidateIf((_, v) => v !== undefined)
  @trimmed()
  @IsString({ message: NAME.string })
  @MinLength(5, { message: NAME.min })
  @MaxLength(300, { message: NAME.max })
  name?: string;
  @ApiPropertyOptional({ enum: ONLINE_SERVICE_LEVELS, description: '`full`: toàn trình; `partial`: một phần' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(ONLINE_SERVICE_LEVELS, { message: LEVEL })
  level?: OnlineServiceLevel;
}

export class RegisterOnlineService extends OnlineServiceLinks {
  @ApiProperty({ example: 'so-xay-dung', description: 'The providing unit: one the caller holds a role for (or below it)' })
  @Matches(UNIT_CODE, { message: 'Đơn vị phải là mã một đơn vị.' })
  unit!: string;
  @ApiProperty({ example: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' })
  @trimmed()
  @IsString({ message: NAME.string })
  @MinLength(5, { message: NAME.min })
  @MaxLength(300, { message: NAME.max })
  name!: string;
  @ApiProperty({ enum: ONLINE_SERVICE_LEVELS, description: '`full`: toàn trình; `partial`: một phần' })
  @IsIn(ONLINE_SERVICE_LEVELS, { message: LEVEL })
  level!: OnlineServiceLevel;
}

export class DecideOnlineService {
  @ApiProperty({ enum: DECISIONS, description: '`active`: accept (or resume); `declined`; `suspended`; `retired`' })
  @IsIn(DECISIONS, { message: `\`status\` phải là một trong: ${DECISIONS.join(', ')}.` })
  status!: Decision;
  @ApiPropertyOptional({ description: 'The reason: required to decline, suspend or retire' })
  @IsOptional()
  @trimmed()
  @IsString({ message: 'Lý do phải là văn bản.' })
  @MaxLength(2000, { message: 'Lý do không được dài quá 2.000 ký tự.' })
  note?: string;
}

export class OnlineServiceListQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ description: 'Of this unit (a code)' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: '`unit` phải là mã một đơn vị.' })
  unit?: string;
  @ApiPropertyOptional({ enum: ONLINE_SERVICE_STATUSES })
  @IsOptional()
  @IsIn(ONLINE_SERVICE_STATUSES, { message: `\`status\` phải là một trong: ${ONLINE_SERVICE_STATUSES.join(', ')}.` })
  status?: OnlineServiceStatus;
  @ApiPropertyOptional({ enum: ONLINE_SERVICE_LEVELS })
  @IsOptional()
  @IsIn(ONLINE_SERVICE_LEVELS, { message: '`level` phải là full hoặc partial.' })
  level?: OnlineServiceLevel;
  @ApiPropertyOptional({ description: 'Words of the name, or the code (accents and case ignored)' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'Từ khóa phải có ít nhất 2 ký tự.' })
  @MaxLength(200, { message: 'Từ khóa không được dài quá 200 ký tự.' })
  q?: string;
}

class ServiceUnitResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class ServiceProcedureResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class ServiceRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DX-2026-7' }) number!: string;
}

export class OnlineServiceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ServiceUnitResponse }) unit!: ServiceUnitResponse;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ enum: ONLINE_SERVICE_LEVELS }) level!: OnlineServiceLevel;
  @ApiProperty({ example: 'Toàn trình' }) levelLabel!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: ServiceProcedureResponse, nullable: true }) procedure!: ServiceProcedureResponse | null;
  @ApiProperty({ type: ServiceRequestResponse, nullable: true }) request!: ServiceRequestResponse | null;
  @ApiProperty({ enum: ONLINE_SERVICE_STATUSES }) status!: OnlineServiceStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The reason of the last decline, suspension or retirement' })
  statusNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: Date;
  @ApiProperty() registeredBy!: string;
  @ApiProperty({ enum: SERVICE_ACTIONS, isArray: true, description: 'What the caller may do next' }) actions!: ServiceAction[];
}

export class OnlineServicePageResponse {
  @ApiProperty({ type: [OnlineServiceResponse] }) items!: OnlineServiceResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
