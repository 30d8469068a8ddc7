import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { ACCOUNT_STATUS_LABELS, roleLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { useUnits } from '../session/lookups';
import { InviteDialog } from './invite-dialog';
import { UserDrawer } from './user-drawer';

type User = Schemas['UserResponse'];
type Status = NonNullable<Schemas['UserResponse']['status']>;

/**
 * The province's accounts for its IT centre: found by words (accents ignored) and state; invite,
 * and each account's roles, state, one-time links and sign-ins in a drawer. Search and filter live
 * in the address.
 */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('trang-thai') as Status | null) ?? undefined;
  const [typed, setTyped] = useState(q);
  const [inviting, setInviting] = useState(false);
  const open = params.get('tai-khoan');
  const units = useUnits();
  const nameOf = (code: string | null | undefined) => units.data?.find((u) => u.code === code)?.name ?? code ?? '';
  const users = useQuery({
    queryKey: ['users', 'list', q, status],
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: { q: q.length >= 2 ? q : undefined, status } } })),
  });
  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <section aria-labelledby="users-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="users-title" style={{ fontSize: 24, margin: 0 }}>
          Tài khoản
        </Typography.Title>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
          Mời người dùng
        </Button>
      </Space>
      <Space wrap style={{ margin: '16px 0' }}>
        <Input.Search
          aria-label="Tìm theo tên, tên đăng nhập, thư điện tử"
          placeholder="Tìm theo tên, tên đăng nhập, thư…"
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 320 }}
        />
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          value={status}
          onChange={(v?: string) => setParam('trang-thai', v)}
          style={{ width: 240 }}
          options={Object.entries(ACCOUNT_STATUS_LABELS).map(([value, { label }]) => ({ value, label }))}
        />
      </Space>
      {q.length === 1 && <Alert type="info" showIcon message="Nhập ít nhất 2 ký tự để tìm." style={{ marginBottom: 16 }} />}
      {users.isError && <Alert type="error" showIcon message={users.error.message} />}
      <TableRegion label="Danh sách tài khoản">
        <Table<User>
          rowKey="id"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: emptyText(q || status ? 'Không có tài khoản nào khớp.' : 'Chưa có tài khoản nào.') }}
          columns={[
            {
              title: 'Họ và tên',
              dataIndex: 'displayName',
              render: (name: string, u) => (
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setParam('tai-khoan', u.id)}>
                  {name}
                </Button>
              ),
            },
            { title: 'Tên đăng nhập', dataIndex: 'username' },
            {
              title: 'Vai trò',
              render: (_, u) => u.roles.map((r) => (r.unit ? `${roleLabel(r.role)} — ${nameOf(r.unit)}` : roleLabel(r.role))).join('; '),
            },
            {
              title: 'Trạng thái',
              render: (_, u) => (
                <Space size={4} wrap>
                  <StatusTag tone={ACCOUNT_STATUS_LABELS[u.status]?.tone ?? 'neutral'}>
                    {ACCOUNT_STATUS_LABELS[u.status]?.label ?? u.status}
                  </StatusTag>
                  {u.passwordExposed && <StatusTag tone="bad">Mật khẩu bị lộ</StatusTag>}
                  {u.twoFactorEnabled && <StatusTag tone="neutral">Xác thực hai bước</StatusTag>}
                </Space>
              ),
            },
            { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatInstant(v) : '—') },
          ]}
        />
      </TableRegion>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      {open && <UserDrawer userId={open} onClose={() => setParam('tai-khoan', undefined)} />}
    </section>
  );
}
