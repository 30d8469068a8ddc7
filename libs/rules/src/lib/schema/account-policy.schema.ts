import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID } from './vocabulary';

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

export class SessionPolicy {
  @IsInt() @Min(1) @Max(60) accessTokenMinutes = 15;
  @IsInt() @Min(1) @Max(90) refreshTokenDays = 14;
  /** A session unused for this long ends, whatever its refresh token says. */
  @IsInt() @Min(5) @Max(10080) idleMinutes = 480;
}

/** Personal accounts (NA-9, LC-3.1b). Every field has a safe default; a province may tighten them. */
export class AccountPolicy {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `requirement ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  @ValidateNested() @Type(() => PasswordPolicy) password: PasswordPolicy = new PasswordPolicy();
  @ValidateNested() @Type(() => LockoutPolicy) lockout: LockoutPolicy = new LockoutPolicy();
  @ValidateNested() @Type(() => SessionPolicy) sessions: SessionPolicy = new SessionPolicy();
}
