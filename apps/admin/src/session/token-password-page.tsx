import { Alert, Button, Card, Form, Result, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok } from '../api/client';
import { NewPasswordFields } from './change-password-page';

/** The two pages a one-time token opens: an invitation's activation, and a reset by the IT centre (NA-9). */
export const TOKEN_PAGES = {
  activation: { path: '/kich-hoat', title: 'Kích hoạt tài khoản', endpoint: '/api/v1/auth/activate' },
  reset: { path: '/dat-lai-mat-khau', title: 'Đặt lại mật khẩu', endpoint: '/api/v1/auth/reset' },
} as const;
export type TokenPurpose = keyof typeof TOKEN_PAGES;

/**
 * The link the IT centre hands over: `/admin/kich-hoat#<token>` (or `/dat-lai-mat-khau#…`). The
 * token rides in the fragment, which the browser never sends, so it reaches no log and no referrer.
 */
export const tokenLink = (purpose: TokenPurpose, token: string) =>
  `${window.location.origin}/admin${TOKEN_PAGES[purpose].path}#${encodeURIComponent(token)}`;

/** The token read from the address (and then taken out of it, so a shared screen does not show it). */
function readToken(): string {
  const token = decodeURIComponent(window.location.hash.slice(1));
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

interface Values {
  password: string;
  confirm: string;
}

/** Choosing one's password with a one-time token, before any sign-in. */
export function TokenPasswordPage({ purpose, onDone }: { purpose: TokenPurpose; onDone: () => void }) {
  const page = TOKEN_PAGES[purpose];
  const [token] = useState(readToken);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ok(api.POST(page.endpoint, { body: { token, password: v.password } }));
      setDone(true);
    } catch (error) {
      setProblem(
        error instanceof ApiProblem ? [error.message, ...error.fields.map((f) => f.message)].join(' ') : 'Chưa đặt được mật khẩu.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="cong-centre">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{page.title}</h1>}>
        {done ? (
          <Result
            status="success"
            title="Đã đặt mật khẩu."
            subTitle="Hãy đăng nhập bằng tên đăng nhập và mật khẩu vừa đặt."
            extra={
              <Button type="primary" onClick={onDone}>
                Đăng nhập
              </Button>
            }
          />
        ) : !token ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message="Đường dẫn thiếu mã."
            description="Hãy mở đúng đường dẫn Trung tâm CNTT của tỉnh gửi cho bạn, hoặc xin một đường dẫn mới."
          />
        ) : (
          <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
            <Typography.Paragraph>
              {purpose === 'activation'
                ? 'Chào mừng bạn. Hãy đặt mật khẩu của riêng bạn để bắt đầu dùng trang quản trị.'
                : 'Trung tâm CNTT đã cấp cho bạn đường dẫn này để đặt mật khẩu mới, khác mật khẩu cũ.'}
            </Typography.Paragraph>
            {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
            <NewPasswordFields name="password" />
            <Button type="primary" htmlType="submit" loading={busy} block>
              Đặt mật khẩu
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
