import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Table, Typography } from 'antd';
import { api, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { TableRegion } from '../format/table-region';
import { DayRangeFilter, instantRange, useUrlFilters } from '../format/url-filters';
import { useProvinces } from './provinces';

type Access = Schemas['OperatorAccessView'];
const PARAMS = { tenant: 'tinh', actor: 'nguoi', from: 'tu', to: 'den' } as const;

/**
 * Every opening of all provinces' rows, newest first: who, why and about which province, filtered
 * by province, operator and days. Each province's IT centre sees the same lines about itself.
 */
export function AccessLogPage() {
  const provinces = useProvinces();
  const { filter, set } = useUrlFilters(PARAMS);
  const query = {
    tenant: filter.tenant,
    actor: filter.actor,
    ...instantRange(filter.from, filter.to),
  };
  const log = useInfiniteQuery({
    queryKey: ['operator', 'access-log', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/operator/access-log', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="access-log-title">
      <Typography.Title level={1} id="access-log-title" style={{ fontSize: 24, marginTop: 0 }}>
        Nhật ký truy cập liên tỉnh
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc nhật ký truy cập">
        <FilterSelect
          label="Tỉnh"
          name="tenant"
          width={200}
          value={filter.tenant}
          onChange={set}
          options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
        <Form.Item label="Người truy cập" htmlFor="filter-actor">
          <Input.Search
            id="filter-actor"
            allowClear
            defaultValue={filter.actor}
            onSearch={(v) => set({ actor: v.trim() || undefined })}
            style={{ width: 200 }}
          />
        </Form.Item>
        <DayRangeFilter from={filter.from} to={filter.to} onChange={set} />
      </Form>
      {log.isError && <Alert type="error" showIcon message={log.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Các lần truy cập">
        <Table<Access>
          rowKey="id"
          size="small"
          loading={log.isLoading}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: emptyText('Không có lần truy cập nào khớp bộ lọc.') }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'startedAt', width: 150, render: (at: string) => formatInstant(at) },
            { title: 'Người truy cập', dataIndex: 'actorLabel' },
            { title: 'Lý do', dataIndex: 'reason' },
            { title: 'Tỉnh', render: (_, a) => a.tenantName ?? 'Nhiều tỉnh / nền tảng' },
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
