import { MailCatcher, until } from '@cong/testing';
import { STRONG_PASSWORD } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/** Issue 18, item 1: where SMTP_URL is set, the invitation and the reset link go to the person by e-mail. */
describe('one-time links e-mailed by the IT centre (SMTP_URL set)', () => {
  jest.setTimeout(120_000);
  let mail: MailCatcher;
  let s: SeededApi;
  const portal = 'lao-cai.localhost';

  beforeAll(async () => {
    mail = await MailCatcher.start();
    s = await seededApi({ SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await s?.close();
    await mail?.close();
  });

  /** As the console calls it: on the province's own host, so the link opens that console. */
  const asConsole = (method: string, path: string, body?: unknown) =>
    s.api.onHost(`${portal}:${new URL(s.api.baseUrl).port}`, path, {
      method,
      headers: { authorization: `Bearer ${s.admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('NA-9: e-mails the activation link to the invited person, and the reset link later; the links work', async () => {
    const invited = await asConsole('POST', '/api/v1/users/invitations', {
      username: 'vu.thi.lan',
      displayName: 'Vũ Thị Lan',
      email: 'lan.vt@laocai.gov.vn',
      roles: [{ role: 'unit_editor', unit: 'so-y-te' }],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation.emailedTo).toBe('lan.vt@laocai.gov.vn');
    const origin = `http://${portal}:${new URL(s.api.baseUrl).port}`;
    const link = `${origin}/admin/kich-hoat#${encodeURIComponent(invited.body.invitation.token)}`;
    const letter = mail.mail.find((m) => m.subject?.startsWith('Kích hoạt tài khoản'))!;
    expect(letter.to).toMatchObject({ value: [{ address: 'lan.vt@laocai.gov.vn', name: 'Vũ Thị Lan' }] });
    expect(letter.subject).toBe('Kích hoạt tài khoản quản trị cổng thông tin — Tỉnh Lào Cai');
    expect(letter.text).toContain('Chào Vũ Thị Lan,');
    expect(letter.text).toContain(link);
    expect(letter.text).toMatch(/Đường dẫn chỉ dùng được một lần, đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);

    // The token the letter carries activates the account.
    const token = decodeURIComponent(letter.text!.split('#')[1]!.split(/\s/)[0]!);
    expect((await s.lc.send('POST', '/api/v1/auth/activate', { token, password: STRONG_PASSWORD })).status).toBe(204);

    const reset = await asConsole('POST', `/api/v1/users/${invited.body.user.id}/password-reset`);
    expect([reset.status, reset.body.emailedTo]).toEqual([201, 'lan.vt@laocai.gov.vn']);
    await until(() => mail.mail.some((m) => m.subject?.startsWith('Đặt lại mật khẩu')));
    const resetLetter = mail.mail.find((m) => m.subject?.startsWith('Đặt lại mật khẩu'))!;
    expect(resetLetter.text).toContain(`${origin}/admin/dat-lai-mat-khau#${encodeURIComponent(reset.body.token)}`);
  });

  it('answers emailedTo null for a person with no address: the IT centre hands the link over', async () => {
    const before = mail.mail.length;
    const invited = await asConsole('POST', '/api/v1/users/invitations', {
      username: 'khong.thu',
      displayName: 'Không Có Thư',
      roles: [{ role: 'unit_editor', unit: 'so-y-te' }],
    });
    expect([invited.status, invited.body.invitation.emailedTo]).toEqual([201, null]);
    expect(invited.body.invitation.token).toEqual(expect.any(String));
    expect(mail.mail).toHaveLength(before);
  });
});
