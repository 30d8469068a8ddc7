import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { TableRegion } from '../format/table-region';
import { useUrlFilters } from '../format/url-filters';
import { NewPollDrawer, PollDrawer } from './poll-drawer';
import { type Poll, useManagedSites, usePolls } from './poll-hooks';
import { PhaseTag } from './poll-phase';

/** The filter and the poll open, in the address: `?trang=portal&cuoc-tham-do=<id>`. */
const PARAMS = { site: 'trang', open: 'cuoc-tham-do' } as const;

/**
 * Opinion polls (thăm dò ý kiến, NA-5.5) of the sites I run, newest first: the IT centre and the
 * editorial board on every site, a unit's head on their units' sub-sites (the API decides). Filtered
 * by site; a poll opens in a drawer with its results and what may still be done with it.
 */
export function PollsPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const sites = useManagedSites();
  const list = usePolls(filter.site);
  const [creating, setCreating] = useState(false);
  const polls = list.data ?? [];
  // A new poll goes where the list is filtered to, else on the portal when I run it, else on my only sub-site.
  const defaultSite =
    filter.site && sites.open.some((s) => s.key === filter.site)
      ? filter.site
      : sites.open.some((s) => s.key === 'portal')
        ? 'portal'
        : sites.open.length === 1
          ? sites.open[0]!.key
          : undefined;

  return (
    <section aria-labelledby="polls-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="polls-title" style={{ fontSize: 24, margin: 0 }}>
          Thăm dò ý kiến
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={sites.loading || sites.open.length === 0}
          onClick={() => setCreating(true)}
        >
          Tạo cuộc thăm dò
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        Các cuộc thăm dò ý kiến người dân trên cổng thông tin và các chuyên trang bạn quản lý. Mỗi người bình chọn một lần; kết quả luôn xem
        được ở đây.
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc cuộc thăm dò">
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
      <TableRegion label="Danh sách cuộc thăm dò">
        <Table<Poll>
          rowKey="id"
          loading={list.isLoading}
          dataSource={polls}
          pagination={polls.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{
            emptyText: emptyText(filter.site ? 'Trang này chưa có cuộc thăm dò nào.' : 'Chưa có cuộc thăm dò nào.'),
          }}
          columns={[
            {
              title: 'Câu hỏi',
              dataIndex: 'question',
              onCell: () => ({ style: { minWidth: 220 } }),
              render: (question: string, p) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => set({ open: p.id })}
                >
                  {question}
                </Button>
              ),
            },
            {
              title: 'Trang',
              dataIndex: 'site',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (site: string) => sites.title(site),
            },
            {
              title: 'Thời gian',
              key: 'times',
              width: 200,
              render: (_, p) => (
                <>
                  Từ {p.opensAtText}
                  <br />
                  đến {p.closesAtText}
                </>
              ),
            },
            { title: 'Trạng thái', dataIndex: 'phase', width: 130, render: (_, p) => <PhaseTag poll={p} /> },
            {
              title: 'Người tham gia',
              key: 'voters',
              width: 130,
              align: 'right',
              render: (_, p) => (p.results ? p.results.voters.toLocaleString('vi-VN') : '—'),
            },
          ]}
        />
      </TableRegion>
      {creating && (
        <NewPollDrawer
          site={defaultSite}
          onClose={() => setCreating(false)}
          onCreated={(poll) => {
            setCreating(false);
            set({ open: poll.id });
          }}
        />
      )}
      {filter.open && <PollDrawer key={filter.open} id={filter.open} onClose={() => set({ open: undefined })} />}
    </section>
  );
}
