import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { OneOf } from './one-of.validator';
import { RULE_ID, RULE_ID_MESSAGE, UNIT_KINDS } from './vocabulary';

/** One unit (đơn vị) of the province: a department, a district, a newspaper, … */
export class UnitEntry {
  /** Stable code used by rules (`appliesTo.units`), URLs and imports: `so-tai-chinh`, `tp-lao-cai`. */
  @Matches(RULE_ID, { message: `\`code\` ${RULE_ID_MESSAGE}` }) code!: string;
  @IsString() @MinLength(2) name!: string;
  @OneOf(UNIT_KINDS) kind!: string;
  /** Code of the parent unit; the root units (usually the provincial People's Committee) have none. */
  @IsOptional() @Matches(RULE_ID, { message: `\`parent\` ${RULE_ID_MESSAGE}` }) parent?: string;
  /** Free labels rules and reports can use, e.g. `pilot-online-services` (LC-2.1.3). */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(RULE_ID, { each: true, message: `Mỗi mục trong \`tags\` ${RULE_ID_MESSAGE}` })
  tags: string[] = [];
}

/** `tenants/<code>/units.yaml`: the province's unit tree as a flat list with parent codes. */
export class UnitTree {
  @IsArray() @ValidateNested({ each: true }) @Type(() => UnitEntry) units!: UnitEntry[];
}
