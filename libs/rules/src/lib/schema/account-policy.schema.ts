import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REQUIREMENT_MESSAGE } from './rule-base';
import { REQUIREMENT_ID, Role, ROLES } from './vocabulary';

/** The ranges of the session lifetimes (the longest session: 90 days; the longest idle time: 7 days). */
export const SESSION_LIMITS = {
  accessTokenMinutes: { min: 1, max: 60 },
  absoluteHours: { min: 1, max: 2160 },
  idleMinutes: { min: 5, max: 10080 },
} as const;
export const MAX_SESSION_HOURS = SESSION_LIMITS.absoluteHours.max;

/** Suspension for disuse: no sooner than a week (holidays), no later than two years. */
export const INACTIVE_DAYS_LIMITS = { min: 7, max: 730 } as const;

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
  @IsInt() @Min(SESSION_LIMITS.accessTokenMinutes.min) @Max(SESSION_LIMITS.accessTokenMinutes.max) accessTokenMinutes = 15;
  /** A session ends this long after its sign-in, however much it is used (up to 90 days). */
  @IsInt() @Min(SESSION_LIMITS.absoluteHours.min) @Max(SESSION_LIMITS.absoluteHours.max) absoluteHours = 336;
  /** A session not refreshed for this long ends (up to 7 days). */
  @IsInt() @Min(SESSION_LIMITS.idleMinutes.min) @Max(SESSION_LIMITS.idleMinutes.max) idleMinutes = 480;
}

/**
 * Two-step verification (TOTP with recovery codes). Anyone may turn it on; holders of a role in
 * `requiredFor` must (GOV.UK Signon and Directus require it per organisation or policy): until they
 * enrol, their sign-in allows nothing but enrolling. Empty: optional for everyone.
 */
export class TwoFactorPolicy {
  @IsArray()
  @ArrayUnique({ message: '`requiredFor` không được có vai trò trùng nhau' })
  @IsIn(ROLES, { each: true, message: `\`requiredFor\` chỉ được gồm các vai trò: ${ROLES.join(', ')}` })
  requiredFor: Role[] = [];
}

/** Personal accounts (NA-9, LC-3.1b). Every field has a safe default; a province may tighten them. */
export class AccountPolicy {
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
  @ValidateNested() @Type(() => PasswordPolicy) password: PasswordPolicy = new PasswordPolicy();
  @ValidateNested() @Type(() => LockoutPolicy) lockout: LockoutPolicy = new LockoutPolicy();
  @ValidateNested() @Type(() => SessionPolicy) sessions: SessionPolicy = new SessionPolicy();
  /** Absent (as in rule versions written before it existed): two-step verification is optional for everyone. */
  @IsOptional() @ValidateNested() @Type(() => TwoFactorPolicy) twoFactor?: TwoFactorPolicy;
  /**
   * Accounts not signed in for this many days are suspended by a daily job until the IT centre lifts
   * it (as GOV.UK Signon does after 45). Absent: accounts are never suspended for disuse.
   */
  @IsOptional()
  @IsInt({ message: '`suspendAfterInactiveDays` phải là một số ngày nguyên' })
  @Min(INACTIVE_DAYS_LIMITS.min)
  @Max(INACTIVE_DAYS_LIMITS.max)
  suspendAfterInactiveDays?: number;
}
