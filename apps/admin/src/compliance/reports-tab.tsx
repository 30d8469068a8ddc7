import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { formatDay, formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { StatusTag, type Tone } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { complianceQueries, type ReportEntry } from './compliance-queries';
import { DownloadButtons } from '../format/download';
import { FilterBar, fieldWidth, PeriodPicker } from './period-picker';
import { inclusiveRange, isPeriodKind, lastEnded, periodOf, type PeriodKind, provinceToday } from './periods';
import { decimal, percent } from './figures';
import { useSearchState } from './search-state';

type Report = Schemas['ReportDocumentResponse'];
type Row = Schemas['ReportRowResponse'];
type Due = Schemas['ReportDueResponse'];

/** NA-11: what a unit's rate means for rewards and discipline, as the report's files word it. */
const ASSESSMENTS: Record<NonNullable<Row['assessment']>, { label: string; tone: Tone }> = {
  commend: { label: 'Đề nghị khen thưởng', tone: 'good' },
  complete: { label: 'Hoàn thành', tone: 'info' },
  remind: { label: 'Nhắc nhở, chấn chỉnh', tone: 'bad' },
  not_judged: { label: 'Chưa có số liệu', tone: 'neutral' },
};

const DELIVERY: Record<Due['status'], { label: string; tone: Tone }> = {
  due: { label: 'Đến hạn gửi', tone: 'warning' },
  late: { label: 'Quá hạn', tone: 'bad' },
  delivered: { label: 'Đã gửi', tone: 'good' },
};

/** The rate against the period before, in points, as the files write it: "+12,5", "−3". */
function change(r: Row): string {
  const last = r.previousRates.at(-1);
  if (r.rate === null || last === null || last === undefined) return '—';
  const points = Math.round((r.rate - last) * 10) / 10;
  return `${points > 0 ? '+' : ''}${decimal(points)}`;
}

/** What the file says under the title: a first partial period, figures still provisional. */
function judgedNote(doc: Report): string | null {
  const parts: string[] = [];
  if (doc.judged.partial && doc.judged.start > doc.period.start)
    parts.push(`quy định có hiệu lực từ ngày ${formatDay(doc.judged.start)}; số liệu chỉ tính từ ngày đó`);
  if (doc.provisional && doc.asOf) parts.push(`số liệu tạm tính đến hết ngày ${formatDay(doc.asOf)}, kỳ chưa kết thúc`);
  return parts.length ? parts.join('; ') : null;
}

/**
 * The periodic reports of the province's rules (LC-3.4 monthly, NA-12.3 half-yearly and yearly):
 * choose one and its period, read it, download it as XLSX or CSV; and which reports are due, late
 * or delivered.
 */
export function ReportsTab({ reports }: { reports: ReportEntry[] }) {
  const [params, set] = useSearchState();
  const today = provinceToday();
  const report = reports.find((r) => r.id === params.get('bao-cao')) ?? reports[0];
  const asked = params.get('loai-ky-bao-cao');
  const kind: PeriodKind = isPeriodKind(asked) && report.kinds.includes(asked) ? asked : (report.kinds[0] ?? 'month');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ky-bao-cao') ?? '') ? params.get('ky-bao-cao')! : lastEnded(kind, today).start;
  const range = periodOf(kind, date);
  const doc = useQuery(complianceQueries.report(report.id, kind, range.start));
  const deliveries = useQuery(complianceQueries.deliveries());
  const file = (format: 'xlsx' | 'csv') =>
    api.GET('/api/v1/compliance/reports/{report}', {
      params: { path: { report: report.id }, query: { period: kind, date: range.start, format } },
      parseAs: 'blob',
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FilterBar>
        <Select
          aria-label="Tên báo cáo"
          value={report.id}
          style={fieldWidth(480)}
          onChange={(id: string) => set({ 'bao-cao': id, 'loai-ky-bao-cao': undefined, 'ky-bao-cao': undefined })}
          options={reports.map((r) => ({ value: r.id, label: `${r.name} (${r.requirement})` }))}
        />
        <PeriodPicker
          kinds={report.kinds}
          kind={kind}
          date={date}
          kindLabel="Loại kỳ báo cáo"
          label="Kỳ báo cáo"
          onChange={(k, d) => set({ 'bao-cao': report.id, 'loai-ky-bao-cao': k, 'ky-bao-cao': d })}
        />
      </FilterBar>
      {doc.isError && <Alert type="error" showIcon message={doc.error.message} />}
      {doc.isLoading && <Skeleton active />}
      {doc.data && (
        <ReportView
          doc={doc.data}
          downloads={
            <DownloadButtons call={file} fallbackName={(format) => `bao-cao-${report.id}-${range.start}.${format}`} disabled={!doc.data} />
          }
        />
      )}
      <section aria-labelledby="deliveries-title">
        <Typography.Title level={3} id="deliveries-title" style={{ fontSize: 16 }}>
          Tình trạng gửi báo cáo
        </Typography.Title>
        {deliveries.isError && <Alert type="error" showIcon message={deliveries.error.message} />}
        <TableRegion label="Tình trạng gửi báo cáo">
          <Table<Due>
            size="small"
            rowKey={(d) => `${d.report}|${d.period.kind}|${d.period.start}`}
            loading={deliveries.isLoading}
            dataSource={[...(deliveries.data?.reports ?? [])].reverse()}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            locale={{ emptyText: emptyText('Chưa có kỳ báo cáo nào kết thúc.') }}
            columns={[
              { title: 'Báo cáo', render: (_, d) => `${d.name} (${d.requirement})` },
              {
                title: 'Kỳ',
                render: (_, d) => (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => set({ 'bao-cao': d.report, 'loai-ky-bao-cao': d.period.kind, 'ky-bao-cao': d.period.start })}
                  >
                    {d.period.label}
                  </Button>
                ),
              },
              { title: 'Hạn gửi', dataIndex: 'dueOn', render: formatDay },
              {
                title: 'Tình trạng',
                render: (_, d) => (
                  <StatusTag tone={DELIVERY[d.status].tone}>
                    {DELIVERY[d.status].label}
                    {d.daysLate > 0 && ` (trễ ${d.daysLate} ngày)`}
                  </StatusTag>
                ),
              },
              { title: 'Đã gửi lúc', dataIndex: 'deliveredAt', render: formatInstant },
              { title: 'Nơi nhận', render: (_, d) => d.recipients.join('; ') },
            ]}
          />
        </TableRegion>
      </section>
    </Space>
  );
}

/** A report as its files read: the title block, the table per unit with the totals last, the downloads. */
function ReportView({ doc, downloads }: { doc: Report; downloads: ReactNode }) {
  const note = judgedNote(doc);
  const totals: Row = { ...doc.totals, unit: '', unitName: 'Tổng cộng' };
  const columns: ColumnsType<Row> = [
    { title: 'Tên đơn vị', dataIndex: 'unitName', render: (name: string, r) => (r.unit ? name : <strong>{name}</strong>) },
  ];
  if (doc.totals.quotaPeriods > 0)
    columns.push({ title: 'Kỳ định mức đạt', align: 'right', render: (_, r) => `${r.quotaPeriodsMet}/${r.quotaPeriods}` });
  if (doc.totals.requiredDays > 0)
    columns.push(
      { title: 'Số ngày bắt buộc', dataIndex: 'requiredDays', align: 'right' },
      { title: 'Số ngày không đăng', dataIndex: 'missedDays', align: 'right' },
    );
  for (const k of doc.deadlineKinds)
    columns.push(
      { title: `${k.label} đúng hạn`, align: 'right', render: (_, r) => r.deadlines[k.contentType]?.onTime ?? 0 },
      { title: `${k.label} trễ hoặc chưa đăng`, align: 'right', render: (_, r) => r.deadlines[k.contentType]?.lateOrMissing ?? 0 },
    );
  columns.push(
    { title: 'Tỷ lệ thực hiện', dataIndex: 'rate', align: 'right', render: percent },
    ...doc.previousPeriods.map((label, i) => ({
      key: `previous-${i}`,
      title: `Tỷ lệ ${label}`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => percent(r.previousRates[i]),
    })),
    { key: 'change', title: 'Thay đổi so với kỳ trước (điểm %)', align: 'right', render: (_, r) => change(r) },
  );
  // NA-11: the unit's line read against the province's thresholds (rewards and discipline).
  if (doc.assessment)
    columns.push({
      key: 'assessment',
      title: 'Đánh giá (khen thưởng, kỷ luật)',
      render: (_, r) =>
        r.assessment ? <StatusTag tone={ASSESSMENTS[r.assessment].tone}>{ASSESSMENTS[r.assessment].label}</StatusTag> : null,
    });

  return (
    <section aria-labelledby="report-title">
      <Typography.Title level={3} id="report-title" style={{ fontSize: 18 }}>
        {doc.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'province', label: 'Tỉnh', children: doc.province },
          { key: 'basis', label: 'Căn cứ', children: `Quyết định ${doc.legalBasis.document} (${doc.legalBasis.requirement})` },
          { key: 'period', label: 'Kỳ báo cáo', children: `${doc.period.label} (${inclusiveRange(doc.period)})` },
          {
            key: 'issued',
            label: 'Ngày lập',
            children: `${formatDay(doc.issuedOn)}${doc.dueOn ? ` (hạn gửi: ${formatDay(doc.dueOn)})` : ''}`,
          },
          { key: 'recipients', label: 'Nơi nhận', children: doc.recipients.join('; ') || '—' },
          { key: 'versions', label: 'Phiên bản quy định', children: doc.ruleVersions.join(', ') || '—' },
          ...(doc.assessment
            ? [
                {
                  key: 'assessment',
                  label: 'Đánh giá',
                  children: `từ ${decimal(doc.assessment.commendFrom)} % trở lên đề nghị khen thưởng; dưới ${decimal(doc.assessment.remindBelow)} % nhắc nhở, chấn chỉnh`,
                },
              ]
            : []),
        ]}
      />
      {note && <Alert type="info" showIcon message={`Ghi chú: ${note}.`} style={{ marginBottom: 16 }} />}
      <div style={{ marginBottom: 16 }}>{downloads}</div>
      <TableRegion label={`${doc.title}: ${doc.period.label}`}>
        <Table<Row>
          size="small"
          rowKey={(r) => r.unit || 'tong-cong'}
          dataSource={[...doc.rows, totals]}
          pagination={false}
          locale={{ emptyText: emptyText('Không có đơn vị nào trong báo cáo.') }}
          columns={columns}
        />
      </TableRegion>
    </section>
  );
}
