import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at 64 MiB, t=3, p=4 and verifies what it hashed', async () => {
    const stored = await hasher.hash('Mật khẩu mới của tôi 2027');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    await expect(hasher.verify(stored, 'Mật khẩu mới của tôi 2027')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'Mật khẩu mới của tôi 2028')).resolves.toBe(false);
  });

  it('verifies hashes stored by the native argon2 package used before', async () => {
    // Made by `argon2` 0.45 (hash(…, { type: argon2id })) before the switch to @node-rs/argon2.
    const stored = '$argon2id$v=19$m=65536,p=4,t=3$+oJQ8d1MbcRMplKopPYcWw$mCm2cfVXBD9odEeteoCVuWuogbsHHAikF+2gcZRmR5c';
    await expect(hasher.verify(stored, 'Mật-khẩu cũ 2026!')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'Mật-khẩu cũ 2026')).resolves.toBe(false);
  });

  it('answers false, never throws, for a missing or malformed stored hash', async () => {
    await expect(hasher.verify(null, 'anything')).resolves.toBe(false);
    await expect(hasher.verify('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
