import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { deleteRedisKeys, MailCatcher, ruleVariant, TestContext, until } from '@cong/testing';
import { addDays, todayIn } from '@cong/rules';
import { ApiUnderTest } from '../../api/test/api-under-test';
import { Caller, invitedAccount, readyAccount } from '../../api/test/auth-session';
import { WorkerModule } from '../src/worker.module';

/**
 * Reports go to their recipients when their period closes (issue 13.18): the worker's period close
 * queues the delivery; the IT centre and the head of the recipient unit hear of it in-app and by
 * e-mail (a real SMTP server, read back with mailparser), once.
 */
describe('report delivery when a period closes (real worker, Redis, SMTP) (LC-3.4)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let smtp: MailCatcher;
  let laoCaiId: string;
  let worker: INestApplicationContext | undefined;
  const today = todayIn('Asia/Ho_Chi_Minh');
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`;
  const subject = `Báo cáo tình hình thực hiện chế độ cung cấp thông tin (LC-3.4): Tháng ${Number(lastMonth.slice(5, 7))}/${lastMonth.slice(0, 4)}`;

  const start = async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: ['error'], abortOnError: false });
    await worker.init();
  };
  const deliveries = () =>
    ctx.asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT report_id, period_kind, period_start::text, notified FROM compliance_report_delivery WHERE tenant_id = $1`,
            [laoCaiId],
          )
        ).rows,
    );

  beforeAll(async () => {
    smtp = await MailCatcher.start();
    ctx = await TestContext.create({ SMTP_URL: smtp.url, SMTP_FROM: 'Cổng Lào Cai <congtt@laocai.gov.vn>' });
    // Lào Cai with its monthly report due within 90 days: the month just ended is owed whatever today is.
    const definition = await ruleVariant('lao-cai', (r) => (r.reports[0].dueWithinDays = 90));
    laoCaiId = (await ctx.applyDefinition(definition)).tenantId!;
    api = await ApiUnderTest.start(ctx.config);
    const lc = new Caller(api, 'lao-cai');
    const admin = await readyAccount(ctx, lc, 'it.laocai', laoCaiId);
    await invitedAccount(lc, admin.accessToken, 'chanhvanphong', [{ role: 'unit_head', unit: 'van-phong-ubnd-tinh' }], {
      email: 'chanhvanphong@laocai.gov.vn',
    });
    await invitedAccount(lc, admin.accessToken, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      email: 'bientap.yte@laocai.gov.vn',
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await deleteRedisKeys(ctx.config.redis.url, ctx.config.redis.prefix);
    await ctx?.close();
    await smtp?.close();
  });

  it('LC-3.4: the month that closed is delivered to the head of the Office of the People’s Committee by e-mail, with its recipients and due date, once even after a restart', async () => {
    await start();
    await until(async () => smtp.mail.some((m) => m.subject === subject), 20_000, 'report e-mail');
    const toOffice = smtp.mail.find(
      (m) => m.subject === subject && (m.to as { text: string }).text.includes('chanhvanphong@laocai.gov.vn'),
    )!;
    expect(toOffice.text).toContain('Nơi nhận: Văn phòng UBND tỉnh; Thường trực Hội đồng thi đua tỉnh.');
    const due = addDays(thisMonth, 89);
    expect(toOffice.text).toContain(`Hạn gửi: ${due.slice(8)}/${due.slice(5, 7)}/${due.slice(0, 4)}.`);
    // The editor got their invitation by e-mail, and no report.
    expect(smtp.mail.some((m) => m.subject === subject && (m.to as { text: string }).text.includes('bientap.yte@laocai.gov.vn'))).toBe(
      false,
    );
    expect(
      (await deliveries()).filter(
        (d: { period_kind: string; period_start: string }) => d.period_kind === 'month' && d.period_start === lastMonth,
      ),
    ).toEqual([{ report_id: 'monthly-compliance', period_kind: 'month', period_start: lastMonth, notified: 2 }]);

    // A restarted worker closes and delivers again: nothing goes out twice.
    const before = { rows: await deliveries(), mails: smtp.mail.filter((m) => m.subject === subject).length };
    await worker!.close();
    await start();
    await new Promise((r) => setTimeout(r, 2000));
    expect(await deliveries()).toEqual(before.rows);
    expect(smtp.mail.filter((m) => m.subject === subject).length).toBe(before.mails);
  });
});
