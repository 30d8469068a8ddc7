import { IsOmittable } from '@cong/platform-errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const CODE = /^[a-z][a-z0-9-]{0,62}$/;
const CODE_MESSAGE = 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ so-y-te).';
const PHONE = /^[0-9+().\s-]{6,20}$/;

export class CreateUnitRequest {
  @ApiProperty({ example: 'so-y-te' }) @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty({ example: 'Sở Y tế' }) @IsString() @MinLength(2) @MaxLength(300) name!: string;
  @ApiProperty({ example: 'department', description: 'A kind the province rules declare' })
  @Matches(/^[a-z][a-z-]{1,62}$/, { message: 'Phải là một loại đơn vị (ví dụ department).' })
  kind!: string;
  @ApiPropertyOptional({ example: 'ubnd-tinh' }) @IsOptional() @Matches(CODE, { message: CODE_MESSAGE }) parent?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  tags?: string[];
}

export class UpdateUnitRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(/^[a-z][a-z-]{1,62}$/, { message: 'Phải là một loại đơn vị (ví dụ department).' })
  kind?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null makes the unit a root' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  parent?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  tags?: string[];
}

export class LeaderContact {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Giám đốc' }) @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'Số điện thoại chưa đúng.' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class DivisionContact {
  @ApiProperty({ example: 'Bộ phận một cửa' }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'Số điện thoại chưa đúng.' }) phone?: string;
  @ApiPropertyOptional({ description: 'Deals with citizens and organisations (NA-5.1)' })
  @IsOptional()
  @IsBoolean()
  handlesCitizens?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) duties?: string;
}

/** NA-5.1: what a unit's introduction holds. */
export class UnitProfileRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) functions?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) duties?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(PHONE, { message: 'Số điện thoại chưa đúng.' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]{3,300}$/, { message: 'Trang web phải là địa chỉ http(s).' })
  website?: string;
  @ApiPropertyOptional({ type: [LeaderContact] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LeaderContact)
  leaders?: LeaderContact[];
  @ApiPropertyOptional({ type: [DivisionContact] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DivisionContact)
  divisions?: DivisionContact[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  fieldsOfActivity?: string[];
}

export class TeamLeaderRequest {
  @ApiProperty({ nullable: true, type: String, description: 'A user holding unit_head at this unit; null clears it' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  userId!: string | null;
}

export class UnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) parent!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: ['rules', 'api'], description: 'Kept by the rule files or by this API' }) managedBy!: string;
  @ApiProperty({ type: UnitProfileRequest }) profile!: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String }) teamLeaderId!: string | null;
}

export class TeamMemberView {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['unit_head', 'unit_editor'] }) role!: string;
  @ApiProperty() leader!: boolean;
}

export class TeamResponse {
  @ApiProperty() unit!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leaderId!: string | null;
  @ApiProperty({ type: [TeamMemberView] }) members!: TeamMemberView[];
}

/** `GET /units`: any other query parameter is a 422 naming it. */
export class UnitListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: deactivated units too' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Phải là true hoặc false.' })
  inactive?: 'true' | 'false';
}

export class UnitKindResponse {
  @ApiProperty({ example: 'department' }) kind!: string;
  @ApiProperty({ example: 'Sở', description: 'The label the rule file gives, or the kind itself when it gives none' }) label!: string;
}
