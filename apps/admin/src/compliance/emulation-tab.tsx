import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Space, Table, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { emptyText } from '../format/empty-text';
import { TableRegion } from '../format/table-region';
import { useUnits } from '../session/lookups';
import { complianceQueries } from './compliance-queries';
import { decimal, percent } from './figures';
import { FilterBar, PeriodPicker } from './period-picker';
import { inclusiveRange, isPeriodKind, lastEnded, periodOf, type PeriodKind, provinceToday } from './periods';
import { useSearchState } from './search-state';

type Score = Schemas['EmulationScoreResponse'];

/** The kinds of period emulation may be scored by; the rules say which (a kind they do not name is refused, in the API's words). */
const SCORED: PeriodKind[] = ['month', 'quarter', 'half-year', 'year'];

/**
 * LC-3.4: each unit's emulation score for a month, quarter or year (the weighted mean of its rates
 * on the rules that judged it, scaled to the maximum) and the ranking, from the same results as
 * the reports.
 */
export function EmulationTab({ firstKind }: { firstKind: PeriodKind }) {
  const [params, set] = useSearchState();
  const today = provinceToday();
  const units = useUnits();
  const nameOf = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const asked = params.get('loai-ky-thi-dua');
  const kind: PeriodKind = isPeriodKind(asked) ? asked : firstKind;
  const kinds = SCORED.includes(firstKind) ? SCORED : [firstKind, ...SCORED];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ky-thi-dua') ?? '') ? params.get('ky-thi-dua')! : lastEnded(kind, today).start;
  const range = periodOf(kind, date);
  const scores = useQuery(complianceQueries.emulation(kind, range.start));
  const data = scores.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FilterBar>
        <PeriodPicker
          kinds={kinds}
          kind={kind}
          date={date}
          kindLabel="Loại kỳ chấm điểm"
          label="Kỳ chấm điểm"
          onChange={(k, d) => set({ 'loai-ky-thi-dua': k, 'ky-thi-dua': d })}
        />
      </FilterBar>
      {scores.isError && <Alert type="error" showIcon message={scores.error.message} />}
      {scores.isLoading && <Skeleton active />}
      {data && (
        <section aria-labelledby="emulation-title">
          <Typography.Title level={3} id="emulation-title" style={{ fontSize: 16 }}>
            Điểm thi đua {data.period.label} ({inclusiveRange(data.period)}), thang điểm {data.maxScore}
          </Typography.Title>
          {data.provisional && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="Kỳ chưa kết thúc: điểm tạm tính theo những ngày đã qua, còn thay đổi."
            />
          )}
          <TableRegion label={`Điểm thi đua ${data.period.label}`}>
            <Table<Score>
              size="small"
              rowKey="unit"
              dataSource={data.scores}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: emptyText('Không có đơn vị nào được chấm điểm trong kỳ này.') }}
              columns={[
                { title: 'Hạng', dataIndex: 'rank', align: 'right', render: (r: number | null) => r ?? '—' },
                { title: 'Đơn vị', dataIndex: 'unit', render: nameOf },
                {
                  title: 'Điểm',
                  dataIndex: 'score',
                  align: 'right',
                  render: (s: number | null) => (s === null ? 'Không chấm' : decimal(s)),
                },
                {
                  title: 'Thành phần (tỷ lệ thực hiện × trọng số)',
                  render: (_, s) => s.parts.map((p) => `${p.rule}: ${percent(p.rate)} × ${decimal(p.weight)}`).join('; ') || '—',
                },
              ]}
            />
          </TableRegion>
        </section>
      )}
    </Space>
  );
}
