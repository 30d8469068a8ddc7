import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formPathOf } from '../content/type-fields';
import { formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { ACCOUNT_STATUS_LABELS } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { useMe } from '../session/lookups';
import type { TokenPurpose } from '../session/token-password-page';
import { grantsOf, type RoleGrant, RoleGrantsField } from './role-grants';
import { TokenLink } from './token-link';

type User = Schemas['UserResponse'];
type Session = Schemas['SessionResponse'];
type Path = { params: { path: { id: string } } };

/** An account's state changes, each one POST with no body; the API answers the account or a token. */
const STEPS = {
  deactivate: { path: '/api/v1/users/{id}/deactivate', done: 'Đã khoá tài khoản; mọi phiên đăng nhập đã kết thúc.' },
  reactivate: { path: '/api/v1/users/{id}/reactivate', done: 'Đã mở khoá tài khoản.' },
  liftSuspension: { path: '/api/v1/users/{id}/lift-suspension', done: 'Đã mở lại tài khoản tạm ngưng.' },
  exposed: { path: '/api/v1/users/{id}/password-exposed', done: 'Đã ghi nhận mật khẩu bị lộ; mọi phiên đã kết thúc.' },
  twoFactorReset: { path: '/api/v1/users/{id}/two-factor/reset', done: 'Đã đặt lại xác thực hai bước.' },
} as const;

/**
 * One account for the IT centre: its roles (replaced as a whole), its state (lock, unlock, lift a
 * suspension, report a leaked password and issue a reset link, NA-9; reset two-step verification),
 * a new activation link while it is not activated, and where it is signed in, each sign-in ended
 * on its own.
 */
export function UserDrawer({ userId, onClose }: { userId: string; onClose: () => void }) {
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<{ roles: RoleGrant[] }>();
  const [issued, setIssued] = useState<{ purpose: TokenPurpose; token: Schemas['IssuedTokenResponse'] }>();
  const path: Path = { params: { path: { id: userId } } };
  const user = useQuery({ queryKey: ['users', 'one', userId], queryFn: () => ok(api.GET('/api/v1/users/{id}', path)) });
  const sessions = useQuery({
    queryKey: ['users', 'sessions', userId],
    queryFn: () => ok(api.GET('/api/v1/users/{id}/sessions', path)),
    enabled: user.data?.status === 'active',
  });
  useEffect(() => {
    if (user.data) form.setFieldsValue({ roles: user.data.roles.map((r) => ({ role: r.role, unit: r.unit ?? undefined })) });
  }, [user.data, form]);

  const refresh = (next?: User) => {
    if (next) client.setQueryData(['users', 'one', userId], next);
    void client.invalidateQueries({ queryKey: ['users'] });
  };
  const failed = (error: unknown) => message.error(error instanceof ApiProblem ? error.message : 'Chưa làm được.');

  const roles = useMutation({
    mutationFn: (v: { roles: RoleGrant[] }) => ok(api.PUT('/api/v1/users/{id}/roles', { ...path, body: { roles: grantsOf(v.roles) } })),
    onSuccess: (next) => {
      refresh(next);
      message.success('Đã lưu vai trò.');
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.fields.length)
        form.setFields(error.fields.map((f) => ({ name: formPathOf(f.field) as never, errors: [f.message] })));
      failed(error);
    },
  });
  const step = useMutation({
    mutationFn: (name: keyof typeof STEPS) => ok(api.POST(STEPS[name].path, path)).then(() => name),
    onSuccess: (name) => {
      refresh();
      message.success(STEPS[name].done);
    },
    onError: failed,
  });
  const token = useMutation({
    mutationFn: (purpose: TokenPurpose) =>
      ok(
        purpose === 'activation' ? api.POST('/api/v1/users/{id}/invitation', path) : api.POST('/api/v1/users/{id}/password-reset', path),
      ).then((t) => ({ purpose, token: t })),
    onSuccess: (t) => {
      setIssued(t);
      refresh();
    },
    onError: failed,
  });
  const endSession = useMutation({
    mutationFn: (sessionId: string) =>
      ok(api.DELETE('/api/v1/users/{id}/sessions/{sessionId}', { params: { path: { id: userId, sessionId } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users', 'sessions', userId] });
      message.success('Đã kết thúc phiên đăng nhập.');
    },
    onError: failed,
  });

  const confirm = (title: string, content: string, okText: string, run: () => void, danger = true) =>
    modal.confirm({ title, content, okText, cancelText: 'Huỷ', okButtonProps: { danger }, onOk: run });

  const u = user.data;
  const self = u?.id === me.data?.id;
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Drawer open onClose={onClose} width={wide ? 720 : '100%'} title={u ? u.displayName : 'Tài khoản'} destroyOnHidden>
      {user.isError && <Alert type="error" showIcon message={user.error.message} />}
      {!u ? (
        !user.isError && <Skeleton active />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'username', label: 'Tên đăng nhập', children: u.username },
              { key: 'email', label: 'Thư điện tử', children: u.email ?? '—' },
              {
                key: 'status',
                label: 'Trạng thái',
                children: (
                  <Space size={4} wrap>
                    <StatusTag tone={ACCOUNT_STATUS_LABELS[u.status]?.tone ?? 'neutral'}>
                      {ACCOUNT_STATUS_LABELS[u.status]?.label ?? u.status}
                    </StatusTag>
                    {u.passwordExposed && <StatusTag tone="bad">Mật khẩu bị lộ, chờ đặt lại</StatusTag>}
                    <StatusTag tone="neutral">{u.twoFactorEnabled ? 'Đã bật xác thực hai bước' : 'Chưa bật xác thực hai bước'}</StatusTag>
                  </Space>
                ),
              },
              { key: 'last', label: 'Đăng nhập gần nhất', children: u.lastLoginAt ? formatInstant(u.lastLoginAt) : 'Chưa đăng nhập' },
            ]}
          />
          {issued && (
            <TokenLink
              purpose={issued.purpose}
              token={issued.token.token}
              expiresAt={issued.token.expiresAt}
              who={u.displayName}
              emailedTo={issued.token.emailedTo}
            />
          )}

          <section aria-labelledby="user-roles">
            <Typography.Title level={2} id="user-roles" style={{ fontSize: 18 }}>
              Vai trò
            </Typography.Title>
            <Form form={form} layout="vertical" onFinish={(v) => roles.mutate(v)}>
              <RoleGrantsField />
              <Button type="primary" htmlType="submit" loading={roles.isPending} style={{ marginTop: 12 }}>
                Lưu vai trò
              </Button>
            </Form>
          </section>

          <section aria-labelledby="user-actions">
            <Typography.Title level={2} id="user-actions" style={{ fontSize: 18 }}>
              Trạng thái và mật khẩu
            </Typography.Title>
            <Space wrap>
              {u.status === 'invited' && <Button onClick={() => token.mutate('activation')}>Cấp lại đường dẫn kích hoạt</Button>}
              {u.status !== 'invited' && u.status !== 'disabled' && (
                <Button
                  onClick={() =>
                    confirm(
                      'Cấp đường dẫn đặt lại mật khẩu?',
                      'Mọi phiên đăng nhập của người này kết thúc; họ đặt mật khẩu mới (khác mật khẩu cũ) bằng đường dẫn dùng một lần (NA-9).',
                      'Cấp đường dẫn',
                      () => token.mutate('reset'),
                      false,
                    )
                  }
                >
                  Cấp đường dẫn đặt lại mật khẩu
                </Button>
              )}
              {u.status === 'active' && !u.passwordExposed && (
                <Button
                  danger
                  onClick={() =>
                    confirm(
                      'Báo mật khẩu của người này bị lộ?',
                      'Mọi phiên đăng nhập kết thúc ngay; đăng nhập chỉ được lại sau khi đặt mật khẩu mới (NA-9).',
                      'Báo mật khẩu bị lộ',
                      () => step.mutate('exposed'),
                    )
                  }
                >
                  Báo mật khẩu bị lộ
                </Button>
              )}
              {u.twoFactorEnabled && (
                <Button
                  onClick={() =>
                    confirm(
                      'Đặt lại xác thực hai bước?',
                      'Dùng khi người này mất điện thoại: mã cũ và mã dự phòng hết hiệu lực; họ bật lại từ đầu.',
                      'Đặt lại',
                      () => step.mutate('twoFactorReset'),
                    )
                  }
                >
                  Đặt lại xác thực hai bước
                </Button>
              )}
              {u.status === 'suspended' && <Button onClick={() => step.mutate('liftSuspension')}>Mở lại tài khoản tạm ngưng</Button>}
              {u.status === 'disabled' ? (
                <Button onClick={() => step.mutate('reactivate')}>Mở khoá tài khoản</Button>
              ) : (
                !self && (
                  <Button
                    danger
                    onClick={() =>
                      confirm(
                        `Khoá tài khoản ${u.username}?`,
                        'Người này không đăng nhập được nữa và mọi phiên đăng nhập kết thúc ngay. Nội dung họ đã soạn vẫn giữ nguyên.',
                        'Khoá tài khoản',
                        () => step.mutate('deactivate'),
                      )
                    }
                  >
                    Khoá tài khoản
                  </Button>
                )
              )}
            </Space>
          </section>

          {u.status === 'active' && (
            <section aria-labelledby="user-sessions">
              <Typography.Title level={2} id="user-sessions" style={{ fontSize: 18 }}>
                Phiên đăng nhập
              </Typography.Title>
              <TableRegion label="Phiên đăng nhập">
                <Table<Session>
                  rowKey="id"
                  size="small"
                  loading={sessions.isLoading}
                  dataSource={sessions.data ?? []}
                  pagination={false}
                  locale={{ emptyText: emptyText('Không có phiên nào đang mở.') }}
                  columns={[
                    { title: 'Bắt đầu', dataIndex: 'startedAt', render: formatInstant },
                    { title: 'Dùng gần nhất', dataIndex: 'lastUsedAt', render: formatInstant },
                    { title: 'Thiết bị', dataIndex: 'userAgent', render: (v: string | null) => deviceOf(v) },
                    { title: 'Địa chỉ IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
                    {
                      title: '',
                      render: (_, s) => (
                        <Button
                          size="small"
                          loading={endSession.isPending && endSession.variables === s.id}
                          onClick={() => endSession.mutate(s.id)}
                        >
                          Kết thúc
                        </Button>
                      ),
                    },
                  ]}
                />
              </TableRegion>
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** A browser's long user-agent string, named as people say it. */
function deviceOf(agent: string | null): string {
  if (!agent) return '—';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Trình duyệt khác';
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return system ? `${browser} trên ${system}` : browser;
}
