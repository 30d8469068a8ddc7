import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LogPageQuery } from './audit-query.dto';

export class OperatorAccessQueryParams extends LogPageQuery {
  @ApiPropertyOptional({ description: 'Accesses about this province (code)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'tenant phải là mã tỉnh' })
  tenant?: string;
  @ApiPropertyOptional({ description: 'Accesses by this operator (username, or cli:<os-user>)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
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
