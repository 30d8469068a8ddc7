import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formPathOf } from '../content/type-fields';
import { grantsOf, type RoleGrant, RoleGrantsField } from './role-grants';
import { TokenLink } from './token-link';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  roles: RoleGrant[];
}

/** Inviting a person: an account with its roles, and the one-time activation link (72 hours) to hand over. */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const invite = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/api/v1/users/invitations', {
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            email: v.email?.trim() || undefined,
            roles: grantsOf(v.roles),
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
    onError: (error) => {
      if (error instanceof ApiProblem)
        form.setFields(error.fields.map((f) => ({ name: formPathOf(f.field) as never, errors: [f.message] })));
    },
  });
  const invited: Schemas['InvitationResponse'] | undefined = invite.data;
  const close = () => {
    invite.reset();
    form.resetFields();
    onClose();
  };

  return (
    <Modal title="Mời người dùng" open={open} onCancel={close} footer={null} destroyOnHidden width={640}>
      {invited ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <TokenLink
            purpose="activation"
            token={invited.invitation.token}
            expiresAt={invited.invitation.expiresAt}
            who={invited.user.displayName}
            emailedTo={invited.invitation.emailedTo}
          />
          <Button type="primary" onClick={close}>
            Xong
          </Button>
        </Space>
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ roles: [{ role: 'unit_editor' }] }} onFinish={(v) => invite.mutate(v)}>
          {invite.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              message={invite.error instanceof ApiProblem ? invite.error.message : 'Chưa mời được.'}
            />
          )}
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đăng nhập.' }]}
            extra="Chữ thường không dấu, số, dấu chấm, ví dụ tran.thi.b"
          >
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item
            label="Họ và tên"
            name="displayName"
            rules={[{ required: true, whitespace: true, min: 2, message: 'Hãy nhập họ và tên.' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư chưa đúng.' }]}>
            <Input type="email" maxLength={254} />
          </Form.Item>
          <RoleGrantsField />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={invite.isPending}>
              Mời
            </Button>
            <Button onClick={close}>Huỷ</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
