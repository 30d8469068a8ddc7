/**
 * How often one source may do each guarded thing, shared by every API process through Redis.
 * Keyed by the client address (and, for a signed-in caller, also by the account), never by a
 * username alone: a limit anyone can exhaust for someone else's name would let an attacker keep a
 * known account from signing in. Generous per address, because a whole department often signs in
 * from one office address; guessing one account's password is held off by its lockout, per source.
 */
export const RATE_LIMITS = {
  /** Sign-in attempts from one address, across accounts (password spraying). */
  'sign-in': { points: 100, seconds: 600, what: 'đăng nhập' },
  /** Token refreshes from one address. */
  'token-refresh': { points: 300, seconds: 600, what: 'làm mới phiên đăng nhập' },
  /** Password changes, resets, activations and "my password leaked" reports. */
  password: { points: 30, seconds: 600, what: 'đổi, đặt lại hoặc kích hoạt mật khẩu' },
  /** Turning two-step verification on or off: each guesses at a code or the password. */
  'two-factor': { points: 30, seconds: 600, what: 'bật hoặc tắt xác thực hai bước' },
  /** Citizens' writes (questions, votes, comments) from one address. */
  'public-write': { points: 10, seconds: 60, what: 'gửi ý kiến, câu hỏi hoặc bình chọn' },
  /** Votes in one poll from one address (a household or an office shares one; a script repeating its vote does not get far). */
  'poll-address': { points: 30, seconds: 86400, what: 'bình chọn trong cuộc thăm dò này' },
  /** Questions or comments with one e-mail address or phone number, from anywhere (one person flooding the desk). */
  'question-contact': { points: 5, seconds: 3600, what: 'gửi câu hỏi, góp ý với cùng thư điện tử hoặc số điện thoại' },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
