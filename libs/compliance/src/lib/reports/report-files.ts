import { Cell, TableFile, tableCsv, tableXlsx } from '@cong/platform-tables';
import { dmy } from '@cong/rules';
import { inclusiveRange } from './official-format';
import { ASSESSMENT_LABELS, ReportRow, ReportTotals } from './report-rows';

/** A kind of item a deadline governs, as the report's headings name it. */
export interface DeadlineKind {
  contentType: string;
  /** "Văn bản", "Câu trả lời công dân", … */
  label: string;
}

export interface ReportDocument {
  title: string;
  province: string;
  /** The article the report implements and the decision it comes from (from the rules). */
  legalBasis: { requirement: string; document: string };
  period: { kind: string; start: string; end: string; label: string };
  /**
   * The part of the period the figures judge: from the day rules were first in force (a first,
   * partial period) and, while the period runs, up to the day before the report was made.
   */
  judged: { start: string; end: string; partial: boolean };
  /** Labels of the earlier periods, oldest first (the trend columns). */
  previousPeriods: string[];
  provisional: boolean;
  /** Provisional figures: what happened up to this day (included). */
  asOf: string | null;
  ruleVersions: number[];
  /** The kinds of items the report's deadlines govern, each with its own columns. */
  deadlineKinds: DeadlineKind[];
  /** "Nơi nhận": who receives the report (the rules' `recipients`). */
  recipients: string[];
  /** The day the report was made, in the province. */
  issuedOn: string;
  /** The day the report is due (the period's end plus the rules' `dueWithinDays`), if the rules set one. */
  dueOn: string | null;
  /** NA-11: the thresholds each unit's line is assessed by, when the report assesses units. */
  assessment: { commendFrom: number; remindBelow: number } | null;
  rows: ReportRow[];
  totals: ReportTotals;
}

/** A rate as officials write it: 97,5 (a decimal comma). */
const percentText = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

/** The headings officials read, in order, with how each row fills them: the unit's name first. */
function table(doc: ReportDocument): { headings: string[]; lines: Cell[][] } {
  const headings = [
    'Tên đơn vị',
    'Mã đơn vị',
    'Kỳ định mức đạt',
    'Tổng số kỳ định mức',
    'Số ngày bắt buộc',
    'Số ngày không đăng',
    ...doc.deadlineKinds.flatMap((k) => [`${k.label} đúng hạn`, `${k.label} trễ hoặc chưa đăng`]),
    'Tỷ lệ thực hiện (%)',
    ...doc.previousPeriods.map((p) => `Tỷ lệ ${p} (%)`),
    'Thay đổi so với kỳ trước (điểm %)',
    ...(doc.assessment ? ['Đánh giá (khen thưởng, kỷ luật)'] : []),
  ];
  const line = (name: string, code: string, r: ReportTotals & { assessment?: ReportRow['assessment'] }): Cell[] => {
    const last = r.previousRates.at(-1);
    return [
      name,
      code,
      r.quotaPeriodsMet,
      r.quotaPeriods,
      r.requiredDays,
      r.missedDays,
      ...doc.deadlineKinds.flatMap((k) => [r.deadlines[k.contentType]?.onTime ?? 0, r.deadlines[k.contentType]?.lateOrMissing ?? 0]),
      r.rate,
      ...r.previousRates,
      r.rate !== null && last !== null && last !== undefined ? Math.round((r.rate - last) * 10) / 10 : null,
      ...(doc.assessment ? [r.assessment ? ASSESSMENT_LABELS[r.assessment] : null] : []),
    ];
  };
  return { headings, lines: [...doc.rows.map((r) => line(r.unitName, r.unit, r)), line('Tổng cộng', '', doc.totals)] };
}

/** The sentence saying which days the figures judge (a first partial period, a period still running). */
export function judgedLine(doc: ReportDocument): string | null {
  const parts: string[] = [];
  if (doc.judged.partial) parts.push(`quy định có hiệu lực từ ngày ${dmy(doc.judged.start)}; số liệu chỉ tính từ ngày đó`);
  if (doc.provisional && doc.asOf) parts.push(`số liệu tạm tính đến hết ngày ${dmy(doc.asOf)}, kỳ chưa kết thúc`);
  return parts.length ? `Ghi chú: ${parts.join('; ')}.` : null;
}

function reportFile(doc: ReportDocument): TableFile {
  const { headings, lines } = table(doc);
  const judged = judgedLine(doc);
  return {
    title: [
      doc.title,
      doc.province,
      `Căn cứ: Quyết định ${doc.legalBasis.document} (${doc.legalBasis.requirement})`,
      `Kỳ báo cáo: ${doc.period.label} (${inclusiveRange(doc.period)})`,
      ...(judged ? [judged] : []),
      `Phiên bản quy định áp dụng: ${doc.ruleVersions.join(', ')}`,
      ...(doc.assessment
        ? [
            `Đánh giá: tỷ lệ thực hiện từ ${percentText(doc.assessment.commendFrom)} % trở lên đề nghị khen thưởng; dưới ${percentText(doc.assessment.remindBelow)} % nhắc nhở, chấn chỉnh.`,
          ]
        : []),
    ],
    headings,
    lines,
    totalLast: true,
    footer: [
      `Ngày lập: ${dmy(doc.issuedOn)}${doc.dueOn ? ` (hạn gửi: ${dmy(doc.dueOn)})` : ''}`,
      'Nơi nhận:',
      ...doc.recipients.map((r) => `- ${r};`),
    ],
  };
}

export const reportCsv = (doc: ReportDocument): Buffer => tableCsv(reportFile(doc));
export const reportXlsx = (doc: ReportDocument): Promise<Buffer> => tableXlsx(reportFile(doc), 'Báo cáo');
