import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { dmy } from '@cong/rules';
import { createTransport, Transporter } from 'nodemailer';

interface Province {
  name: string;
}
interface AskedAbout {
  reference: string;
  title: string;
  receivedOn: string;
}

/**
 * E-mails to askers, where SMTP_URL is set and they gave an address: the receipt with their
 * private status link, and the notice that the answer is published. A failure is logged and
 * reported as "not e-mailed"; the question is never lost for it.
 */
@Injectable()
export class CitizenMail implements OnApplicationShutdown {
  private readonly logger = new Logger(CitizenMail.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.mail.url
      ? createTransport(config.mail.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : null;
  }

  receipt(to: { to: string; name: string }, province: Province, question: AskedAbout, statusLink: string): Promise<string | null> {
    return this.send(to, `Đã tiếp nhận câu hỏi ${question.reference} — ${province.name}`, [
      `Kính gửi ${to.name},`,
      '',
      `Cổng thông tin điện tử ${province.name} đã tiếp nhận câu hỏi của Ông/Bà ngày ${dmy(question.receivedOn)}:`,
      `"${question.title}"`,
      `Mã câu hỏi: ${question.reference}.`,
      '',
      'Ông/Bà theo dõi tình trạng trả lời tại đường dẫn riêng dưới đây (xin đừng chia sẻ đường dẫn này):',
      statusLink,
      '',
      'Thư này được gửi tự động, xin đừng trả lời thư.',
    ]);
  }

  answered(to: { to: string; name: string }, province: Province, question: AskedAbout, answerLink: string): Promise<string | null> {
    return this.send(to, `Câu hỏi ${question.reference} đã được trả lời — ${province.name}`, [
      `Kính gửi ${to.name},`,
      '',
      `Câu hỏi "${question.title}" (mã ${question.reference}, gửi ngày ${dmy(question.receivedOn)}) đã được trả lời trên Cổng thông tin điện tử ${province.name}:`,
      answerLink,
      '',
      'Thư này được gửi tự động, xin đừng trả lời thư.',
    ]);
  }

  private async send(to: { to: string; name: string }, subject: string, lines: string[]): Promise<string | null> {
    if (!this.transport) return null;
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: { name: to.name, address: to.to },
        subject,
        text: lines.join('\n'),
      });
      return to.to;
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Citizen e-mail not sent');
      return null;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
