import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { session, useSession } from './session-store';

type SignInAnswer = Schemas['TokenResponse'] | Schemas['TwoFactorChallengeResponse'];

const ENDED: Record<string, string> = {
  expired: 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại: bản nháp đang soạn được giữ trên máy này và sẽ được đề nghị khôi phục.',
  'password-exposed': 'Bạn đã báo mật khẩu bị lộ: mọi phiên đăng nhập đã kết thúc. Trung tâm CNTT của tỉnh sẽ cấp lại mật khẩu.',
};

/** Sign-in to the province of this console: password, then the authenticator code when it is on. */
export function SignInPage() {
  const { province, provinceFromHost, ended } = useSession();
  const [challenge, setChallenge] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (call: () => Promise<SignInAnswer>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await call();
      if ('challenge' in answer) setChallenge(answer.challenge);
      else session.signedIn(answer);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : 'Không đăng nhập được.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="cong-centre">
      <Card
        title={
          <h1 style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            Đăng nhập quản trị
            <br />
            <span style={{ fontWeight: 400, fontSize: 16 }}>{province?.name}</span>
          </h1>
        }
      >
        {ended && <Alert type="warning" showIcon message={ENDED[ended]} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        {challenge ? (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { code: string }) =>
              submit(() => ok(api.POST('/api/v1/auth/login/two-factor', { body: { challenge, code: v.code.trim() } })))
            }
          >
            <Typography.Paragraph>Nhập mã 6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.</Typography.Paragraph>
            <Form.Item label="Mã xác thực" name="code" rules={[{ required: true, message: 'Hãy nhập mã xác thực.' }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              Xác nhận
            </Button>
            <Button type="link" onClick={() => setChallenge(undefined)} block>
              Quay lại
            </Button>
          </Form>
        ) : (
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { username: string; password: string }) =>
              submit(() => ok(api.POST('/api/v1/auth/login', { body: { username: v.username.trim(), password: v.password } })) as never)
            }
          >
            <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Hãy nhập tên đăng nhập.' }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              Đăng nhập
            </Button>
          </Form>
        )}
        {!provinceFromHost && (
          <Button type="link" onClick={() => session.forgetProvince()} style={{ marginTop: 8, paddingLeft: 0 }}>
            Chọn tỉnh khác
          </Button>
        )}
      </Card>
    </main>
  );
}
