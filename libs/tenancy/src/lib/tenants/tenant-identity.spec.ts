import { isIanaTimezone, normaliseHost, TENANT_CODE } from './tenant-identity';

describe('province identity', () => {
  it.each([
    ['Portal.LaoCai.gov.vn:443', 'portal.laocai.gov.vn'],
    ['laocai.gov.vn.', 'laocai.gov.vn'],
    ['  LAOCAI.GOV.VN  ', 'laocai.gov.vn'],
    ['localhost:3000', 'localhost'],
    ['so-y-te.laocai.gov.vn', 'so-y-te.laocai.gov.vn'],
    ['127.0.0.1:8080', '127.0.0.1'],
  ])('normalises the Host %p to %p (lower case, no port, no trailing dot)', (raw, host) => {
    expect(normaliseHost(raw)).toBe(host);
  });

  it.each([
    undefined,
    '',
    '[::1]:3000',
    '[2001:db8::1]',
    'bad_host.vn',
    '-lead.vn',
    'trail-.vn',
    'a..b.vn',
    'a b.vn',
    `${'a'.repeat(251)}.vn`,
    'host/path',
  ])('refuses %p as no host name', (raw) => {
    expect(normaliseHost(raw)).toBeUndefined();
  });

  it.each(['lao-cai', 'nghe-an', 'hn', 'a1', `a${'b'.repeat(62)}`])('TENANT_CODE accepts %p', (code) =>
    expect(TENANT_CODE.test(code)).toBe(true),
  );
  it.each(['a', 'Lao-Cai', '1lao', '-lao', 'lao_cai', 'lào-cai', 'lao cai', `a${'b'.repeat(63)}`, ''])('TENANT_CODE refuses %p', (code) =>
    expect(TENANT_CODE.test(code)).toBe(false),
  );

  it('knows IANA time zones', () => {
    expect(isIanaTimezone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isIanaTimezone('UTC')).toBe(true);
    expect(isIanaTimezone('Asia/Hanoi_City')).toBe(false);
    expect(isIanaTimezone('')).toBe(false);
  });
});
