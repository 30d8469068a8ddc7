import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Space, Switch, Typography } from 'antd';
import { emptyText } from '../format/empty-text';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client';
import { formatInstant } from '../format/dates';
import { StatusTag } from '../format/status-tag';
import { INBOX_KEY } from './notification-bell';

/** Where a notice's subject opens in the console: an item in its editor, a unit's request in its drawer. */
function subjectPath(n: { subjectType?: string | null; subjectId?: string | null }): string | undefined {
  if (!n.subjectId) return undefined;
  if (n.subjectType === 'content_item') return `/noi-dung/${n.subjectId}`;
  if (n.subjectType === 'unit_request') return `/de-xuat-phan-anh?yeu-cau=${n.subjectId}`;
  return undefined;
}

/** My notifications, newest first: unread marked, each one read on click, or all at once. */
export function NotificationsPage() {
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInfiniteQuery({
    queryKey: [...INBOX_KEY, 'list', unreadOnly],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor: pageParam, unread: unreadOnly || undefined } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: INBOX_KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => ok(api.POST('/api/v1/notifications/read-all')), onSuccess: refresh });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;

  return (
    <section aria-labelledby="notifications-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="notifications-title" style={{ fontSize: 24 }}>
          Thông báo {unread > 0 && <StatusTag tone="info">{unread} chưa đọc</StatusTag>}
        </Typography.Title>
        <Space wrap>
          <label>
            <Switch checked={unreadOnly} onChange={setUnreadOnly} size="small" /> Chỉ chưa đọc
          </label>
          <Button onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
            Đánh dấu đã đọc tất cả
          </Button>
        </Space>
      </Space>
      {inbox.isError && <Alert type="error" showIcon message={inbox.error.message} />}
      <List
        loading={inbox.isLoading}
        dataSource={items}
        locale={{ emptyText: emptyText('Không có thông báo.') }}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" size="small" onClick={() => markRead.mutate(n.id)}>
                      Đã đọc
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <span style={{ fontWeight: n.readAt ? 400 : 700 }}>
                  {subjectPath(n) ? (
                    <Link to={subjectPath(n)!} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </span>
              }
              description={
                <>
                  <div>{n.body}</div>
                  <Typography.Text type="secondary">{formatInstant(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {inbox.hasNextPage && (
        <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </section>
  );
}
