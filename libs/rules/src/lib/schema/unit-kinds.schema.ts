import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { OneOf } from './one-of.validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID, RULE_ID, RULE_ID_MESSAGE, UNIT_KINDS } from './vocabulary';

export class SectionSpec {
  @Matches(RULE_ID, { message: `\`id\` ${RULE_ID_MESSAGE}` }) id!: string;
  @IsString() @MinLength(2) title!: string;
  /** Sub-sections, e.g. "Giới thiệu chung" → "Cơ cấu tổ chức", "Chức năng, nhiệm vụ" (LC-2.1.1a). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SectionSpec) children?: SectionSpec[];
  /** The article that asks for this section (NA-5.3: "Thủ tục hành chính"), when it is one of its own. */
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
}

export class SubsiteSpec {
  /** Sections a new sub-site of this kind starts with (LC-2.1.1, LC-2.1.2). */
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => SectionSpec) sections!: SectionSpec[];
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
}

/** A kind of unit the province has, and whether its units get a sub-site (LC-1.1). */
export class UnitKindSpec {
  @OneOf(UNIT_KINDS) kind!: string;
  /** Vietnamese name shown to officials, e.g. "Sở, ban, ngành". */
  @IsOptional() @IsString() @MinLength(2) label?: string;
  @IsOptional() @ValidateNested() @Type(() => SubsiteSpec) subsite?: SubsiteSpec;
}
