import { DomainError } from '@cong/platform-errors';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * A new account's username (lower-cased) and display name (trimmed), or a 422 naming the field —
 * the checks the table makes too, so a bad value never reaches an insert.
 */
export function checkedIdentity(input: { username: string; displayName: string }): { username: string; displayName: string } {
  const username = input.username.trim().toLowerCase();
  const displayName = input.displayName.trim();
  if (!USERNAME.test(username)) {
    throw new DomainError(
      'ACCOUNTS_INVALID_USERNAME',
      'validation',
      'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, ".", "_", "-".',
      [{ field: 'username', message: '`username` phải gồm 3–64 ký tự: chữ thường không dấu, chữ số, ".", "_" hoặc "-".' }],
    );
  }
  if (displayName.length < 2 || displayName.length > 200) {
    throw new DomainError('ACCOUNTS_INVALID_NAME', 'validation', 'Họ tên phải có từ 2 đến 200 ký tự.', [
      { field: 'displayName', message: '`displayName` phải có từ 2 đến 200 ký tự.' },
    ]);
  }
  return { username, displayName };
}
