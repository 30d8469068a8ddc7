import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Skeleton, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { typeLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { DEADLINE, WeekStrip } from '../home/obligations';
import { useUnits } from '../session/lookups';
import { complianceQueries } from './compliance-queries';
import { percent } from './figures';
import { FilterBar, fieldWidth, PeriodPicker } from './period-picker';
import { inclusiveRange, isPeriodKind, PERIOD_KINDS, periodLabel, periodOf, type PeriodKind, provinceToday } from './periods';
import { MetMissedChart } from './results-chart';
import {
  BUCKET_NAMES,
  OBLIGATION_KIND_LABELS,
  rateOf,
  type RuleColumn,
  rulesOf,
  schedulesByUnit,
  tallyByPart,
  type Tally,
  type UnitRow,
  unitRows,
} from './results-summary';
import { useSearchState } from './search-state';

type Deadline = Schemas['DeadlineResultResponse'];

function TallyCell({ tally }: { tally: Tally | undefined }) {
  if (!tally) return <>—</>;
  return (
    <StatusTag tone={tally.missed === 0 ? 'good' : 'bad'}>
      {tally.met}/{tally.met + tally.missed} đạt
    </StatusTag>
  );
}

/**
 * Where every unit stood over a week, month, quarter, half-year or year, rule by rule, as the API
 * judged it: the table of met and missed, the chart per part of the period, the documents late,
 * and the day grid of the rules that fix days (LC-2.3a).
 */
export function ResultsTab() {
  const [params, set] = useSearchState();
  const today = provinceToday();
  const kind: PeriodKind = isPeriodKind(params.get('loai-ky')) ? (params.get('loai-ky') as PeriodKind) : 'month';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ky') ?? '') ? params.get('ky')! : today;
  const unit = params.get('don-vi') ?? undefined;
  const range = periodOf(kind, date);
  const units = useUnits();
  const nameOf = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const results = useQuery(complianceQueries.results(kind, range.start));
  const data = results.data;
  const rules = data ? rulesOf(data) : [];
  const rows = data ? unitRows(data, unit) : [];
  const byMissed = [...rows].sort((a, b) => b.total.missed - a.total.missed || nameOf(a.unit).localeCompare(nameOf(b.unit), 'vi'));
  const judgedUnits = data ? unitRows(data).map((r) => r.unit) : [];
  const late = (data?.deadlines ?? []).filter((d) => (d.status === 'late' || d.status === 'missing') && (!unit || d.unit === unit));
  // With a unit chosen, only the rules that bind it: a column each, and a day grid for those that fix days.
  const binding = unit ? rules.filter((r) => rows.some((row) => row.byRule[r.rule])) : rules;
  const scheduleRules = binding.filter((r) => r.kind === 'schedule');
  const label = periodLabel(kind, range);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FilterBar>
        <PeriodPicker kinds={PERIOD_KINDS} kind={kind} date={date} onChange={(k, d) => set({ 'loai-ky': k, ky: d })} />
        <Select
          aria-label="Đơn vị"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Mọi đơn vị"
          value={unit}
          style={fieldWidth(280)}
          onChange={(v?: string) => set({ 'don-vi': v })}
          options={judgedUnits.map((code) => ({ value: code, label: nameOf(code) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'))}
        />
      </FilterBar>
      <Typography.Paragraph style={{ margin: 0 }}>
        {label} ({inclusiveRange(range)}){range.end > today && ` — kỳ chưa kết thúc, số liệu tính đến hôm nay ${formatDay(today)}`}
        {data && data.ruleVersions.length > 0 && ` · Phiên bản quy định: ${data.ruleVersions.join(', ')}`}
      </Typography.Paragraph>
      {results.isError && <Alert type="error" showIcon message={results.error.message} />}
      {results.isLoading && <Skeleton active />}
      {data && (
        <>
          <section aria-labelledby="results-units-title">
            <Typography.Title level={3} id="results-units-title" style={{ fontSize: 16 }}>
              Kết quả theo đơn vị
            </Typography.Title>
            <UnitTable rows={byMissed} rules={binding} nameOf={nameOf} />
          </section>
          <MetMissedChart
            title={`Đạt và không đạt theo từng ${BUCKET_NAMES[kind]}`}
            buckets={tallyByPart(data, kind, range, today, unit)}
          />
          {data.deadlines.length > 0 && <LateDocuments late={late} nameOf={nameOf} />}
          {scheduleRules.map((rule) => (
            <DayGrid key={rule.rule} rule={rule} results={data} kind={kind} unit={unit} nameOf={nameOf} />
          ))}
        </>
      )}
    </Space>
  );
}

function UnitTable({ rows, rules, nameOf }: { rows: UnitRow[]; rules: RuleColumn[]; nameOf: (code: string) => string }) {
  return (
    <TableRegion label="Kết quả theo đơn vị">
      <Table<UnitRow>
        size="small"
        rowKey="unit"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: emptyText('Không có đơn vị nào phải thực hiện quy định trong kỳ này.') }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unit', render: nameOf },
          ...rules.map((r) => ({
            key: r.rule,
            title: `${OBLIGATION_KIND_LABELS[r.kind]} (${r.requirement})`,
            render: (_: unknown, row: UnitRow) => <TallyCell tally={row.byRule[r.rule]} />,
          })),
          { key: 'met', title: 'Đạt', align: 'right', render: (_, row) => row.total.met },
          { key: 'missed', title: 'Không đạt', align: 'right', render: (_, row) => row.total.missed },
          { key: 'rate', title: 'Tỷ lệ', align: 'right', render: (_, row) => percent(rateOf(row.total)) },
        ]}
      />
    </TableRegion>
  );
}

/** Items a deadline governs (NA-8.4: legal documents by their effective date) that came late or not at all. */
function LateDocuments({ late, nameOf }: { late: Deadline[]; nameOf: (code: string) => string }) {
  return (
    <section aria-labelledby="late-documents-title">
      <Typography.Title level={3} id="late-documents-title" style={{ fontSize: 16 }}>
        Văn bản trễ hạn hoặc chưa đăng
      </Typography.Title>
      <TableRegion label="Văn bản trễ hạn hoặc chưa đăng">
        <Table<Deadline>
          size="small"
          rowKey="itemId"
          dataSource={late}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: emptyText('Không có văn bản nào trễ hạn trong kỳ này.') }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unit', render: nameOf },
            { title: 'Loại', dataIndex: 'contentType', render: typeLabel },
            { title: 'Quy định', dataIndex: 'requirement' },
            { title: 'Hạn đăng', dataIndex: 'due', render: formatDay },
            { title: 'Ngày đăng', dataIndex: 'publishedOn', render: formatDay },
            {
              title: 'Tình trạng',
              render: (_, d) => (
                <StatusTag tone={DEADLINE[d.status].tone}>
                  {DEADLINE[d.status].label}
                  {d.status === 'late' && `, ${d.daysLate} ngày`}
                </StatusTag>
              ),
            },
            {
              title: 'Tin bài',
              render: (_, d) => <Link to={`/noi-dung/${d.itemId}`}>Mở tin bài hạn {formatDay(d.due)}</Link>,
            },
          ]}
        />
      </TableRegion>
    </section>
  );
}

