import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DAY_KINDS } from './obligations.schema';
import { OneOf } from './one-of.validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID, RULE_ID, RULE_ID_MESSAGE } from './vocabulary';

/** The kinds of request a unit sends the province (NA-8.5): a public service to offer online, or a problem met. */
export const UNIT_REQUEST_KINDS = ['proposal', 'problem'] as const;
export type UnitRequestKind = (typeof UNIT_REQUEST_KINDS)[number];

/** Where one kind of request goes and how long its answer may take. */
export class UnitRequestRoute {
  /**
   * The code (units.yaml) of the unit that receives and answers it: its head and editors, and the
   * IT centre (`tenant_admin`) anywhere. Left out: the IT centre alone.
   */
  @IsOptional() @Matches(RULE_ID, { message: `\`handledBy\` ${RULE_ID_MESSAGE}` }) handledBy?: string;
  /** Days from the day it was sent to the last day of the answer. */
  @IsInt() @Min(1) @Max(90) answerWithin = 10;
  @OneOf(DAY_KINDS) dayKind = 'working';
}

/**
 * Units' proposals and problem reports to the province (đề xuất, phản ánh; NA-8.5, LC-2.1.3): each
 * kind routed to the unit the decision names, answered within its deadline.
 */
export class UnitRequestRules {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  /** Off: the console offers no request form and the API refuses new requests (those sent stay). */
  @IsBoolean() enabled = true;
  @IsOptional() @ValidateNested() @Type(() => UnitRequestRoute) proposal: UnitRequestRoute = new UnitRequestRoute();
  @IsOptional() @ValidateNested() @Type(() => UnitRequestRoute) problem: UnitRequestRoute = new UnitRequestRoute();
}
