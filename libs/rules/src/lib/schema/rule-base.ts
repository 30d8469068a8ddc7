import { Matches } from 'class-validator';
import { REQUIREMENT_ID, RULE_ID, RULE_ID_MESSAGE } from './vocabulary';

export const REQUIREMENT_MESSAGE = 'must be a requirement ID such as NA-8.2 or LC-2.3a';

/** Every rule has a stable id (for diffs, evidence and scoring weights) and the article it implements. */
export abstract class RuleBase {
  @Matches(RULE_ID, { message: `id ${RULE_ID_MESSAGE}` }) id!: string;
  @Matches(REQUIREMENT_ID, { message: `requirement ${REQUIREMENT_MESSAGE}` }) requirement!: string;
}
