import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OneOf, WEEKDAYS, Weekday } from './one-of.validator';
import { RuleBase } from './rule-base';
import { CHANNELS, CONTENT_TYPES, PERIODS, RULE_ID, RULE_ID_MESSAGE, UNIT_KINDS } from './vocabulary';

/**
 * To whom a rule applies: unit kinds, named units (codes from units.yaml), or both. A rule without
 * `appliesTo` applies to every unit; one with an empty `appliesTo` is refused (it would bind nobody).
 */
export class AppliesTo {
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(UNIT_KINDS) unitKinds: string[] = [];
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(RULE_ID, { each: true, message: `Mỗi mục trong \`units\` ${RULE_ID_MESSAGE}` })
  units: string[] = [];
}

/** What counts towards a rule: published items of these content types on these channels. */
abstract class CountingRule extends RuleBase {
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CONTENT_TYPES) contentTypes: string[] = [...CONTENT_TYPES];
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CHANNELS) channels: string[] = [...CHANNELS];
  @IsOptional() @ValidateNested() @Type(() => AppliesTo) appliesTo?: AppliesTo;
}

/** NA-8.2: at least `min` qualifying items per unit per period. */
export class Quota extends CountingRule {
  @OneOf(PERIODS) period!: string;
  @IsInt() @Min(1) @Max(10000) min!: number;
}

/** LC-2.3a/b: items required on given weekdays (or every day); holidays are never required days. */
export class Schedule extends CountingRule {
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(WEEKDAYS) weekdays: Weekday[] = [];
  @IsOptional() @IsBoolean() everyDay = false;
  @IsInt() @Min(1) @Max(1000) minItemsPerDay!: number;
}

export const DAY_KINDS = ['calendar', 'working'] as const;

/**
 * NA-8.4: each item of `contentType` must be published within `within` days (calendar or working)
 * of the date in its `startsFrom` field; `within: 0` means "no later than that day".
 */
export class Deadline extends RuleBase {
  @OneOf(CONTENT_TYPES) contentType!: string;
  @IsString() startsFrom!: string;
  @IsInt() @Min(0) @Max(365) within!: number;
  @OneOf(DAY_KINDS) dayKind!: string;
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CHANNELS) channels: string[] = [...CHANNELS];
  @IsOptional() @ValidateNested() @Type(() => AppliesTo) appliesTo?: AppliesTo;
}
