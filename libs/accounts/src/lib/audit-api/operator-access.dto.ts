import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class OperatorAccessQueryParams {
  @ApiPropertyOptional({ description: 'Accesses about this province (code)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'tenant phải là mã tỉnh' })
  tenant?: string;
  @ApiPropertyOptional({ description: 'Accesses by this operator (username, or cli:<os-user>)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'cursor không phải con trỏ trang do API này cấp' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

/** The province's own view: its accesses only, so no province filter. */
export class ProvinceOperatorAccessQuery extends OperatorAccessQueryParams {}

export class OperatorAccessView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Who opened every province: an operator username, or cli:<os-user> for tooling' }) actorLabel!: string;
  @ApiProperty({ description: 'Why, as given when the access began' }) reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The province concerned (code), when the work named one' })
  tenant!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) tenantName!: string | null;
  @ApiProperty() startedAt!: Date;
}

export class OperatorAccessPage {
  @ApiProperty({ type: [OperatorAccessView] }) items!: OperatorAccessView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor!: string | null;
}
