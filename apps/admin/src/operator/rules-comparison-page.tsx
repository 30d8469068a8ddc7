import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { provinceRules } from '../rules/rules-source';
import { type AspectLine, ASPECTS, aspectsOf } from './rule-aspects';
import { useProvinces } from './provinces';

/** The rules in force today of one province, by aspect. */
function useAspects(code: string | undefined) {
  return useQuery({
    queryKey: ['operator', 'rules', code, 'in-force', undefined],
    queryFn: () => provinceRules(code!).inForce(),
    enabled: Boolean(code),
    retry: false,
    select: (detail) => ({ version: detail.version, effectiveFrom: detail.effectiveFrom, aspects: aspectsOf(detail.document) }),
  });
}

function Lines({ lines }: { lines: AspectLine[] | undefined }) {
  if (!lines) return null;
  if (lines.length === 0) return emptyText('Không quy định');
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {lines.map((l, i) => (
        <li key={i}>
          {l.text} {l.requirement && <StatusTag tone="info">{l.requirement}</StatusTag>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Two provinces' rules in force today, side by side: quotas, schedules, deadlines, workflows,
 * reports, emulation, royalties and accounts, each line with the requirement it comes from. The
 * two provinces are in the address (`?a=lao-cai&b=nghe-an`).
 */
export function RulesComparisonPage() {
  const [params, setParams] = useSearchParams();
  const provinces = useProvinces();
  const codes = (provinces.data ?? []).map((p) => p.code);
  const a = params.get('a') ?? codes[0];
  const b = params.get('b') ?? codes.find((c) => c !== a);
  const left = useAspects(a);
  const right = useAspects(b);
  const nameOf = (code: string | undefined) => provinces.data?.find((p) => p.code === code)?.name ?? code ?? '';
  const choose = (side: 'a' | 'b', code: string) => {
    const next = new URLSearchParams(params);
    next.set(side, code);
    if (!next.get(side === 'a' ? 'b' : 'a')) next.set(side === 'a' ? 'b' : 'a', (side === 'a' ? b : a) ?? '');
    setParams(next, { replace: true });
  };
  const options = (provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }));
  const heading = (code: string | undefined, q: typeof left) =>
    `${nameOf(code)}${q.data ? ` (phiên bản ${q.data.version}, từ ${formatDay(q.data.effectiveFrom)})` : ''}`;

  return (
    <section aria-labelledby="compare-rules-title">
      <Typography.Title level={1} id="compare-rules-title" style={{ fontSize: 24, marginTop: 0 }}>
        So sánh quy tắc giữa hai tỉnh
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="Tỉnh thứ nhất" value={a} options={options} onChange={(v: string) => choose('a', v)} style={{ width: 220 }} />
        <span aria-hidden="true">và</span>
        <Select aria-label="Tỉnh thứ hai" value={b} options={options} onChange={(v: string) => choose('b', v)} style={{ width: 220 }} />
      </Space>
      {[left, right].map(
        (q, i) => q.isError && <Alert key={i} type="warning" showIcon message={q.error.message} style={{ marginBottom: 8 }} />,
      )}
      <TableRegion label="Quy tắc của hai tỉnh, theo từng nội dung">
        <Table
          rowKey="key"
          loading={left.isLoading || right.isLoading}
          dataSource={[...ASPECTS]}
          pagination={false}
          columns={[
            { title: 'Nội dung', dataIndex: 'label', width: 180, onCell: () => ({ style: { fontWeight: 600 } }) },
            { title: heading(a, left), render: (_, aspect) => <Lines lines={left.data?.aspects[aspect.key]} /> },
            { title: heading(b, right), render: (_, aspect) => <Lines lines={right.data?.aspects[aspect.key]} /> },
          ]}
        />
      </TableRegion>
    </section>
  );
}
