import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDay } from '../format/dates';
import { DueDate } from '../format/due-date';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { UNIT_REQUEST_STATUS_TONES } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { useUrlFilters } from '../format/url-filters';
import { SendRequestDrawer } from './send-request-drawer';
import { UnitRequestDrawer } from './unit-request-drawer';
import {
  answerTime,
  handlerName,
  type UnitRequestKind,
  type UnitRequestStatus,
  type UnitRequestSummary,
  useUnitRequestList,
  useUnitRequestRoles,
  useUnitRequestRoutes,
} from './unit-request-hooks';

/** The filters and the request open, in the address: `?hop=den&loai=proposal&trang-thai=sent&qua-han=1&tim=…&yeu-cau=<id>`. */
const PARAMS = { box: 'hop', kind: 'loai', status: 'trang-thai', overdue: 'qua-han', q: 'tim', open: 'yeu-cau' } as const;
const BOXES = { den: 'incoming', di: 'outgoing' } as const;

const KIND_OPTIONS = [
  { value: 'proposal', label: 'Đề xuất dịch vụ công trực tuyến' },
  { value: 'problem', label: 'Phản ánh vướng mắc' },
];
const STATUS_OPTIONS = [
  { value: 'sent', label: 'Chờ tiếp nhận' },
  { value: 'in_progress', label: 'Đang xử lý' },
  { value: 'answered', label: 'Đã trả lời' },
  { value: 'withdrawn', label: 'Đã rút lại' },
];

/**
 * Units' proposals of online public services and reports of problems (NA-8.5; Lào Cai's
 * registrations, LC-2.1.3), newest first: a unit's people see what their units sent ("Đi") and what
 * their units are to answer ("Đến"); province-wide roles see every one. Where each kind goes and how
 * long its answer may take is said above the list, from the rules in force. A request opens in a
 * drawer with its files, answer, history and the steps I may take.
 */
export function UnitRequestsPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const roles = useUnitRequestRoles();
  const routes = useUnitRequestRoutes();
  const [sending, setSending] = useState(false);
  const [search, setSearch] = useState(filter.q ?? '');
  const box = filter.box === 'den' || filter.box === 'di' ? BOXES[filter.box] : undefined;
  const list = useUnitRequestList({
    box: roles.provinceWide ? undefined : box,
    kind: filter.kind as UnitRequestKind | undefined,
    status: filter.status as UnitRequestStatus | undefined,
    overdue: filter.overdue ? true : undefined,
    q: filter.q && filter.q.trim().length >= 2 ? filter.q.trim() : undefined,
  });
  const requests = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filter.kind || filter.status || filter.overdue || filter.q || (box && !roles.provinceWide));
  const open = routes.data?.some((r) => r.enabled) ?? false;

  return (
    <section aria-labelledby="unit-requests-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="unit-requests-title" style={{ fontSize: 24, margin: 0 }}>
          Đề xuất, phản ánh của đơn vị
        </Typography.Title>
        {roles.sends && open && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setSending(true)}>
            Gửi đề xuất, phản ánh
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        Đơn vị đề xuất dịch vụ công cần cung cấp trực tuyến và phản ánh vướng mắc trong quá trình cung cấp thông tin, dịch vụ công trên
        cổng.
      </Typography.Paragraph>
      {routes.data && (
        <section aria-labelledby="unit-request-routes" style={{ marginBottom: 16 }}>
          <Typography.Title level={2} id="unit-request-routes" style={{ fontSize: 16 }}>
            Nơi tiếp nhận theo quy chế của tỉnh
          </Typography.Title>
          {open ? (
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {routes.data.map((r) => (
                <li key={r.kind}>
                  {r.kindLabel}: <strong>{handlerName(r.handler)}</strong> trả lời trong {answerTime(r)}.
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph>
              Tỉnh không nhận đề xuất, phản ánh của đơn vị qua hệ thống; các yêu cầu đã gửi vẫn được xem ở đây.
            </Typography.Paragraph>
          )}
        </section>
      )}
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc đề xuất, phản ánh">
        {!roles.provinceWide && (
          <FilterSelect
            label="Hộp"
            name="box"
            width={240}
            value={box ? filter.box : undefined}
            onChange={set}
            options={[
              { value: 'den', label: 'Đến (đơn vị tôi trả lời)' },
              { value: 'di', label: 'Đi (đơn vị tôi gửi)' },
            ]}
          />
        )}
        <FilterSelect label="Loại" name="kind" width={260} value={filter.kind} onChange={set} options={KIND_OPTIONS} />
        <FilterSelect label="Trạng thái" name="status" width={180} value={filter.status} onChange={set} options={STATUS_OPTIONS} />
        <Form.Item label="Tìm" htmlFor="filter-q">
          <Input.Search
            id="filter-q"
            allowClear
            style={{ width: 260 }}
            placeholder="Số (DX-2026-7) hoặc từ khóa"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={Boolean(filter.overdue)} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}>
            Chỉ yêu cầu quá hạn trả lời
          </Checkbox>
        </Form.Item>
      </Form>
      {filter.q && filter.q.trim().length < 2 && (
        <Alert type="warning" showIcon message="Từ khóa phải có ít nhất 2 ký tự." style={{ marginBottom: 16 }} />
      )}
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Danh sách đề xuất, phản ánh">
        <Table<UnitRequestSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={requests}
          pagination={false}
          rowClassName={(r) => (r.overdue ? 'cong-overdue' : '')}
          locale={{
            emptyText: emptyText(filtered ? 'Không có đề xuất, phản ánh nào khớp bộ lọc.' : 'Chưa có đề xuất, phản ánh nào.'),
          }}
          columns={[
            { title: 'Số', dataIndex: 'number', width: 120, render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
            {
              title: 'Tiêu đề',
              dataIndex: 'title',
              onCell: () => ({ style: { minWidth: 220 } }),
              render: (title: string, r) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => set({ open: r.id })}
                >
                  {title}
                </Button>
              ),
            },
            { title: 'Loại', dataIndex: 'kindLabel', onCell: () => ({ style: { minWidth: 140 } }) },
            {
              title: 'Đơn vị gửi',
              dataIndex: 'unit',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (u: UnitRequestSummary['unit']) => u.name,
            },
            {
              title: 'Đơn vị trả lời',
              dataIndex: 'handler',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (h: UnitRequestSummary['handler']) => handlerName(h),
            },
            { title: 'Ngày gửi', dataIndex: 'sentOn', width: 110, render: formatDay },
            { title: 'Hạn trả lời', dataIndex: 'dueOn', width: 130, render: (_, r) => <DueDate due={r.dueOn} overdue={r.overdue} /> },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 150,
              render: (status: string, r) => <StatusTag tone={UNIT_REQUEST_STATUS_TONES[status] ?? 'neutral'}>{r.statusLabel}</StatusTag>,
            },
          ]}
        />
      </TableRegion>
      {list.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
      {filter.open && <UnitRequestDrawer key={filter.open} id={filter.open} onClose={() => set({ open: undefined })} />}
      {sending && (
        <SendRequestDrawer
          routes={routes.data ?? []}
          onClose={() => setSending(false)}
          onSent={(request) => {
            setSending(false);
            set({ open: request.id });
          }}
        />
      )}
    </section>
  );
}
