import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Space, Table, Typography } from 'antd';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { DownloadButtons } from '../format/download';
import { formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { roleLabel } from '../format/labels';
import { TableRegion } from '../format/table-region';
import { DayRangeFilter, instantRange, useUrlFilters } from '../format/url-filters';
import { useUnits } from '../session/lookups';

type Entry = Schemas['AuditEntryView'];
type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
type Action = NonNullable<AuditQuery['action']>[number];

/** The filters, in the address so a filtered log can be shared: `?hanh-dong=a,b&nguoi=…&don-vi=…&tu=…&den=…`. */
const PARAMS = { action: 'hanh-dong', actor: 'nguoi', unit: 'don-vi', from: 'tu', to: 'den' } as const;

/**
 * The province's audit log for its IT centre: who did what and when, newest first, filtered by
 * action, person, unit and days (in the province's time zone), and exported as XLSX or CSV with
 * the same filters.
 */
export function AuditPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const query: AuditQuery = {
    action: filter.action ? (filter.action.split(',') as Action[]) : undefined,
    actor: filter.actor,
    unit: filter.unit,
    ...instantRange(filter.from, filter.to),
  };

  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: () => ok(api.GET('/api/v1/audit/actions')), staleTime: Infinity });
  const users = useQuery({
    queryKey: ['users', 'list', '', undefined],
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: {} } })),
  });
  const units = useUnits();
  const log = useInfiniteQuery({
    queryKey: ['audit', 'log', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/audit', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const labelOf = (action: string) => actions.data?.find((a) => a.action === action)?.label ?? action;
  const unitName = (code: unknown) => units.data?.find((u) => u.code === code || u.id === code)?.name;

  return (
    <section aria-labelledby="audit-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="audit-title" style={{ fontSize: 24, margin: 0 }}>
          Nhật ký hoạt động
        </Typography.Title>
        <DownloadButtons
          call={(format) => api.GET('/api/v1/audit/export', { params: { query: { ...query, format } }, parseAs: 'blob' })}
          fallbackName={(format) => `nhat-ky.${format}`}
        />
      </Space>
      <Form layout="inline" style={{ rowGap: 8, margin: '16px 0' }} aria-label="Lọc nhật ký">
        <Form.Item label="Hành động" htmlFor="filter-action">
          <Select
            id="filter-action"
            mode="multiple"
            allowClear
            placeholder="Tất cả"
            optionFilterProp="label"
            style={{ minWidth: 240, maxWidth: 420 }}
            value={query.action ?? []}
            onChange={(v: string[]) => set({ action: v.length ? v.join(',') : undefined })}
            options={(actions.data ?? []).map((a) => ({ value: a.action, label: a.label }))}
          />
        </Form.Item>
        <FilterSelect
          label="Người thực hiện"
          name="actor"
          width={220}
          value={filter.actor}
          onChange={set}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        />
        <FilterSelect
          label="Đơn vị"
          name="unit"
          width={220}
          value={filter.unit}
          onChange={set}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
        <DayRangeFilter from={filter.from} to={filter.to} onChange={set} />
      </Form>
      {log.isError && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Các mục nhật ký">
        <Table<Entry>
          rowKey="id"
          size="small"
          loading={log.isLoading}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: emptyText('Không có mục nào khớp bộ lọc.') }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'occurredAt', width: 150, render: (at: string) => formatInstant(at) },
            { title: 'Hành động', dataIndex: 'action', render: labelOf },
            { title: 'Người thực hiện', dataIndex: 'actorLabel' },
            { title: 'Chi tiết', render: (_, e) => detailsOf(e, unitName) },
            { title: 'Địa chỉ IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </TableRegion>
      {log.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </section>
  );
}

/** The details' keys officials read, in Vietnamese; others are shown as the log writes them. */
const DETAIL_NAMES: Record<string, string> = {
  username: 'Tài khoản',
  role: 'Vai trò',
  title: 'Tiêu đề',
  reason: 'Lý do',
  code: 'Mã',
  version: 'Phiên bản',
  effectiveFrom: 'Hiệu lực từ',
  site: 'Trang',
};

/** What an entry is about, in a line: the unit by name, the known details in words, the rest as written. */
function detailsOf(entry: Entry, unitName: (codeOrId: unknown) => string | undefined): string {
  const details = entry.details as Record<string, unknown>;
  const unit = unitName(details['unit'] ?? details['unitId'] ?? (entry.subjectType === 'unit' ? entry.subjectId : undefined));
  const shown = Object.entries(details)
    .filter(([key, value]) => value !== null && value !== undefined && !(unit && (key === 'unit' || key === 'unitId')))
    .map(([key, value]) => {
      const text = key === 'role' ? roleLabel(String(value)) : typeof value === 'object' ? JSON.stringify(value) : String(value);
      return `${DETAIL_NAMES[key] ?? key}: ${text}`;
    });
  return [unit ? `Đơn vị: ${unit}` : null, ...shown].filter(Boolean).join('; ') || '—';
}
