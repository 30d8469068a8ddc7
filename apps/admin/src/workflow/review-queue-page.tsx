import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Typography } from 'antd';
import { TableRegion } from '../format/table-region';
import { emptyText } from '../format/empty-text';
import { Link } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import { ageInDays, formatInstant } from '../format/dates';
import { typeLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';

type Entry = Schemas['QueueEntryResponse'];

/** Items waiting for a step of mine (heads, the editorial board), the oldest first, with their age. */
export function ReviewQueuePage() {
  const queue = useQuery({ queryKey: ['workflow', 'queue'], queryFn: () => ok(api.GET('/api/v1/workflow/queue')) });
  const items = [...(queue.data?.items ?? [])].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return (
    <section aria-labelledby="queue-title">
      <Typography.Title level={1} id="queue-title" style={{ fontSize: 24 }}>
        Chờ duyệt
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {queue.data?.counts.map((c) => (
          <StatusTag key={`${c.workflow}:${c.state}`} tone="info">
            {c.label}: {c.count}
          </StatusTag>
        ))}
      </Space>
      {queue.isError && <Alert type="error" showIcon message={queue.error.message} />}
      <TableRegion label="Tin bài chờ duyệt">
        <Table<Entry>
          rowKey="id"
          loading={queue.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: emptyText('Không có tin bài nào chờ bạn.') }}
          columns={[
            { title: 'Tiêu đề', dataIndex: 'title', render: (t: string, i) => <Link to={`/noi-dung/${i.id}`}>{t}</Link> },
            { title: 'Loại', dataIndex: 'type', width: 140, render: typeLabel },
            { title: 'Bước', dataIndex: 'stateLabel', width: 180 },
            { title: 'Kênh', dataIndex: 'channel', width: 110, render: (c: string) => (c === 'portal' ? 'Cổng tỉnh' : 'Trang con') },
            {
              title: 'Đã chờ',
              dataIndex: 'updatedAt',
              width: 150,
              render: (at: string) => <span title={formatInstant(at)}>{ageInDays(at)} ngày</span>,
            },
          ]}
        />
      </TableRegion>
    </section>
  );
}
