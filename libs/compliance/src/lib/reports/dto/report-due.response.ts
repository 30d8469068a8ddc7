import { ApiProperty } from '@nestjs/swagger';
import { ReportDue } from '../report-deliveries';

export class ReportPeriodView {
  @ApiProperty({ enum: ['month', 'quarter', 'half-year', 'year'] }) kind!: string;
  @ApiProperty({ example: '2026-11-01', description: 'First day of the period' }) start!: string;
  @ApiProperty({ example: '2026-12-01', description: 'The day after its last day (exclusive)' }) end!: string;
  @ApiProperty({ example: 'Tháng 11/2026' }) label!: string;
}

/** One report of an ended period: when it is due and whether it was delivered. */
export class ReportDueResponse {
  @ApiProperty({ example: 'monthly-compliance', description: "The report's id in the rules" }) report!: string;
  @ApiProperty({ example: 'Báo cáo tình hình thực hiện chế độ cung cấp thông tin' }) name!: string;
  @ApiProperty({ example: 'LC-3.4' }) requirement!: string;
  @ApiProperty({ type: ReportPeriodView }) period!: ReportPeriodView;
  @ApiProperty({
    example: '2026-12-05',
    nullable: true,
    type: String,
    description: 'Last day to send it (period end + dueWithinDays); null when the rules set none',
  })
  dueOn!: string | null;
  @ApiProperty({ enum: ['due', 'late', 'delivered'] }) status!: 'due' | 'late' | 'delivered';
  @ApiProperty({ example: 0, description: 'Days past dueOn (late, or delivered late)' }) daysLate!: number;
  @ApiProperty({ type: [String], example: ['Văn phòng UBND tỉnh'], description: '"Nơi nhận" of the rules' }) recipients!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;

  static from(r: ReportDue): ReportDueResponse {
    return Object.assign(new ReportDueResponse(), {
      ...r,
      period: Object.assign(new ReportPeriodView(), r.period),
      deliveredAt: r.deliveredAt ? r.deliveredAt.toISOString() : null,
    });
  }
}

export class ReportsDueResponse {
  @ApiProperty({ example: '2026-12-01', description: "The province's day the statuses are given for" }) asOf!: string;
  @ApiProperty({ type: [ReportDueResponse] }) reports!: ReportDueResponse[];
}