/** The days a rule fixes (LC-2.3a: Monday, Wednesday, Friday), each unit's posted or not: the home page's week strip, over the period. */
function DayGrid({
  rule,
  results,
  kind,
  unit,
  nameOf,
}: {
  rule: RuleColumn;
  results: Schemas['PeriodResultsResponse'];
  kind: PeriodKind;
  unit: string | undefined;
  nameOf: (code: string) => string;
}) {
  const id = `day-grid-${rule.rule}`;
  const schedules = schedulesByUnit(results, rule.rule, unit);
  return (
    <section aria-labelledby={id}>
      <Typography.Title level={3} id={id} style={{ fontSize: 16 }}>
        Các ngày phải đăng ({rule.requirement})
      </Typography.Title>
      {kind === 'week' || kind === 'month' ? (
        <TableRegion label={`Các ngày phải đăng (${rule.requirement})`}>
          <Table
            size="small"
            rowKey="unit"
            dataSource={schedules}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: emptyText('Không có ngày nào phải đăng trong kỳ này.') }}
            columns={[
              { title: 'Đơn vị', dataIndex: 'unit', width: 200, render: nameOf },
              {
                title: 'Từng ngày',
                render: (_, s) => <WeekStrip schedule={s} label={`${nameOf(s.unit)}: các ngày phải đăng`} />,
              },
              { title: 'Không đăng', align: 'right', render: (_, s) => `${s.missedDays.length}/${s.requiredDays.length}` },
            ]}
          />
        </TableRegion>
      ) : (
        <Typography.Text>Chọn một tuần hoặc một tháng để xem từng ngày.</Typography.Text>
      )}
    </section>
  );
}
