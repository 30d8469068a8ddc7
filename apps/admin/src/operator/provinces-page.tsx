import { Alert, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { TENANT_STATUS_LABELS, useProvinces } from './provinces';

type Province = Schemas['TenantSummary'];

/** The provinces on the platform, each opening its rules. */
export function ProvincesPage() {
  const provinces = useProvinces();
  return (
    <section aria-labelledby="provinces-title">
      <Typography.Title level={1} id="provinces-title" style={{ fontSize: 24, marginTop: 0 }}>
        Các tỉnh trên nền tảng
      </Typography.Title>
      {provinces.isError && <Alert type="error" showIcon message={provinces.error.message} />}
      <TableRegion label="Danh sách tỉnh">
        <Table<Province>
          rowKey="code"
          loading={provinces.isLoading}
          dataSource={provinces.data ?? []}
          pagination={false}
          locale={{ emptyText: emptyText('Chưa có tỉnh nào.') }}
          columns={[
            { title: 'Tỉnh', dataIndex: 'name', render: (name: string, p) => <Link to={`/quoc-gia/tinh/${p.code}`}>{name}</Link> },
            { title: 'Mã', dataIndex: 'code' },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              render: (s: string) => (
                <StatusTag tone={TENANT_STATUS_LABELS[s]?.tone ?? 'neutral'}>{TENANT_STATUS_LABELS[s]?.label ?? s}</StatusTag>
              ),
            },
            { title: 'Số đơn vị', dataIndex: 'unitCount', align: 'right' },
            {
              title: 'Quy tắc đang có hiệu lực',
              render: (_, p) =>
                p.rulesInForce ? `Phiên bản ${p.rulesInForce.version}, từ ${formatDay(p.rulesInForce.effectiveFrom)}` : 'Chưa có',
            },
            { title: 'Tên miền', dataIndex: 'domains', render: (d: string[]) => d.join(', ') },
          ]}
        />
      </TableRegion>
    </section>
  );
}
