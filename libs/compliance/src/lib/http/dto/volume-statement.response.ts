import { ApiProperty } from '@nestjs/swagger';
import { VolumeStatement } from '../../volumes/volume-statement.entity';
import { StatementView } from '../../volumes/volume-statements';
import { DateRangeResponse } from './period-results.response';

/** NA-10.1: what one unit provided of one content type over the period. */
export class VolumeLineResponse {
  @ApiProperty({ description: 'Unit code' }) unit!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ example: 'news' }) type!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String], description: 'The items counted' }) itemIds!: string[];
}

export class VolumePeriodResponse extends DateRangeResponse {
  @ApiProperty({ example: 'month' }) kind!: string;
}

/** The volume of a period as it stands (not certified). */
export class VolumeDraftResponse {
  @ApiProperty({ type: VolumePeriodResponse }) period!: VolumePeriodResponse;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty({ type: [VolumeLineResponse] }) lines!: VolumeLineResponse[];
  @ApiProperty() total!: number;
}

/** A certified volume statement (append-only; a correction is a new one naming it). */
export class VolumeStatementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'month' }) periodKind!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date', description: 'The day after the last (excluded)' }) periodEnd!: string;
  @ApiProperty({ type: [VolumeLineResponse] }) lines!: VolumeLineResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The statement this one corrects' }) correctsId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was corrected' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) certifiedById!: string | null;
  @ApiProperty() certifiedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) certifiedAt!: Date;

  /** The statement without its province column. */
  static from(s: VolumeStatement): VolumeStatementResponse {
    return {
      id: s.id,
      periodKind: s.periodKind,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      lines: s.lines,
      total: s.total,
      ruleVersion: s.ruleVersion,
      correctsId: s.correctsId,
      reason: s.reason,
      certifiedById: s.certifiedById,
      certifiedBy: s.certifiedBy,
      certifiedAt: s.certifiedAt,
    };
  }
}

export class VolumeStatementListEntry extends VolumeStatementResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The statement that corrected this one (then this one is no longer current)',
  })
  correctedById!: string | null;

  static fromView(s: StatementView): VolumeStatementListEntry {
    return { ...VolumeStatementResponse.from(s), correctedById: s.correctedById };
  }
}
