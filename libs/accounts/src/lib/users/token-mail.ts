import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { createTransport, Transporter } from 'nodemailer';
import { instantIn } from '../province-time';
import { UserTokenPurpose } from './user-token.entity';

/** Where a one-time link is to go: the console the IT centre works in, and the province it is of. */
export interface LinkContext {
  /** The console's address as the IT centre reached it, e.g. `https://laocai.gov.vn/admin`. */
  consoleUrl: string;
  province: { name: string; timezone: string };
}

/** The console page each link opens; the token rides in the fragment, which no server or log sees. */
const PAGES: Record<UserTokenPurpose, string> = { activation: '/kich-hoat', password_reset: '/dat-lai-mat-khau' };

export function tokenLink(context: LinkContext, purpose: UserTokenPurpose, token: string): string {
  return `${context.consoleUrl}${PAGES[purpose]}#${encodeURIComponent(token)}`;
}

/**
 * E-mails an invitation or a password reset link to the person it is for, where SMTP_URL is set
 * and they have an address. Sent once the token is stored; a failure is logged and answered as
 * "not e-mailed", so the IT centre hands the link over itself: the token is never lost.
 */
@Injectable()
export class TokenMail implements OnApplicationShutdown {
  private readonly logger = new Logger(TokenMail.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.mail.url
      ? createTransport(config.mail.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : null;
  }

  /** The address the link was sent to, or null when it was not. */
  async send(
    purpose: UserTokenPurpose,
    user: { username: string; displayName: string; email: string | null },
    issued: { token: string; expiresAt: Date },
    context: LinkContext,
  ): Promise<string | null> {
    if (!this.transport || !user.email) return null;
    const link = tokenLink(context, purpose, issued.token);
    const until = instantIn(context.province.timezone)(issued.expiresAt);
    const [subject, opening] =
      purpose === 'activation'
        ? [
            `Kích hoạt tài khoản quản trị cổng thông tin — ${context.province.name}`,
            `Trung tâm Công nghệ thông tin của ${context.province.name} đã tạo cho bạn tài khoản "${user.username}" trên trang quản trị cổng thông tin điện tử. Mở đường dẫn dưới đây để đặt mật khẩu và kích hoạt tài khoản.`,
          ]
        : [
            `Đặt lại mật khẩu quản trị cổng thông tin — ${context.province.name}`,
            `Trung tâm Công nghệ thông tin của ${context.province.name} đã cấp cho tài khoản "${user.username}" một đường dẫn đặt lại mật khẩu. Mọi phiên đăng nhập của bạn đã kết thúc; mở đường dẫn dưới đây để đặt mật khẩu mới.`,
          ];
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: { name: user.displayName, address: user.email },
        subject,
        text: [
          `Chào ${user.displayName},`,
          '',
          opening,
          '',
          link,
          '',
          `Đường dẫn chỉ dùng được một lần, đến ${until}.`,
          'Nếu bạn không chờ thư này, hãy bỏ qua nó và báo cho Trung tâm Công nghệ thông tin của tỉnh.',
        ].join('\n'),
      });
      return user.email;
    } catch (error) {
      this.logger.warn({ purpose, username: user.username, error: (error as Error).message }, 'One-time link not e-mailed');
      return null;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
