import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OneOf, WEEKDAYS, Weekday } from './one-of.validator';

/** Requirement IDs of the provincial decisions (`NA-8.2`, `LC-2.3a`, `NA-7.2a-c`). */
export const REQUIREMENT_ID = /^[A-Z]{2}-[0-9]+(\.[0-9]+)*[a-z]?(-[a-z])?$/;
const RULE_ID = /^[a-z][a-z0-9-]{0,62}$/;
const DATE = { strict: true, strictSeparator: true };

export const UNIT_KINDS = [
  'province', 'department', 'board', 'sector', 'district', 'city', 'town', 'commune', 'union',
  'political-social-organisation', 'public-service-unit', 'enterprise', 'press',
] as const;
export const CONTENT_TYPES = [
  'news', 'announcement', 'report', 'page', 'procedure', 'legal_document', 'thematic', 'faq', 'investment_project',
] as const;
export const CHANNELS = ['subsite', 'portal'] as const;
export const PERIODS = ['week', 'month', 'quarter', 'half-year', 'year'] as const;

export class LegalBasis {
  /** Number/symbol of the decision, e.g. `07/2006/QĐ-UBND`. */
  @IsString() @MinLength(3) document!: string;
  @IsISO8601(DATE, { message: 'signedOn must be a date (YYYY-MM-DD)' }) signedOn!: string;
  @IsInt() @Min(0) @Max(365) inForceAfterDays!: number;
}

export class Portal {
  @IsString() @MinLength(3) title!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique()
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, { each: true, message: 'domains must be lower-case host names (e.g. laocai.gov.vn)' })
  domains!: string[];
}

export class Holiday {
  @IsISO8601(DATE, { message: 'date must be a date (YYYY-MM-DD)' }) date!: string;
  @IsString() @MinLength(2) name!: string;
}

/** Week start, weekends, public holidays and make-up working days: what "working day" means. */
export class Calendar {
  @OneOf(WEEKDAYS) weekStart: Weekday = 'MON';
  @IsArray() @OneOf(WEEKDAYS) weekends: Weekday[] = ['SAT', 'SUN'];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Holiday) holidays: Holiday[] = [];
  /** Weekend days worked in exchange for a bridge holiday (ngày làm bù). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Holiday) makeUpWorkingDays: Holiday[] = [];
}

export class SubsiteSpec {
  /** Sections a new sub-site of this kind starts with (LC-2.1.1, LC-2.1.2). */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) sections!: string[];
  @IsOptional() @Matches(REQUIREMENT_ID, { message: 'requirement must look like LC-2.1.1' }) requirement?: string;
}

export class UnitKindSpec {
  @OneOf(UNIT_KINDS) kind!: string;
  @IsOptional() @ValidateNested() @Type(() => SubsiteSpec) subsite?: SubsiteSpec;
}

/** To whom a rule applies: unit kinds, named units (by code), or both. */
export class AppliesTo {
  @IsOptional() @IsArray() @OneOf(UNIT_KINDS) unitKinds: string[] = [];
  @IsOptional() @IsArray() @IsString({ each: true }) units: string[] = [];
}

/** NA-8.2: at least `min` qualifying items per unit per period. */
export class Quota {
  @Matches(RULE_ID, { message: 'id must be lower-case letters, digits and "-"' }) id!: string;
  @Matches(REQUIREMENT_ID, { message: 'requirement must be a requirement ID such as NA-8.2' }) requirement!: string;
  @OneOf(PERIODS) period!: string;
  @IsInt() @Min(1) min!: number;
  @IsOptional() @IsArray() @OneOf(CONTENT_TYPES) contentTypes: string[] = [...CONTENT_TYPES];
  @IsOptional() @IsArray() @OneOf(CHANNELS) channels: string[] = [...CHANNELS];
  @IsDefined() @ValidateNested() @Type(() => AppliesTo) appliesTo!: AppliesTo;
}

/** LC-2.3a/b: items required on given weekdays (or every day). */
export class Schedule {
  @Matches(RULE_ID, { message: 'id must be lower-case letters, digits and "-"' }) id!: string;
  @Matches(REQUIREMENT_ID, { message: 'requirement must be a requirement ID such as LC-2.3a' }) requirement!: string;
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(WEEKDAYS) weekdays: Weekday[] = [];
  @IsOptional() @IsBoolean() everyDay = false;
  @IsInt() @Min(1) minItemsPerDay!: number;
  @IsOptional() @IsArray() @OneOf(CONTENT_TYPES) contentTypes: string[] = [...CONTENT_TYPES];
  @IsDefined() @ValidateNested() @Type(() => AppliesTo) appliesTo!: AppliesTo;
}

/**
 * A province's rule set, as written in `tenants/<code>/tenant.yaml`. This first part covers
 * identity, calendar, unit kinds, quotas and schedules; deadlines, workflows, reports, payments,
 * emulation and account policy follow (see the rules issue).
 */
export class RuleSet {
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'code must be lower-case letters, digits and "-" (e.g. lao-cai)' }) code!: string;
  @IsString() @MinLength(3) name!: string;
  @IsString() timezone!: string;
  @IsDefined() @ValidateNested() @Type(() => Portal) portal!: Portal;
  @IsDefined() @ValidateNested() @Type(() => LegalBasis) legalBasis!: LegalBasis;
  @IsOptional() @ValidateNested() @Type(() => Calendar) calendar: Calendar = new Calendar();
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => UnitKindSpec) unitKinds!: UnitKindSpec[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Quota) quotas: Quota[] = [];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Schedule) schedules: Schedule[] = [];
}
