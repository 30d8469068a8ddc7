import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { TableRegion } from '../format/table-region';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { ChangesTable } from './changes-table';

type Revision = Schemas['RevisionResponse'];

/** Every saved revision of an item, what changed between any two, and a restore (as a new revision). */
export function RevisionsPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const item = useQuery({
    queryKey: ['content', 'item', id],
    queryFn: () => ok(api.GET('/api/v1/content/{id}', { params: { path: { id } } })),
  });
  const revisions = useQuery({
    queryKey: ['content', 'revisions', id],
    queryFn: () => ok(api.GET('/api/v1/content/{id}/revisions', { params: { path: { id } } })),
  });
  const list = [...(revisions.data ?? [])].sort((a, b) => b.revision - a.revision);
  const [pair, setPair] = useState<[number, number]>();
  const [from, to] = pair ?? (list.length > 1 ? [list[1].revision, list[0].revision] : [1, 1]);
  const diff = useQuery({
    queryKey: ['content', 'diff', id, from, to],
    queryFn: () => ok(api.GET('/api/v1/content/{id}/diff', { params: { path: { id }, query: { from, to } } })),
    enabled: list.length > 1 && from !== to,
  });
  const restore = useMutation({
    mutationFn: (n: number) =>
      ok(
        api.POST('/api/v1/content/{id}/revisions/{n}/restore', {
          params: { path: { id, n } },
          body: { expectedRevision: item.data!.revision },
        }),
      ),
    onSuccess: async (restored) => {
      client.setQueryData(['content', 'item', id], restored);
      await client.invalidateQueries({ queryKey: ['content', 'revisions', id] });
      // The item's workflow names its version: the restore made a new one.
      await client.invalidateQueries({ queryKey: ['workflow'] });
      message.success(`Đã khôi phục thành phiên bản mới ${restored.revision}.`);
      navigate(`/noi-dung/${id}`);
    },
    onError: (error) => message.error(error instanceof ApiProblem ? error.message : 'Không khôi phục được.'),
  });
  const options = list.map((r) => ({ value: r.revision, label: `Phiên bản ${r.revision} — ${formatInstant(r.createdAt)}` }));

  return (
    <section aria-labelledby="revisions-title">
      <Link to={`/noi-dung/${id}`}>← {item.data?.title ?? 'Tin bài'}</Link>
      <Typography.Title level={1} id="revisions-title" style={{ fontSize: 24 }}>
        Các phiên bản
      </Typography.Title>
      {revisions.isError && <Alert type="error" showIcon message={revisions.error.message} />}
      <TableRegion label="Các phiên bản">
        <Table<Revision>
          rowKey="id"
          size="small"
          loading={revisions.isLoading}
          dataSource={list}
          pagination={false}
          columns={[
            { title: 'Phiên bản', dataIndex: 'revision', width: 90 },
            { title: 'Lúc', dataIndex: 'createdAt', width: 150, render: formatInstant },
            { title: 'Người lưu', dataIndex: 'authorLabel' },
            { title: 'Tiêu đề', dataIndex: 'title' },
            {
              title: '',
              width: 120,
              render: (_, r) =>
                r.revision === item.data?.revision ? (
                  <Typography.Text type="secondary">Hiện tại</Typography.Text>
                ) : (
                  <Popconfirm
                    title={`Khôi phục phiên bản ${r.revision}?`}
                    description="Nội dung của phiên bản này thành một phiên bản mới; lịch sử giữ nguyên."
                    okText="Khôi phục"
                    cancelText="Huỷ"
                    onConfirm={() => restore.mutate(r.revision)}
                  >
                    <Button size="small">Khôi phục</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </TableRegion>
      {list.length > 1 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            So sánh
          </Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            <label htmlFor="diff-from">Từ</label>
            <Select id="diff-from" style={{ width: 260 }} value={from} options={options} onChange={(v) => setPair([v, to])} />
            <label htmlFor="diff-to">đến</label>
            <Select id="diff-to" style={{ width: 260 }} value={to} options={options} onChange={(v) => setPair([from, v])} />
          </Space>
          {from === to ? (
            <Typography.Text>Chọn hai phiên bản khác nhau.</Typography.Text>
          ) : (
            <ChangesTable changes={diff.data ?? []} loading={diff.isLoading} />
          )}
        </>
      )}
    </section>
  );
}
