import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CalendarDay } from '@cong/rules';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const MAX_FILE = 1024 * 512;

export class SubmitRulesRequest {
  @ApiProperty({ description: 'tenant.yaml as written (see tenants/README.md)' })
  @IsString()
  @MaxLength(MAX_FILE)
  tenantYaml!: string;

  @ApiProperty({ description: 'units.yaml as written' })
  @IsString()
  @MaxLength(MAX_FILE)
  unitsYaml!: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'For a file without effectiveFrom; must agree with it otherwise' })
  @IsOptional()
  @CalendarDay('effectiveFrom')
  effectiveFrom?: string;

  @ApiPropertyOptional({ description: 'Stored with the version, e.g. the amending decision' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ description: 'Only report what would change' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class RulesOnQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: "Default: today in the province's time zone" })
  @IsOptional()
  @CalendarDay('on')
  on?: string;
}

export class DiffQuery {
  @ApiProperty() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) to!: number;
}

export class RuleVersionSummary {
  @ApiProperty() version!: number;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty() checksum!: string;
  @ApiProperty() appliedBy!: string;
  @ApiProperty() appliedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
}

export class RuleVersionDetail extends RuleVersionSummary {
  @ApiProperty({ description: 'The validated rule set with defaults filled in' }) document!: Record<string, unknown>;
  @ApiProperty({ description: 'tenant.yaml as applied' }) source!: string;
}

export class TenantSummary {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: [String] }) domains!: string[];
  @ApiProperty({ description: 'Active units of the province' }) unitCount!: number;
  @ApiPropertyOptional({ type: RuleVersionSummary, nullable: true }) rulesInForce!: RuleVersionSummary | null;
}

export class RuleChangeView {
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: string;
  @ApiProperty() path!: string;
  @ApiPropertyOptional() before?: unknown;
  @ApiPropertyOptional() after?: unknown;
  @ApiProperty({ description: 'The change as one readable line' }) text!: string;
}

export class SubmitRulesResponse {
  @ApiProperty() changed!: boolean;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [String], description: 'What changed (or would change), line by line' }) plan!: string[];
  @ApiPropertyOptional({ type: RuleVersionSummary, nullable: true }) latestVersion!: RuleVersionSummary | null;
}

export class RuleFilesResponse {
  @ApiProperty({ description: 'tenant.yaml of the newest version, as applied (empty before the first)' }) tenantYaml!: string;
  @ApiProperty({ description: 'units.yaml written from the stored units the rule files keep (comments are not kept)' })
  unitsYaml!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The newest version, which tenantYaml is' })
  latestVersion!: number | null;
}
