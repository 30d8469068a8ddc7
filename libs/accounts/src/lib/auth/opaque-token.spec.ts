import { createHash, randomUUID } from 'node:crypto';
import { isSecret, newSecret, parseIdToken, secretHash, secretMatches } from './opaque-token';

describe('opaque secrets (refresh tokens, challenges, invitation and reset tokens)', () => {
  it('a new secret is 32 random bytes in base64url (43 characters), never the same twice', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => newSecret()));
    expect(secrets.size).toBe(200);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(s, 'base64url')).toHaveLength(32);
      expect(isSecret(s)).toBe(true);
    }
  });

  it('stores only the SHA-256 of a secret, in hex', () => {
    const secret = newSecret();
    expect(secretHash(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(secretHash(secret)).not.toContain(secret);
  });

  it('matches a secret against its stored hash, and nothing else against it', () => {
    const secret = newSecret();
    const stored = secretHash(secret);
    expect(secretMatches(stored, secret)).toBe(true);
    expect(secretMatches(stored, newSecret())).toBe(false);
    expect(secretMatches(stored, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))).toBe(false);
    // A stored value of another length (a damaged row) is no hash of ours: it never matches, and is no 500 either.
    expect(secretMatches(stored.slice(1), secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
  });

  it('hashes every secret to 64 hex characters, so the constant-time comparison always runs in full', () => {
    const lengths = new Set(Array.from({ length: 20 }, () => secretHash(newSecret() + 'x'.repeat(Math.floor(Math.random() * 100))).length));
    expect([...lengths]).toEqual([64]);
  });

  it('recognises the shape of a secret before any lookup', () => {
    expect(isSecret('a'.repeat(43))).toBe(true);
    expect(isSecret('a'.repeat(42))).toBe(false);
    expect(isSecret('a'.repeat(44))).toBe(false);
    expect(isSecret(`${'a'.repeat(42)}=`)).toBe(false);
    expect(isSecret(`${'a'.repeat(42)}+`)).toBe(false);
    expect(isSecret(`${'a'.repeat(42)}/`)).toBe(false);
  });

  it('parses `<row id>.<secret>` and refuses anything else', () => {
    const id = randomUUID();
    const secret = newSecret();
    expect(parseIdToken(`${id}.${secret}`)).toEqual({ id, secret });
    expect(parseIdToken(`${secret}`)).toBeNull();
    expect(parseIdToken(`.${secret}`)).toBeNull();
    expect(parseIdToken(`${id}.`)).toBeNull();
    expect(parseIdToken(`not-a-uuid.${secret}`)).toBeNull();
    expect(parseIdToken(`${id}.${secret}.extra`)).toBeNull();
    expect(parseIdToken(`${id}.${secret.slice(1)}`)).toBeNull();
    expect(parseIdToken('')).toBeNull();
  });
});
