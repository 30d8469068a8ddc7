import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { api, ok } from '../api/client';

export const INBOX_KEY = ['notifications'];

/** The unread count, asked again every minute and whenever the window comes back into view. */
export function NotificationBell() {
  const navigate = useNavigate();
  const inbox = useQuery({
    queryKey: [...INBOX_KEY, 'unread'],
    queryFn: () => ok(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })),
    refetchInterval: 60_000,
  });
  const unread = inbox.data?.unread ?? 0;
  return (
    <Badge count={unread} overflowCount={99}>
      <Button
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        onClick={() => navigate('/thong-bao')}
      />
    </Badge>
  );
}
