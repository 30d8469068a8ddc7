import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok } from '../api/client';

interface Values {
  proof: 'code' | 'password';
  code?: string;
  password?: string;
}

/**
 * Turning two-step verification off, proven by a current code of the app or by the password. The
 * API refuses it while the province's rules require it for one of my roles, and says so.
 */
export function TwoFactorDisable({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const proof = Form.useWatch('proof', form) ?? 'code';
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const disable = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ok(
        api.POST('/api/v1/auth/two-factor/disable', {
          body: v.proof === 'code' ? { code: v.code?.trim() } : { password: v.password },
        }),
      );
      await client.invalidateQueries({ queryKey: ['me'] });
      message.success('Đã tắt xác thực hai bước.');
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : 'Không tắt được.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ proof: 'code' }} onFinish={(v) => void disable(v)}>
      <Typography.Paragraph>Khi tắt, đăng nhập chỉ cần mật khẩu. Các mã dự phòng cũ không còn dùng được.</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />}
      <Form.Item label="Xác nhận bằng" name="proof">
        <Radio.Group
          options={[
            { value: 'code', label: 'Mã của ứng dụng xác thực' },
            { value: 'password', label: 'Mật khẩu đăng nhập' },
          ]}
        />
      </Form.Item>
      {proof === 'code' ? (
        <Form.Item
          label="Mã 6 chữ số"
          name="code"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: 'Hãy nhập 6 chữ số đang hiện trong ứng dụng.' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
        </Form.Item>
      ) : (
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" danger htmlType="submit" loading={busy}>
          Tắt xác thực hai bước
        </Button>
        <Button onClick={onDone}>Huỷ</Button>
      </Space>
    </Form>
  );
}
