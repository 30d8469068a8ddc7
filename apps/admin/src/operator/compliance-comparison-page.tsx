import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import { PeriodPicker } from '../compliance/period-picker';
import { isPeriodKind, PERIOD_KINDS, type PeriodKind, provinceToday } from '../compliance/periods';
import { MetMissedChart } from '../compliance/results-chart';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';

type Comparison = Schemas['ProvinceComparisonResponse'];
type Totals = Schemas['ReportTotalsResponse'];

/** Obligations met and missed in a province's totals: quota periods, schedule days, deadlines. */
const tally = (t: Totals) => ({
  met: t.quotaPeriodsMet + (t.requiredDays - t.missedDays) + t.onTime,
  missed: t.quotaPeriods - t.quotaPeriodsMet + t.missedDays + t.lateOrMissing,
});

/**
 * Every province on one period, each judged by its own rules: closed periods from their
 * snapshots, a running one provisionally up to yesterday. A table and a chart of met and missed
 * obligations; the period is in the address (`?ky=month&ngay=2026-11-01`).
 */
export function ComplianceComparisonPage() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('ky');
  const kind: PeriodKind = isPeriodKind(kindParam) ? kindParam : 'month';
  const date = params.get('ngay') ?? provinceToday();
  const compared = useQuery({
    queryKey: ['operator', 'compliance', kind, date],
    queryFn: () => ok(api.GET('/api/v1/operator/compliance/compare', { params: { query: { period: kind, date } } })),
  });
  const rows = compared.data ?? [];

  return (
    <section aria-labelledby="compare-compliance-title">
      <Typography.Title level={1} id="compare-compliance-title" style={{ fontSize: 24, marginTop: 0 }}>
        So sánh tình hình thực hiện giữa các tỉnh
      </Typography.Title>
      <Typography.Paragraph>Mỗi tỉnh được đánh giá theo quy tắc của chính tỉnh đó trong kỳ đã chọn.</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <PeriodPicker kinds={PERIOD_KINDS} kind={kind} date={date} onChange={(k, d) => setParams({ ky: k, ngay: d }, { replace: true })} />
      </div>
      {compared.isError && <Alert type="error" showIcon message={compared.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Kết quả của các tỉnh">
        <Table<Comparison>
          rowKey="code"
          loading={compared.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: emptyText('Chưa có tỉnh nào.') }}
          columns={[
            { title: 'Tỉnh', dataIndex: 'name' },
            {
              title: 'Kỳ',
              render: (_, c) =>
                c.period ? (
                  <>
                    {c.period.label} {c.provisional && <StatusTag tone="warning">Tạm tính đến {formatDay(c.asOf)}</StatusTag>}
                  </>
                ) : (
                  'Chưa có quy tắc trong kỳ'
                ),
            },
            { title: 'Số đơn vị', dataIndex: 'units', align: 'right' },
            {
              title: 'Kỳ chỉ tiêu đạt',
              align: 'right',
              render: (_, c) => (c.totals && c.totals.quotaPeriods > 0 ? `${c.totals.quotaPeriodsMet}/${c.totals.quotaPeriods}` : '—'),
            },
            {
              title: 'Ngày bắt buộc không đăng',
              align: 'right',
              render: (_, c) => (c.totals && c.totals.requiredDays > 0 ? `${c.totals.missedDays}/${c.totals.requiredDays}` : '—'),
            },
            {
              title: 'Đúng hạn / trễ hoặc chưa đăng',
              align: 'right',
              render: (_, c) =>
                c.totals && c.totals.onTime + c.totals.lateOrMissing > 0 ? `${c.totals.onTime} / ${c.totals.lateOrMissing}` : '—',
            },
            {
              title: 'Tỷ lệ thực hiện',
              align: 'right',
              render: (_, c) => (c.totals?.rate !== null && c.totals?.rate !== undefined ? `${c.totals.rate}%` : '—'),
            },
            { title: 'Phiên bản quy tắc', render: (_, c) => c.ruleVersions.join(', ') || '—' },
          ]}
        />
      </TableRegion>
      {rows.some((c) => c.totals) && (
        <div style={{ marginTop: 24 }}>
          <MetMissedChart
            title="Nghĩa vụ đạt và không đạt, theo tỉnh"
            buckets={rows.filter((c) => c.totals).map((c) => ({ key: c.code, label: c.name, ...tally(c.totals!) }))}
          />
        </div>
      )}
    </section>
  );
}
