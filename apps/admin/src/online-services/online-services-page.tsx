import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { ONLINE_SERVICE_STATUS_TONES } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { useUrlFilters } from '../format/url-filters';
import { useUnits } from '../session/lookups';
import { useUnitRequest } from '../unit-requests/unit-request-hooks';
import { ServiceDrawer } from './service-drawer';
import { ServiceFormDrawer } from './service-form';
import { type OnlineService, type ServiceStatus, useServiceList, useServiceRoles } from './service-hooks';

/** The filters, the entry open and a registration from a proposal, in the address: `?don-vi=so-y-te&trang-thai=active&tim=…&dich-vu=<id>&tu-de-xuat=<id>`. */
const PARAMS = { unit: 'don-vi', status: 'trang-thai', q: 'tim', open: 'dich-vu', fromRequest: 'tu-de-xuat' } as const;

const STATUS_OPTIONS = [
  { value: 'registered', label: 'Đã đăng ký, chờ xem xét' },
  { value: 'active', label: 'Đang cung cấp trực tuyến' },
  { value: 'suspended', label: 'Tạm ngừng' },
  { value: 'retired', label: 'Đã ngừng cung cấp' },
  { value: 'declined', label: 'Không chấp thuận' },
];

/**
 * The registry of the province's online public services (LC-2.1.3), newest first: units register
 * the services they offer online, the editorial council (or the IT centre) accepts, declines,
 * suspends or retires them; active ones are linked on the unit's sub-site and on their procedure's
 * page. Every province role reads it; filtered by unit, status and words.
 */
export function OnlineServicesPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const roles = useServiceRoles();
  const units = useUnits();
  const [registering, setRegistering] = useState(false);
  const [search, setSearch] = useState(filter.q ?? '');
  const list = useServiceList({
    unit: filter.unit,
    status: filter.status as ServiceStatus | undefined,
    q: filter.q && filter.q.trim().length >= 2 ? filter.q.trim() : undefined,
  });
  const services = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filter.unit || filter.status || filter.q);
  const unitOptions = (units.data ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.code, label: u.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

  return (
    <section aria-labelledby="online-services-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="online-services-title" style={{ fontSize: 24, margin: 0 }}>
          Dịch vụ công trực tuyến
        </Typography.Title>
        {roles.registers && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            Đăng ký dịch vụ
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        Sổ các dịch vụ công đơn vị cung cấp trực tuyến. Đơn vị đăng ký, Hội đồng biên tập xem xét; dịch vụ đang cung cấp hiện trên chuyên
        trang của đơn vị và ở trang thủ tục hành chính tương ứng.
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc dịch vụ công trực tuyến">
        <FilterSelect label="Đơn vị" name="unit" width={240} value={filter.unit} onChange={set} options={unitOptions} />
        <FilterSelect label="Trạng thái" name="status" width={240} value={filter.status} onChange={set} options={STATUS_OPTIONS} />
        <Form.Item label="Tìm" htmlFor="filter-q">
          <Input.Search
            id="filter-q"
            allowClear
            style={{ width: 260 }}
            placeholder="Tên hoặc mã dịch vụ"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Danh sách dịch vụ công trực tuyến">
        <Table<OnlineService>
          rowKey="id"
          loading={list.isLoading}
          dataSource={services}
          pagination={false}
          locale={{ emptyText: emptyText(filtered ? 'Không có dịch vụ nào khớp bộ lọc.' : 'Chưa có dịch vụ nào được đăng ký.') }}
          columns={[
            {
              title: 'Tên dịch vụ',
              dataIndex: 'name',
              onCell: () => ({ style: { minWidth: 220 } }),
              render: (name: string, s) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => set({ open: s.id })}
                >
                  {name}
                </Button>
              ),
            },
            { title: 'Mã', dataIndex: 'code', width: 120, render: (code: string | null) => code ?? '—' },
            { title: 'Mức độ', dataIndex: 'levelLabel', width: 110 },
            {
              title: 'Đơn vị',
              dataIndex: 'unit',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (u: OnlineService['unit']) => u.name,
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 200,
              render: (status: string, s) => <StatusTag tone={ONLINE_SERVICE_STATUS_TONES[status] ?? 'neutral'}>{s.statusLabel}</StatusTag>,
            },
          ]}
        />
      </TableRegion>
      {list.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
      {filter.open && <ServiceDrawer key={filter.open} id={filter.open} onClose={() => set({ open: undefined })} />}
      {registering && (
        <ServiceFormDrawer
          onClose={() => setRegistering(false)}
          onSaved={(s) => {
            setRegistering(false);
            set({ open: s.id });
          }}
        />
      )}
      {filter.fromRequest && <FromProposal id={filter.fromRequest} onDone={(s) => set({ fromRequest: undefined, open: s?.id })} />}
    </section>
  );
}

/** A registration that starts from a unit's proposal (NA-8.5): its unit and title, and the link back to it. */
function FromProposal({ id, onDone }: { id: string; onDone: (saved?: OnlineService) => void }) {
  const request = useUnitRequest(id);
  const { message } = App.useApp();
  const told = useRef(false);
  // A proposal that cannot be read (not mine, or gone): said once, and the address cleared.
  useEffect(() => {
    if (request.isError && !told.current) {
      told.current = true;
      void message.error(request.error.message);
      onDone();
    }
  }, [request.isError, request.error, message, onDone]);
  if (!request.data) return null;
  const r = request.data;
  return (
    <ServiceFormDrawer
      draft={{ unit: r.unit.code, name: r.title, request: { id: r.id, number: r.number } }}
      onClose={() => onDone()}
      onSaved={(s) => onDone(s)}
    />
  );
}
