import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok } from '../api/client';
import { session } from './session-store';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change of one's own password: forced at the first sign-in (and after a reset), else from the
 * user menu. The province's password policy is the API's; its refusals are listed as it words them.
 */
export function ChangePasswordForm({ forced, onDone }: { forced: boolean; onDone?: () => void }) {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PasswordForm>();

  const submit = async (v: PasswordForm) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ok(api.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      // The access token still says "must change": new tokens say otherwise.
      session.passwordChanged();
      await session.renew();
      form.resetFields();
      onDone?.();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : 'Không đổi được mật khẩu.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      {forced && (
        <Typography.Paragraph>
          Đây là lần đăng nhập đầu tiên (hoặc mật khẩu vừa được cấp lại): hãy đặt mật khẩu của riêng bạn.
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại.' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" />
      <Button type="primary" htmlType="submit" loading={busy} block={forced}>
        Đổi mật khẩu
      </Button>
    </Form>
  );
}

/** A new password, typed twice; the province's policy itself is the API's to check. */
export function NewPasswordFields({ name }: { name: string }) {
  return (
    <>
      <Form.Item
        label="Mật khẩu mới"
        name={name}
        rules={[{ required: true, message: 'Hãy nhập mật khẩu mới.' }]}
        extra="Dài, khó đoán, không chứa tên đăng nhập hay họ tên."
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirm"
        dependencies={[name]}
        rules={[
          { required: true, message: 'Hãy nhập lại mật khẩu mới.' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập không khớp.')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export function ForcedPasswordChangePage() {
  return (
    <main className="cong-centre">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>Đổi mật khẩu</h1>}>
        <ChangePasswordForm forced />
        <Button
          type="link"
          onClick={() => void ok(api.POST('/api/v1/auth/logout')).finally(() => session.signedOut())}
          style={{ paddingLeft: 0 }}
        >
          Đăng xuất
        </Button>
      </Card>
    </main>
  );
}
