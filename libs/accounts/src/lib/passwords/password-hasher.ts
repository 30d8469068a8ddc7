import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/** A hash computed once at start, verified against when the user does not exist (equal timing). */
const DECOY = hash('cong-decoy-password-never-issued', { type: argon2id });

/** argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { type: argon2id });
  }

  /** Verifies; with no stored hash, spends the same time on a decoy so timing does not tell. */
  async verify(stored: string | null | undefined, password: string): Promise<boolean> {
    if (!stored) {
      await verify(await DECOY, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }
}
