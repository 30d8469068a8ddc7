import { Matches } from 'class-validator';
import { REQUIREMENT_ID, RULE_ID, RULE_ID_MESSAGE } from './vocabulary';

/** Follows the key it is about: "`requirement` phải là mã điều khoản …". */
export const REQUIREMENT_MESSAGE = 'phải là mã điều khoản, ví dụ NA-8.2 hoặc LC-2.3a';

/** For `@IsNumber({ maxDecimalPlaces })`, whose own message does not say how many places. */
export const decimalsMessage = (places: number) => `\`$property\` phải là một số, tối đa ${places} chữ số thập phân`;

/** Every rule has a stable id (for diffs, evidence and scoring weights) and the article it implements. */
export abstract class RuleBase {
  @Matches(RULE_ID, { message: `\`id\` ${RULE_ID_MESSAGE}` }) id!: string;
  @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement!: string;
}
