import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID } from './vocabulary';

/** The longest a session may last: 90 days. */
export const MAX_SESSION_HOURS = 2160;

export class PasswordPolicy {
  @IsInt() @Min(8) @Max(128) minLength = 12;
  /** How many of lower case, upper case, digits and symbols a password must mix. */
  @IsInt() @Min(1) @Max(4) minCharacterClasses = 3;
  /** zxcvbn strength score (0 weakest … 4 strongest) a new password must reach. */
  @IsInt() @Min(0) @Max(4) minStrength = 3;
  @IsBoolean() rejectCommon = true;
  @IsBoolean() rejectContainingUsername = true;
}

export class LockoutPolicy {
  @IsInt() @Min(3) @Max(50) threshold = 5;
  @IsInt() @Min(1) @Max(1440) durationMinutes = 15;
  /** Each further lockout lasts twice as long, up to this. */
  @IsInt() @Min(1) @Max(10080) maxDurationMinutes = 1440;
}

/**
 * How long a sign-in (a session) lasts. `absoluteHours: 8, idleMinutes: 30`: a working day at most,
 * and half an hour without use ends it. Refreshing is refused past either, and the session ends.
 */
export class SessionPolicy {
  /** How long one access token is good for; the session behind it is checked on every request. */
  @IsInt() @Min(1) @Max(60) accessTokenMinutes = 15;
  /** A session ends this long after its sign-in, however much it is used (up to 90 days). */
  @IsInt() @Min(1) @Max(MAX_SESSION_HOURS) absoluteHours = 336;
  /** A session not refreshed for this long ends (up to 7 days). */
  @IsInt() @Min(5) @Max(10080) idleMinutes = 480;
}

/** Personal accounts (NA-9, LC-3.1b). Every field has a safe default; a province may tighten them. */
export class AccountPolicy {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `requirement ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  @ValidateNested() @Type(() => PasswordPolicy) password: PasswordPolicy = new PasswordPolicy();
  @ValidateNested() @Type(() => LockoutPolicy) lockout: LockoutPolicy = new LockoutPolicy();
  @ValidateNested() @Type(() => SessionPolicy) sessions: SessionPolicy = new SessionPolicy();
}
