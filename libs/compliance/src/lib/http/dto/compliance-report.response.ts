import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class LegalBasisResponse {
  @ApiProperty({ example: 'LC-3.4' }) requirement!: string;
  @ApiProperty({ description: 'The article and the decision it comes from' }) document!: string;
}

export class LabelledPeriodResponse {
  @ApiProperty({ example: 'month' }) kind!: string;
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date', description: 'The day after the last (excluded)' }) end!: string;
  @ApiProperty({ example: 'Tháng 11/2026' }) label!: string;
}

export class RangeLabelResponse {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date', description: 'The day after the last (excluded)' }) end!: string;
  @ApiProperty({ example: 'Tuần 16/11–22/11/2026' }) label!: string;
}

export class JudgedRangeResponse {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
  @ApiProperty({ description: 'Only part of the period was judged (rules in force from its middle, or the period still runs)' })
  partial!: boolean;
}

export class DeadlineKindResponse {
  @ApiProperty({ example: 'legal_document' }) contentType!: string;
  @ApiProperty({ example: 'Văn bản' }) label!: string;
}

export class DeadlineTallyResponse {
  @ApiProperty() onTime!: number;
  @ApiProperty() lateOrMissing!: number;
}

const TALLY_BY_TYPE = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(DeadlineTallyResponse) },
  description: 'Items a deadline governs, per content type',
} as const;

/** The totals line of a report (and the figures of each unit's line). */
@ApiExtraModels(DeadlineTallyResponse)
export class ReportTotalsResponse {
  @ApiProperty({ description: 'Quota periods met' }) quotaPeriodsMet!: number;
  @ApiProperty({ description: 'Quota periods judged' }) quotaPeriods!: number;
  @ApiProperty({ description: 'Schedule days required' }) requiredDays!: number;
  @ApiProperty({ description: 'Schedule days missed' }) missedDays!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() lateOrMissing!: number;
  @ApiProperty(TALLY_BY_TYPE) deadlines!: Record<string, DeadlineTallyResponse>;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Obligations met over judged, percent (one decimal); null when nothing was judged',
  })
  rate!: number | null;
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: 'The same for the periods before, oldest first' })
  previousRates!: (number | null)[];
}

export class ReportRowResponse extends ReportTotalsResponse {
  @ApiProperty({ description: 'Unit code' }) unit!: string;
  @ApiProperty() unitName!: string;
  @ApiPropertyOptional({
    enum: ['commend', 'complete', 'remind', 'not_judged'],
    description: 'NA-11, when the report assesses units: proposed for commendation, complete, to be reminded, or nothing judged',
  })
  assessment?: 'commend' | 'complete' | 'remind' | 'not_judged';
}

export class ReportAssessmentResponse {
  @ApiProperty({ description: 'From this rate (percent) up: proposed for commendation' }) commendFrom!: number;
  @ApiProperty({ description: 'Below this rate: to be reminded and corrected' }) remindBelow!: number;
}

/** A periodic report of the rules (LC-3.4, NA-12.3). */
export class ReportDocumentResponse {
  @ApiProperty() title!: string;
  @ApiProperty() province!: string;
  @ApiProperty({ type: LegalBasisResponse }) legalBasis!: LegalBasisResponse;
  @ApiProperty({ type: LabelledPeriodResponse }) period!: LabelledPeriodResponse;
  @ApiProperty({ type: JudgedRangeResponse }) judged!: JudgedRangeResponse;
  @ApiProperty({ type: [String], description: 'Labels of the earlier periods, oldest first (the trend)' }) previousPeriods!: string[];
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Provisional figures: up to this day (included)' }) asOf!:
    string | null;
  @ApiProperty({ type: [Number] }) ruleVersions!: number[];
  @ApiProperty({ type: [DeadlineKindResponse] }) deadlineKinds!: DeadlineKindResponse[];
  @ApiProperty({ type: [String], description: '"Nơi nhận"' }) recipients!: string[];
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: ReportAssessmentResponse,
    description: 'NA-11: the thresholds of the assessment; null when the report assesses no unit',
  })
  assessment!: ReportAssessmentResponse | null;
  @ApiProperty({ type: [ReportRowResponse] }) rows!: ReportRowResponse[];
  @ApiProperty({ type: ReportTotalsResponse }) totals!: ReportTotalsResponse;
}

export class EmulationPartResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: 'Percent' }) rate!: number;
}

export class EmulationScoreResponse {
  @ApiProperty({ description: 'Unit code' }) unit!: string;
  @ApiProperty({ nullable: true, type: Number, description: '0…maxScore, one decimal; null when no weighted rule judged the unit' })
  score!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1 for the best; equal scores share a rank' }) rank!: number | null;
  @ApiProperty({ type: [EmulationPartResponse] }) parts!: EmulationPartResponse[];
}

/** LC-3.4: emulation scores and the ranking of units. */
export class EmulationResponse {
  @ApiProperty({ type: LabelledPeriodResponse }) period!: LabelledPeriodResponse;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: [Number] }) ruleVersions!: number[];
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: [EmulationScoreResponse] }) scores!: EmulationScoreResponse[];
}

/** One province on one period (national operators). */
export class ProvinceComparisonResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: RangeLabelResponse, description: 'null when no rules were in force in the period' })
  period!: RangeLabelResponse | null;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Provisional figures: up to this day; null for a closed period',
  })
  asOf!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: "The first day judged: the period's, or the day the province's first rules took effect",
  })
  judgedFrom!: string | null;
  @ApiProperty({ type: [Number] }) ruleVersions!: number[];
  @ApiProperty({ description: 'Units with a line' }) units!: number;
  @ApiProperty({ nullable: true, type: ReportTotalsResponse }) totals!: ReportTotalsResponse | null;
}
