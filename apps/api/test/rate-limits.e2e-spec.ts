import { RATE_LIMITS } from '@cong/platform-throttling';
import IORedis from 'ioredis';
import { ApiUnderTest } from './api-under-test';
import { invitedAccount, STRONG_PASSWORD } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 14: sign-in, refresh and password routes are rate limited per client address (and per
 * account once signed in), counted in Redis so that every API process shares the count; a refusal
 * is a 429 problem with Retry-After, and one address spending its allowance costs no one else.
 */
describe('rate limits (issue 14)', () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  let second: ApiUnderTest;

  beforeAll(async () => {
    // Behind a proxy, so that the test can speak from several addresses.
    seeded = await seededApi({ TRUST_PROXY: 'true' });
    second = await ApiUnderTest.start(seeded.ctx.config);
  });
  afterAll(async () => {
    await second?.close();
    await seeded?.close();
  });

  const signIn = (api: ApiUnderTest, from: string, username = 'khong.co.ai') =>
    api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': 'lao-cai', 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username, password: 'Sai-mật-khẩu-1' }),
    });

  it('counts sign-ins per address across API processes; the next one is a 429 with Retry-After; other addresses go on', async () => {
    const { points } = RATE_LIMITS['sign-in'];
    const statuses: number[] = [];
    // Alternating between two API processes: one shared count.
    for (let i = 0; i < points; i++) statuses.push((await signIn(i % 2 ? second : seeded.api, '203.0.113.7')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const refused = await signIn(seeded.api, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'PLATFORM_RATE_LIMITED' });
    expect(refused.body.detail).toMatch(/thử lại sau \d+ giây/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(RATE_LIMITS['sign-in'].seconds);
    expect((await signIn(second, '203.0.113.7')).status).toBe(429);

    // Another address, and so the account's owner elsewhere, is not held up.
    expect((await signIn(seeded.api, '198.51.100.20')).status).toBe(401);
    const owner = await signIn(seeded.api, '198.51.100.21', 'it.laocai');
    expect(owner.status).toBe(401); // wrong password, but answered, not refused
    const right = await seeded.api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'x-tenant': 'lao-cai', 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.21' },
      body: JSON.stringify({ username: 'it.laocai', password: STRONG_PASSWORD }),
    });
    expect(right.status).toBe(200);

    // The count is in Redis, under this deployment's prefix.
    const redis = new IORedis(seeded.ctx.config.redis.url);
    try {
      const keys = await redis.keys(`${seeded.ctx.config.redis.prefix}:rate:sign-in*`);
      expect(keys.some((k) => k.includes('203.0.113.7'))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });

  it('limits password changes per account as well as per address', async () => {
    const { points } = RATE_LIMITS.password;
    const token = await invitedAccount(seeded.lc, seeded.admin, 'bientap.matkhau', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    const change = (from: string) =>
      seeded.api.request('/api/v1/auth/password', {
        method: 'POST',
        headers: { 'x-tenant': 'lao-cai', 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': from },
        body: JSON.stringify({ currentPassword: 'Không-phải-mật-khẩu-1', newPassword: 'Mật-khẩu-mới-rất-dài-2027!' }),
      });
    // From ever new addresses: only the account's own count can stop it.
    const statuses: number[] = [];
    for (let i = 0; i < points; i++) statuses.push((await change(`192.0.2.${i + 1}`)).status);
    expect(statuses.indexOf(429)).toBe(-1);
    const refused = await change('192.0.2.200');
    expect([refused.status, refused.body.code]).toEqual([429, 'PLATFORM_RATE_LIMITED']);
  });

  it('failing on purpose locks out only the address it came from, never the account for its owner', async () => {
    await invitedAccount(seeded.lc, seeded.admin, 'bientap.khoa', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    const from = (ip: string, password: string) =>
      seeded.api.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'x-tenant': 'lao-cai', 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username: 'bientap.khoa', password }),
      });
    for (let i = 0; i < 6; i++) expect((await from('203.0.113.66', 'Sai-mật-khẩu-1')).status).toBe(401);
    // Locked from there, even with the right password …
    expect((await from('203.0.113.66', STRONG_PASSWORD)).status).toBe(401);
    // … while the owner, elsewhere, signs in.
    expect((await from('198.51.100.8', STRONG_PASSWORD)).status).toBe(200);
  });
});
