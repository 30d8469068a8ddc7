import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { emptyText } from '../format/empty-text';
import { formatDay, formatInstant } from '../format/dates';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import type { RulesSource } from './rules-source';

type Version = Schemas['RuleVersionSummary'];

const CHANGE_KINDS: Record<string, { label: string; tone: 'good' | 'bad' | 'neutral' }> = {
  added: { label: 'Thêm', tone: 'good' },
  removed: { label: 'Bỏ', tone: 'bad' },
  changed: { label: 'Đổi', tone: 'neutral' },
};

/** Every version with who applied it and when it governs from; what changed between any two. */
export function VersionsTab({ source }: { source: RulesSource }) {
  const [params, setParams] = useSearchParams();
  const versions = useQuery({ queryKey: [...source.key, 'versions'], queryFn: () => source.versions() });
  const newest = versions.data?.[0]?.version;
  const from = Number(params.get('tu') ?? (newest ? newest - 1 : 0));
  const to = Number(params.get('den') ?? newest ?? 0);
  const comparable = from >= 1 && to >= 1 && from !== to;
  const diff = useQuery({
    queryKey: [...source.key, 'diff', from, to],
    queryFn: () => source.diff(from, to),
    enabled: comparable,
  });
  const choose = (name: 'tu' | 'den', value: number) => {
    const next = new URLSearchParams(params);
    next.set('tu', String(name === 'tu' ? value : from));
    next.set('den', String(name === 'den' ? value : to));
    setParams(next, { replace: true });
  };
  const options = (versions.data ?? []).map((v) => ({
    value: v.version,
    label: `Phiên bản ${v.version} (từ ${formatDay(v.effectiveFrom)})`,
  }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {versions.isError && <Alert type="error" showIcon message={versions.error.message} />}
      <TableRegion label="Các phiên bản quy tắc">
        <Table<Version>
          rowKey="version"
          size="small"
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          pagination={false}
          locale={{ emptyText: emptyText('Tỉnh chưa có phiên bản quy tắc nào.') }}
          columns={[
            { title: 'Phiên bản', dataIndex: 'version' },
            { title: 'Có hiệu lực từ', dataIndex: 'effectiveFrom', render: (d: string) => formatDay(d) },
            { title: 'Người áp dụng', dataIndex: 'appliedBy' },
            { title: 'Áp dụng lúc', dataIndex: 'appliedAt', render: (d: string) => formatInstant(d) },
            { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          ]}
        />
      </TableRegion>
      <section aria-labelledby="rules-diff-title">
        <Typography.Title level={2} id="rules-diff-title" style={{ fontSize: 18 }}>
          So sánh hai phiên bản
        </Typography.Title>
        {options.length < 2 ? (
          emptyText('Cần ít nhất hai phiên bản để so sánh.')
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Select
                aria-label="Từ phiên bản"
                value={from || undefined}
                options={options}
                onChange={(v: number) => choose('tu', v)}
                style={{ width: 260 }}
              />
              <span aria-hidden="true">→</span>
              <Select
                aria-label="Đến phiên bản"
                value={to || undefined}
                options={options}
                onChange={(v: number) => choose('den', v)}
                style={{ width: 260 }}
              />
            </Space>
            {!comparable && emptyText('Chọn hai phiên bản khác nhau.')}
            {diff.isError && <Alert type="error" showIcon message={diff.error.message} />}
            {comparable && diff.data && diff.data.length === 0 && emptyText('Hai phiên bản có cùng quy tắc.')}
            {comparable && diff.data && diff.data.length > 0 && (
              <ul className="cong-lines" aria-label={`Thay đổi từ phiên bản ${from} đến phiên bản ${to}`}>
                {diff.data.map((c, i) => (
                  <li key={i}>
                    <StatusTag tone={CHANGE_KINDS[c.kind]?.tone ?? 'neutral'}>{CHANGE_KINDS[c.kind]?.label ?? c.kind}</StatusTag>
                    <code>{c.path}</code>
                    {': '}
                    {c.kind === 'changed' && `${show(c.before)} → ${show(c.after)}`}
                    {c.kind === 'added' && show(c.after)}
                    {c.kind === 'removed' && show(c.before)}
                  </li>
                ))}
              </ul>
            )}
          </Space>
        )}
      </section>
    </Space>
  );
}

/** A rule value in one line: numbers and words as they are, lists and objects as JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
