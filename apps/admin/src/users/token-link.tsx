import { Alert, Typography } from 'antd';
import { formatInstant } from '../format/dates';
import { tokenLink, type TokenPurpose } from '../session/token-password-page';

/** A one-time link just issued: shown this once, to copy and hand over in private (or already e-mailed to the person). */
export function TokenLink({
  purpose,
  token,
  expiresAt,
  who,
  emailedTo,
}: {
  purpose: TokenPurpose;
  token: string;
  expiresAt: string;
  who: string;
  emailedTo?: string | null;
}) {
  const link = tokenLink(purpose, token);
  return (
    <Alert
      type="success"
      showIcon
      message={purpose === 'activation' ? `Đường dẫn kích hoạt cho ${who}` : `Đường dẫn đặt lại mật khẩu cho ${who}`}
      description={
        <>
          <Typography.Paragraph copyable={{ text: link, tooltips: ['Sao chép', 'Đã sao chép'] }} style={{ wordBreak: 'break-all' }}>
            <code>{link}</code>
          </Typography.Paragraph>
          {emailedTo ? (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              Đã gửi đường dẫn tới <strong>{emailedTo}</strong>. Dùng được một lần, đến {formatInstant(expiresAt)}.
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              Dùng được một lần, đến {formatInstant(expiresAt)}. Chỉ hiện lần này: hãy gửi riêng cho người dùng (thư công vụ, tin nhắn),
              không đăng ở nơi chung.
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}
