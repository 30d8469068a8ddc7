import { AppConfig } from '@cong/platform-config';
import { TwoFactorSecrets } from './two-factor-secrets';

const secretsUnder = (jwtSecret: string) =>
  new TwoFactorSecrets(AppConfig.fromEnvironment({ NODE_ENV: 'test', AUTH_JWT_SECRET: jwtSecret }));

describe('TOTP secrets at rest (AES-256-GCM under a key derived from AUTH_JWT_SECRET)', () => {
  const secrets = secretsUnder('k'.repeat(40));
  const totp = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('opens what it sealed, and the sealed text does not hold the secret', () => {
    const sealed = secrets.seal(totp);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(totp);
    expect(secrets.open(sealed)).toBe(totp);
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(secrets.seal(totp)).not.toBe(secrets.seal(totp));
  });

  it('cannot open what was sealed under another deployment key (a copied database mints no codes)', () => {
    const sealed = secretsUnder('z'.repeat(40)).seal(totp);
    expect(secrets.open(sealed)).toBeNull();
  });

  it('refuses a sealed secret that was tampered with, or is not one', () => {
    const [version, iv, tag, data] = secrets.seal(totp).split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(secrets.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    expect(secrets.open(['v2', iv, tag, data].join('.'))).toBeNull();
    expect(secrets.open([version, iv, data].join('.'))).toBeNull();
    expect(secrets.open(totp)).toBeNull();
    expect(secrets.open('')).toBeNull();
  });
});
