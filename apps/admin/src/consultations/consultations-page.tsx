import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { TableRegion } from '../format/table-region';
import { useUrlFilters } from '../format/url-filters';
import { useManagedSites } from '../polls/poll-hooks';
import { isCommentFilter } from './consultation-comments';
import { ConsultationDrawer, NewConsultationDrawer } from './consultation-drawer';
import { type Consultation, useConsultations } from './consultation-hooks';
import { PhaseTag } from './consultation-phase';

/** The filter, the consultation open and its comments' status, in the address: `?trang=so-tu-phap&du-thao=<id>&y-kien=pending`. */
const PARAMS = { site: 'trang', open: 'du-thao', comments: 'y-kien' } as const;

/**
 * Consultations on draft documents (góp ý dự thảo văn bản) of the units I run, the latest first
 * day first: the IT centre and the editorial board everywhere, a unit's head for their units (the
 * API decides). Filtered by site; one opens in a drawer with its comments to moderate.
 */
export function ConsultationsPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const sites = useManagedSites();
  const list = useConsultations(filter.site);
  const [creating, setCreating] = useState(false);
  const consultations = list.data ?? [];
  const defaultSite =
    filter.site && sites.open.some((s) => s.key === filter.site) ? filter.site : sites.open.length === 1 ? sites.open[0]!.key : undefined;

  return (
    <section aria-labelledby="consultations-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="consultations-title" style={{ fontSize: 24, margin: 0 }}>
          Góp ý dự thảo văn bản
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={sites.loading || sites.open.length === 0}
          onClick={() => setCreating(true)}
        >
          Lấy ý kiến dự thảo
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        Dự thảo văn bản đưa lên cổng để người dân, tổ chức góp ý từ ngày bắt đầu đến hết ngày kết thúc. Ý kiến chỉ hiện trên cổng sau khi
        được công bố; cơ quan chủ trì soạn thảo nhận bản tổng hợp mọi ý kiến.
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc dự thảo">
        <FilterSelect
          label="Trang"
          name="site"
          width={280}
          value={filter.site}
          onChange={set}
          options={sites.all.map((s) => ({ value: s.key, label: s.title }))}
        />
      </Form>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Danh sách dự thảo lấy ý kiến">
        <Table<Consultation>
          rowKey="id"
          loading={list.isLoading}
          dataSource={consultations}
          pagination={consultations.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{
            emptyText: emptyText(filter.site ? 'Trang này chưa có dự thảo lấy ý kiến nào.' : 'Chưa có dự thảo lấy ý kiến nào.'),
          }}
          columns={[
            {
              title: 'Dự thảo',
              dataIndex: 'title',
              onCell: () => ({ style: { minWidth: 220 } }),
              render: (title: string, c) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => set({ open: c.id, comments: undefined })}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: 'Cơ quan chủ trì soạn thảo',
              key: 'unit',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (_, c) => c.unit.name,
            },
            { title: 'Thời gian', dataIndex: 'period', width: 200 },
            { title: 'Trạng thái', dataIndex: 'phase', width: 150, render: (_, c) => <PhaseTag consultation={c} /> },
            {
              title: 'Số ý kiến',
              dataIndex: 'commentCount',
              width: 100,
              align: 'right',
              render: (n: number) => n.toLocaleString('vi-VN'),
            },
          ]}
        />
      </TableRegion>
      {creating && (
        <NewConsultationDrawer
          site={defaultSite}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            set({ open: c.id, comments: undefined });
          }}
        />
      )}
      {filter.open && (
        <ConsultationDrawer
          key={filter.open}
          id={filter.open}
          filter={isCommentFilter(filter.comments) ? filter.comments : 'pending'}
          onFilter={(f) => set({ comments: f === 'pending' ? undefined : f })}
          onClose={() => set({ open: undefined, comments: undefined })}
        />
      )}
    </section>
  );
}
