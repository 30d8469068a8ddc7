import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OneOf } from './one-of.validator';
import { decimalsMessage, REQUIREMENT_MESSAGE, RuleBase } from './rule-base';
import { REPORT_PERIODS, REQUIREMENT_ID, ROLES, RULE_ID, RULE_ID_MESSAGE } from './vocabulary';

/**
 * Who in the platform a report is delivered to when its period closes (in-app, and by e-mail where
 * SMTP is set): the heads of the recipient units that have accounts, and the province-wide roles
 * that send it on to the recipients outside the platform.
 */
export class ReportDelivery {
  /** Codes of units of units.yaml among the recipients; their heads (`unit_head`) receive the report. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(RULE_ID, { each: true, message: `Mỗi mục trong \`units\` ${RULE_ID_MESSAGE}` })
  units: string[] = [];
  /** Province-wide roles that receive it; default the IT centre (`tenant_admin`), which makes the reports. */
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(ROLES) roles: string[] = ['tenant_admin'];
}

/**
 * NA-11: how a report assesses each unit for rewards and discipline, by its rate of obligations
 * met over the period. The decision sets no figures: a province writes its own.
 */
export class ReportAssessment {
  /** From this rate (percent) up, the unit is proposed for commendation (đề nghị khen thưởng). */
  @IsNumber({ maxDecimalPlaces: 1 }, { message: decimalsMessage(1) }) @Min(0) @Max(100) commendFrom!: number;
  /** Below this rate, the unit is to be reminded and its failures corrected (nhắc nhở, chấn chỉnh). */
  @IsNumber({ maxDecimalPlaces: 1 }, { message: decimalsMessage(1) }) @Min(0) @Max(100) remindBelow!: number;
}

/** NA-12.3 (six-monthly and yearly), LC-3.4 (monthly), NA-11 (with an assessment): a periodic report and who receives it. */
export class Report extends RuleBase {
  @IsString() @MinLength(3) name!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @OneOf(REPORT_PERIODS) periods!: string[];
  /** "Nơi nhận": the bodies the report goes to, as the report names them. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) @MinLength(2, { each: true }) recipients!: string[];
  @IsOptional() @ValidateNested() @Type(() => ReportDelivery) deliverTo: ReportDelivery = new ReportDelivery();
  /** Ids of the quotas, schedules and deadlines it reports on; all of them when left out. */
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) covers?: string[];
  /** Calendar days after the period ends by which the report is due. */
  @IsOptional() @IsInt() @Min(0) @Max(90) dueWithinDays?: number;
  /** NA-11: each unit's line assessed for rewards and discipline by its rate. */
  @IsOptional() @ValidateNested() @Type(() => ReportAssessment) assessment?: ReportAssessment;
}

export class EmulationWeight {
  /** Id of a quota, schedule or deadline. */
  @IsString() rule!: string;
  @IsNumber({ maxDecimalPlaces: 2 }, { message: decimalsMessage(2) }) @Min(0) @Max(1000) weight!: number;
}

/** LC-3.4: compliance is a criterion of emulation scoring (thi đua) per month, quarter and year. */
export class Emulation {
  @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @OneOf(REPORT_PERIODS) periods!: string[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => EmulationWeight) weights!: EmulationWeight[];
  /** The score of a unit that met every weighted rule. */
  @IsOptional() @IsInt() @Min(1) @Max(1000) maxScore = 100;
}

/**
 * When units behind are reminded (in-app and by e-mail). The decisions name no times; these are
 * the platform's defaults, which a province may change.
 */
export class Reminders {
  /** Quotas: this many hours before the current period (week, month, …) ends. */
  @IsOptional() @IsInt() @Min(1) @Max(24 * 31) hoursBeforePeriodEnd = 24;
  /** Schedules: this many hours before a required day ends, if nothing was posted that day. */
  @IsOptional() @IsInt() @Min(1) @Max(23) hoursBeforeDayEnd = 6;
  /** Deadlines (NA-8.4): this many days before a document is due, if it is not published yet. */
  @IsOptional() @IsInt() @Min(0) @Max(30) daysBeforeDeadline = 2;
}
