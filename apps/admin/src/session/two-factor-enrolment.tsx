import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Space, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { session } from './session-store';

/**
 * Turning on two-step verification: the secret as a QR code (and as text, for typing), confirmed
 * with a code of the app, then the ten recovery codes, shown this once. Forced when the province's
 * rules require it for one of my roles (the API then allows nothing else), else from the user menu.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const [secret, setSecret] = useState<Schemas['TwoFactorEnrolmentResponse']>();
  const [qr, setQr] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const client = useQueryClient();

  useEffect(() => {
    let live = true;
    ok(api.POST('/api/v1/auth/two-factor/enrolment')).then(
      async (started) => {
        if (!live) return;
        setSecret(started);
        setQr(await QRCode.toDataURL(started.otpauthUri, { margin: 1, width: 220 }));
      },
      (error) => live && setProblem(error instanceof ApiProblem ? error.message : 'Không bắt đầu được.'),
    );
    return () => {
      live = false;
    };
  }, []);

  /** The access token still says "enrolment required": new tokens, once the codes are put away, say otherwise. */
  const finish = async () => {
    await session.renew();
    await client.invalidateQueries({ queryKey: ['me'] });
    onDone();
  };

  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const confirmed = await ok(api.POST('/api/v1/auth/two-factor/enrolment/confirm', { body: { code: v.code.trim() } }));
      setCodes(confirmed.recoveryCodes);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : 'Không xác nhận được.');
    } finally {
      setBusy(false);
    }
  };

  if (codes)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message="Đã bật xác thực hai bước." />
        <Typography.Paragraph>
          Đây là 10 mã dự phòng, mỗi mã đăng nhập được một lần khi không có điện thoại. Hãy in hoặc cất ở nơi an toàn: mã chỉ hiện lần này.
        </Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={codes}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text code copyable>
                {c}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button type="primary" onClick={() => void finish()}>
          Tôi đã cất các mã dự phòng
        </Button>
      </Space>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      <Typography.Paragraph>
        1. Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và quét mã QR, hoặc nhập khoá bên dưới.
      </Typography.Paragraph>
      {qr ? <img src={qr} width={220} height={220} alt="Mã QR để thêm tài khoản vào ứng dụng xác thực" /> : !problem && <Spin />}
      {secret && (
        <Typography.Paragraph>
          Khoá:{' '}
          <Typography.Text code copyable={{ text: secret.secret }}>
            {secret.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Form layout="vertical" requiredMark={false} onFinish={confirm}>
        <Form.Item
          label="2. Nhập mã 6 chữ số ứng dụng hiển thị"
          name="code"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: 'Mã gồm 6 chữ số.' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!secret}>
          Xác nhận và bật
        </Button>
      </Form>
    </Space>
  );
}

/** At sign-in, when the rules require two-step verification of one of my roles and it is not on yet. */
export function ForcedTwoFactorPage() {
  return (
    <main className="cong-centre">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>Bật xác thực hai bước</h1>}>
        <Typography.Paragraph>Quy định của tỉnh yêu cầu xác thực hai bước cho vai trò của bạn trước khi làm việc.</Typography.Paragraph>
        <TwoFactorEnrolment onDone={() => undefined} />
      </Card>
    </main>
  );
}
