import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PERIODS } from '@cong/rules';
import { PeriodSnapshot } from '../../periods/period-snapshot.entity';
import { PeriodResults } from '../../progress/compliance-evaluation';

/** Half-open range of the province's dates: `start` included, `end` excluded. */
export class DateRangeResponse {
  @ApiProperty({ example: '2026-11-16', format: 'date' }) start!: string;
  @ApiProperty({ example: '2026-11-23', format: 'date', description: 'The day after the last (excluded)' }) end!: string;
}

/** NA-8.2: a unit's count against a quota's minimum over one period. */
export class QuotaResultResponse {
  @ApiProperty({ example: 'weekly-posts' }) rule!: string;
  @ApiProperty({ example: 'NA-8.2' }) requirement!: string;
  @ApiProperty({ description: 'Unit code' }) unit!: string;
  @ApiProperty({ type: DateRangeResponse }) period!: DateRangeResponse;
  @ApiProperty() required!: number;
  @ApiProperty() counted!: number;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: [String], description: 'The ids of the items that counted' }) evidence!: string[];
}

export class ScheduleDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() counted!: number;
  @ApiProperty({ type: [String] }) evidence!: string[];
}

/** LC-2.3a/b: a unit's required publication days over one period. */
export class ScheduleResultResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: DateRangeResponse }) period!: DateRangeResponse;
  @ApiProperty({ type: [String], description: 'The required days up to the day judged (holidays never)' }) requiredDays!: string[];
  @ApiProperty({ type: [ScheduleDayResponse] }) days!: ScheduleDayResponse[];
  @ApiProperty({ type: [String] }) missedDays!: string[];
  @ApiProperty() met!: boolean;
}

/** NA-8.4: one item against its publication deadline. */
export class DeadlineResultResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ example: 'legal_document' }) contentType!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The last day it could be published on time' }) due!:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) publishedOn!: string | null;
  @ApiProperty({ enum: ['on_time', 'late', 'missing', 'pending', 'no_clock'] }) status!: string;
  @ApiProperty({ description: 'Late items: days after `due`, as the rule counts them' }) daysLate!: number;
}

/** Every rule over a range, each part judged by the rules in force then. */
export class PeriodResultsResponse {
  @ApiProperty({ type: DateRangeResponse }) range!: DateRangeResponse;
  @ApiProperty({ type: [Number], description: 'The rule versions that judged some part of the range' }) ruleVersions!: number[];
  @ApiProperty({ type: [QuotaResultResponse] }) quotas!: QuotaResultResponse[];
  @ApiProperty({ type: [ScheduleResultResponse] }) schedules!: ScheduleResultResponse[];
  @ApiProperty({ type: [DeadlineResultResponse] }) deadlines!: DeadlineResultResponse[];
}

/** Where a unit stands on one rule right now, with a sentence for the officials who read it. */
@ApiExtraModels(QuotaResultResponse, ScheduleResultResponse, DeadlineResultResponse)
export class ProgressEntryResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty({ enum: ['quota', 'schedule', 'deadline'] }) kind!: string;
  @ApiProperty({ enum: ['met', 'on_track', 'behind'] }) status!: string;
  @ApiProperty({ example: '1 trên 2 tin tuần này' }) summary!: string;
  @ApiPropertyOptional({ type: DateRangeResponse }) period?: DateRangeResponse;
  @ApiProperty({
    description: 'The result behind the sentence: a quota or schedule result, or the deadline results of the window',
    oneOf: [
      { $ref: getSchemaPath(QuotaResultResponse) },
      { $ref: getSchemaPath(ScheduleResultResponse) },
      { type: 'array', items: { $ref: getSchemaPath(DeadlineResultResponse) } },
    ],
  })
  detail!: unknown;
}

export class UnitProgressResponse {
  @ApiProperty({ description: 'Unit code' }) unit!: string;
  @ApiProperty({ type: [ProgressEntryResponse] }) entries!: ProgressEntryResponse[];
}

export class ProgressResponse {
  @ApiProperty({ format: 'date', description: 'The day stood on' }) asOf!: string;
  @ApiProperty({ type: [UnitProgressResponse] }) units!: UnitProgressResponse[];
}

/** A closed period's results as stored when it closed (immutable). */
export class PeriodSnapshotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PERIODS }) periodKind!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date', description: 'The day after the last (excluded)' }) periodEnd!: string;
  @ApiProperty({ type: [Number] }) ruleVersions!: number[];
  @ApiProperty({ type: PeriodResultsResponse }) results!: PeriodResultsResponse;
  @ApiProperty({ example: 'scheduled', description: '`scheduled` (the period-close job) or who asked' }) computedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) computedAt!: Date;

  /** The snapshot without its province column; `results` as the caller may see them. */
  static from(s: PeriodSnapshot, results: PeriodResults = s.results): PeriodSnapshotResponse {
    return {
      id: s.id,
      periodKind: s.periodKind,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      ruleVersions: s.ruleVersions,
      results,
      computedBy: s.computedBy,
      computedAt: s.computedAt,
    };
  }
}
