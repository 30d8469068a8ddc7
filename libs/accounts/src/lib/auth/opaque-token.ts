import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

/**
 * Secrets handed out once (refresh tokens, sign-in challenges, invitation and reset tokens): 32
 * random bytes, base64url. Only their SHA-256 is stored, so a copy of the database lets nobody in.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * A secret as it came back, against the hash stored for it, in constant time. A stored value of
 * another length (every hash of ours is 64 hex characters, so the length tells nothing) never
 * matches; timingSafeEqual would throw on it.
 */
export function secretMatches(storedHash: string, secret: string): boolean {
  const stored = Buffer.from(storedHash);
  const given = Buffer.from(secretHash(secret));
  return stored.length === given.length && timingSafeEqual(stored, given);
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Whether a string has the shape of a secret of ours (before any lookup). */
export function isSecret(value: string): boolean {
  return SECRET.test(value);
}

/** `<row id>.<secret>`: the row to look up, and the secret to check against it; null if malformed. */
export function parseIdToken(token: string): { id: string; secret: string } | null {
  const dot = token.indexOf('.');
  const [id, secret] = [token.slice(0, dot), token.slice(dot + 1)];
  return dot > 0 && isUUID(id) && isSecret(secret) ? { id, secret } : null;
}
