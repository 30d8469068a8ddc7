import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Space, Table, TreeSelect, Typography } from 'antd';
import { TableRegion } from '../format/table-region';
import { emptyText } from '../format/empty-text';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { dayjs, formatInstant } from '../format/dates';
import { StatusTag } from '../format/status-tag';
import { CONTENT_TYPE_LABELS, STATUS_LABELS, typeLabel } from '../format/labels';
import { useMe, useSite, useSites, useUnits } from '../session/lookups';
import { FilterSelect } from '../format/filter-select';
import { sectionTree } from './sections';

type Item = Schemas['ContentResponse'];
type ListQuery = NonNullable<paths['/api/v1/content']['get']['parameters']['query']>;
const FILTERS = ['site', 'section', 'type', 'status', 'unit', 'author', 'updatedFrom', 'updatedTo', 'q'] as const;
type Filter = (typeof FILTERS)[number];

/** Items I may see, newest change first, filtered by what the URL says (so a filtered list can be shared). */
export function ContentListPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const sites = useSites();
  const units = useUnits();
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Partial<Record<Filter, string>>;
  const set = (changes: Partial<Record<Filter, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if ('site' in changes) next.delete('section');
    setParams(next, { replace: true });
  };

  const list = useInfiniteQuery({
    queryKey: ['content', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/content', { params: { query: { ...(filter as ListQuery), limit: 25, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const site = useSite(filter.site).data;
  const siteTitle = (key: string) => sites.data?.find((s) => s.key === key)?.title ?? key;

  return (
    <section aria-labelledby="content-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="content-title" style={{ fontSize: 24 }}>
          Nội dung
        </Typography.Title>
        <Link to="/noi-dung/moi">
          <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
            Viết bài mới
          </Button>
        </Link>
      </Space>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc nội dung">
        <Form.Item label="Tìm" htmlFor="filter-q">
          <Input.Search
            id="filter-q"
            allowClear
            defaultValue={filter.q}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 220 }}
          />
        </Form.Item>
        <FilterSelect
          label="Trang"
          name="site"
          width={200}
          value={filter.site}
          onChange={set}
          options={(sites.data ?? []).map((s) => ({ value: s.key, label: s.title }))}
        />
        {site && (
          <Form.Item label="Chuyên mục" htmlFor="filter-section">
            <TreeSelect
              id="filter-section"
              allowClear
              style={{ width: 200 }}
              value={filter.section}
              onChange={(v) => set({ section: v })}
              treeData={sectionTree(site.sections ?? [])}
              placeholder="Tất cả"
            />
          </Form.Item>
        )}
        <FilterSelect
          label="Loại"
          name="type"
          width={170}
          value={filter.type}
          onChange={set}
          options={Object.entries(CONTENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          label="Trạng thái"
          name="status"
          width={150}
          value={filter.status}
          onChange={set}
          options={Object.entries(STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <FilterSelect
          label="Đơn vị"
          name="unit"
          width={200}
          value={filter.unit}
          onChange={set}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
        <Form.Item label="Cập nhật" htmlFor="filter-updated">
          <DatePicker.RangePicker
            id={{ start: 'filter-updated' }}
            format="DD/MM/YYYY"
            value={filter.updatedFrom && filter.updatedTo ? [dayjs(filter.updatedFrom), dayjs(filter.updatedTo)] : null}
            onChange={(range) => set({ updatedFrom: range?.[0]?.format('YYYY-MM-DD'), updatedTo: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={Boolean(filter.author)} onChange={(e) => set({ author: e.target.checked ? me.data?.id : undefined })}>
            Bài của tôi
          </Checkbox>
        </Form.Item>
      </Form>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Danh sách nội dung">
        <Table<Item>
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: emptyText('Không có nội dung nào khớp bộ lọc.') }}
          columns={[
            { title: 'Tiêu đề', dataIndex: 'title', render: (title: string, i) => <Link to={`/noi-dung/${i.id}`}>{title}</Link> },
            { title: 'Loại', dataIndex: 'type', width: 140, render: typeLabel },
            { title: 'Trang', dataIndex: 'site', width: 180, render: siteTitle },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 130,
              render: (status: string) => (
                <StatusTag tone={STATUS_LABELS[status]?.tone ?? 'neutral'}>{STATUS_LABELS[status]?.label ?? status}</StatusTag>
              ),
            },
            { title: 'Cập nhật', dataIndex: 'updatedAt', width: 150, render: formatInstant },
          ]}
        />
      </TableRegion>
      {list.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </section>
  );
}
