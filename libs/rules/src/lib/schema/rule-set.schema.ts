import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, IsISO8601, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { AccountPolicy } from './account-policy.schema';
import { Calendar } from './calendar.schema';
import { CitizenRules } from './citizens.schema';
import { LegalBasis, Portal } from './identity.schema';
import { Deadline, Quota, Schedule } from './obligations.schema';
import { Payments } from './payments.schema';
import { Emulation, Reminders, Report } from './reporting.schema';
import { UnitKindSpec } from './unit-kinds.schema';
import { UnitRequestRules } from './unit-requests.schema';
import { STRICT_DATE } from './vocabulary';
import { Workflow, WorkflowBinding } from './workflow.schema';

/** A province's rule set, as written in `tenants/<code>/tenant.yaml`. */
export class RuleSet {
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: '`code` phải gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ lao-cai)' }) code!: string;
  @IsString() @MinLength(3) name!: string;
  @IsString() timezone!: string;
  /**
   * The first day these rules govern. Left out, a province's first version takes effect when its
   * decision does (signedOn + inForceAfterDays) and a later version on the day it is applied.
   */
  @IsOptional() @IsISO8601(STRICT_DATE, { message: '`effectiveFrom` phải là một ngày dạng YYYY-MM-DD' }) effectiveFrom?: string;
  @IsDefined() @ValidateNested() @Type(() => Portal) portal!: Portal;
  @IsDefined() @ValidateNested() @Type(() => LegalBasis) legalBasis!: LegalBasis;
  @IsOptional() @ValidateNested() @Type(() => Calendar) calendar: Calendar = new Calendar();
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => UnitKindSpec) unitKinds!: UnitKindSpec[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Quota) quotas: Quota[] = [];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Schedule) schedules: Schedule[] = [];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Deadline) deadlines: Deadline[] = [];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Workflow) workflows!: Workflow[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => WorkflowBinding) workflowBindings!: WorkflowBinding[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Report) reports: Report[] = [];
  @IsOptional() @ValidateNested() @Type(() => Payments) payments: Payments = new Payments();
  @IsOptional() @ValidateNested() @Type(() => Emulation) emulation?: Emulation;
  @IsOptional() @ValidateNested() @Type(() => Reminders) reminders: Reminders = new Reminders();
  @IsOptional() @ValidateNested() @Type(() => AccountPolicy) accountPolicy: AccountPolicy = new AccountPolicy();
  @IsOptional() @ValidateNested() @Type(() => CitizenRules) citizens: CitizenRules = new CitizenRules();
  @IsOptional() @ValidateNested() @Type(() => UnitRequestRules) unitRequests: UnitRequestRules = new UnitRequestRules();
}
