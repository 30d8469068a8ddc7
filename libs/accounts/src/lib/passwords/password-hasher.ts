import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at 64 MiB, t=3, p=4 (OWASP's recommendation, and the parameters every stored hash was
 * made with). `@node-rs/argon2` ships prebuilt Node-API binaries for every platform we run on, so
 * installing needs no compiler; it reads and writes the same PHC strings (`$argon2id$v=19$…`).
 */
const ARGON2ID = { algorithm: Algorithm.Argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 } as const;

/** A hash computed once at start, verified against when the user does not exist (equal timing). */
const DECOY = hash('cong-decoy-password-never-issued', ARGON2ID);

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
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
