import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID } from './vocabulary';

/** How long an asker's contact details may be kept once their question is closed: a week to ten years. */
export const CONTACT_RETENTION_LIMITS = { min: 7, max: 3650 } as const;

/**
 * Citizens' questions (hỏi đáp trực tuyến; LC-1.1, LC-2.1.1, NA-5.6). The answer deadline is a
 * `deadlines` rule on `faq` starting from `receivedOn` (the day the question arrived, in the
 * province's calendar); the answer itself goes through the workflow bound to `faq` items.
 */
export class QuestionRules {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  /** Off: the portal shows no question form and the API refuses new questions (answered ones stay published). */
  @IsBoolean() enabled = true;
  /**
   * Personal Data Protection Law 91/2025/QH15: the asker's name, e-mail and phone are erased this
   * many days after the question is closed (answered, declined or marked as spam).
   */
  @IsInt() @Min(CONTACT_RETENTION_LIMITS.min) @Max(CONTACT_RETENTION_LIMITS.max) contactRetentionDays = 365;
}

/** Consultations on draft documents (lấy ý kiến dự thảo văn bản): comments, moderated before they are public. */
export class ConsultationRules {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  /** Commenters' e-mail addresses are erased this many days after the consultation closes (Law 91/2025/QH15). */
  @IsInt() @Min(CONTACT_RETENTION_LIMITS.min) @Max(CONTACT_RETENTION_LIMITS.max) contactRetentionDays = 365;
}

/** What citizens may write to the province's portals. */
export class CitizenRules {
  @IsOptional() @ValidateNested() @Type(() => QuestionRules) questions: QuestionRules = new QuestionRules();
  @IsOptional() @ValidateNested() @Type(() => ConsultationRules) consultations: ConsultationRules = new ConsultationRules();
}
