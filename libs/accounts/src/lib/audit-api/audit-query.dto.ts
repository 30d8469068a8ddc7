import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction } from '@cong/platform-audit';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { KeysetPageQuery } from '@cong/platform-database';

/** A log read newest first: a range of instants (from included, to excluded) and a page. */
export class LogPageQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AuditQueryParams extends LogPageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, isArray: true, description: 'One or several, comma-separated' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value))
  @IsIn(AUDIT_ACTIONS, { each: true, message: 'action phải là hành động có trong nhật ký (xem GET /api/v1/audit/actions)' })
  action?: AuditAction[];

  @ApiPropertyOptional({ description: 'Entries by this user id' }) @IsOptional() @IsUUID() actor?: string;
  @ApiPropertyOptional({ description: 'Entries about this subject (a user, unit, version id)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
  @ApiPropertyOptional({ description: 'Entries about this unit (code): the unit itself, roles held there, its items' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'unit phải là mã đơn vị (chữ thường, chữ số, dấu "-")' })
  unit?: string;
}

export class OperatorAuditQueryParams extends AuditQueryParams {
  @ApiPropertyOptional({ description: 'A province code; all provinces and platform events when left out' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'tenant phải là mã tỉnh' })
  tenant?: string;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) tenantId!: string | null;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty() actorLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectType!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty() details!: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ip!: string | null;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last' }) nextCursor!:
    string | null;
}

export class AuditExportQuery extends AuditQueryParams {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format phải là csv hoặc xlsx' })
  format!: 'csv' | 'xlsx';
}

export class AuditActionView {
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ description: 'The action as the console names it, in Vietnamese' }) label!: string;
}
