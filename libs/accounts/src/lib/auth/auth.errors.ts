import { DomainError } from '@cong/platform-errors';

/** A lifetime as officials read it: "30 phút", "8 giờ", "14 ngày", "1 giờ 30 phút". */
function duration(minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 2880) return `${minutes / 1440} ngày`;
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} giờ` : `${hours} giờ ${minutes % 60} phút`;
}

export const AuthErrors = {
  /** The same answer for an unknown user, a wrong password and a locked account: no enumeration. */
  signInFailed: () =>
    new DomainError(
      'AUTH_SIGN_IN_FAILED',
      'unauthorized',
      'Đăng nhập không thành công: tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do đăng nhập sai nhiều lần.',
    ),
  accountDisabled: () => new DomainError('AUTH_ACCOUNT_DISABLED', 'forbidden', 'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ Trung tâm CNTT.'),
  accountSuspended: (days: number | undefined) =>
    new DomainError(
      'AUTH_ACCOUNT_SUSPENDED',
      'forbidden',
      `Tài khoản đã bị tạm ngưng vì không được sử dụng${days ? ` quá ${days} ngày` : ' trong thời gian dài'}. Hãy liên hệ Trung tâm CNTT để được mở lại tài khoản.`,
    ),
  passwordExposed: () =>
    new DomainError(
      'AUTH_PASSWORD_EXPOSED',
      'forbidden',
      'Mật khẩu của tài khoản đã được báo lộ; mọi phiên đăng nhập đã bị thu hồi. Hãy liên hệ Trung tâm CNTT để được cấp lại mật khẩu.',
    ),
  notActivated: () => new DomainError('AUTH_ACCOUNT_NOT_ACTIVATED', 'forbidden', 'Tài khoản chưa được kích hoạt.'),
  unauthenticated: () =>
    new DomainError('AUTH_UNAUTHENTICATED', 'unauthorized', 'Cần đăng nhập (thiếu tiêu đề Authorization: Bearer <token>).'),
  tokenInvalid: () => new DomainError('AUTH_TOKEN_INVALID', 'unauthorized', 'Mã truy cập không hợp lệ.'),
  tokenExpired: () => new DomainError('AUTH_TOKEN_EXPIRED', 'unauthorized', 'Mã truy cập đã hết hạn; hãy làm mới phiên đăng nhập.'),
  sessionEnded: () =>
    new DomainError('AUTH_SESSION_ENDED', 'unauthorized', 'Phiên đăng nhập đã kết thúc hoặc bị thu hồi; hãy đăng nhập lại.'),
  wrongScope: () =>
    new DomainError(
      'AUTH_WRONG_SCOPE',
      'unauthorized',
      'Mã truy cập này không dùng được ở đây (thuộc về tỉnh khác hoặc không phải tài khoản điều hành quốc gia).',
    ),
  sessionExpired: (absoluteHours: number) =>
    new DomainError(
      'AUTH_SESSION_EXPIRED',
      'unauthorized',
      `Phiên đăng nhập đã hết thời hạn tối đa (${duration(absoluteHours * 60)} kể từ khi đăng nhập) và đã kết thúc; hãy đăng nhập lại.`,
    ),
  sessionIdle: (idleMinutes: number) =>
    new DomainError(
      'AUTH_SESSION_IDLE',
      'unauthorized',
      `Phiên đăng nhập đã kết thúc vì không được sử dụng quá ${duration(idleMinutes)}; hãy đăng nhập lại.`,
    ),
  refreshInvalid: () =>
    new DomainError('AUTH_REFRESH_INVALID', 'unauthorized', 'Mã làm mới không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.'),
  refreshReused: () =>
    new DomainError(
      'AUTH_REFRESH_REUSED',
      'unauthorized',
      'Mã làm mới đã được dùng trước đó — có thể đã bị đánh cắp. Phiên đăng nhập này đã bị thu hồi; hãy đăng nhập lại.',
    ),
  passwordChangeRequired: () =>
    new DomainError('AUTH_PASSWORD_CHANGE_REQUIRED', 'forbidden', 'Cần đổi mật khẩu được cấp một lần trước khi dùng hệ thống.'),
  forbidden: (capability: string) =>
    new DomainError('AUTH_FORBIDDEN', 'forbidden', `Tài khoản không có quyền thực hiện thao tác này (${capability}).`),
  wrongCurrentPassword: () =>
    new DomainError('AUTH_WRONG_CURRENT_PASSWORD', 'validation', 'Mật khẩu hiện tại không đúng.', [
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]),
  weakPassword: (problems: string[], field = 'newPassword') =>
    new DomainError(
      'AUTH_PASSWORD_REJECTED',
      'validation',
      problems.join(' '),
      problems.map((message) => ({ field, message })),
    ),
  sessionNotFound: () => new DomainError('AUTH_SESSION_NOT_FOUND', 'not_found', 'Không tìm thấy phiên đăng nhập.'),
  usernameTaken: (username: string) =>
    new DomainError('ACCOUNTS_USERNAME_TAKEN', 'conflict', `Tên đăng nhập "${username}" đã được sử dụng.`),
};

export const TwoFactorErrors = {
  challengeInvalid: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_CHALLENGE_INVALID',
      'unauthorized',
      'Phiên xác thực hai bước không hợp lệ hoặc đã được dùng; hãy đăng nhập lại bằng mật khẩu.',
    ),
  challengeExpired: (minutes: number) =>
    new DomainError(
      'AUTH_TWO_FACTOR_CHALLENGE_EXPIRED',
      'unauthorized',
      `Phiên xác thực hai bước đã hết hạn (${minutes} phút sau khi nhập mật khẩu); hãy đăng nhập lại.`,
    ),
  /** The same answer for a wrong code, a used one and a locked account, as for the password. */
  codeRefused: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_FAILED',
      'unauthorized',
      'Mã xác thực không đúng hoặc đã được dùng, hoặc tài khoản đang tạm khóa do nhập sai nhiều lần.',
    ),
  enrolmentRequired: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_ENROLMENT_REQUIRED',
      'forbidden',
      'Vai trò của tài khoản này bắt buộc xác thực hai bước: hãy bật xác thực hai bước (…/auth/two-factor/enrolment) trước khi dùng hệ thống.',
    ),
  alreadyEnabled: () => new DomainError('AUTH_TWO_FACTOR_ALREADY_ENABLED', 'conflict', 'Xác thực hai bước đã được bật cho tài khoản này.'),
  notStarted: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_NOT_STARTED',
      'conflict',
      'Chưa bắt đầu bật xác thực hai bước; hãy lấy mã bí mật mới (…/auth/two-factor/enrolment) rồi xác nhận.',
    ),
  notEnabled: () => new DomainError('AUTH_TWO_FACTOR_NOT_ENABLED', 'conflict', 'Tài khoản này chưa bật xác thực hai bước.'),
  wrongCode: () =>
    new DomainError('AUTH_TWO_FACTOR_CODE_WRONG', 'validation', 'Mã xác thực không đúng hoặc đã hết hạn.', [
      { field: 'code', message: 'Mã xác thực không đúng hoặc đã hết hạn.' },
    ]),
  proofRequired: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_PROOF_REQUIRED',
      'validation',
      'Cần nhập mã xác thực hiện tại hoặc mật khẩu để tắt xác thực hai bước.',
      [{ field: 'code', message: 'Nhập mã xác thực hiện tại hoặc mật khẩu.' }],
    ),
  wrongProof: () =>
    new DomainError(
      'AUTH_TWO_FACTOR_PROOF_WRONG',
      'validation',
      'Mã xác thực hoặc mật khẩu không đúng (hoặc tài khoản đang tạm khóa do nhập sai nhiều lần).',
      [{ field: 'code', message: 'Mã xác thực hoặc mật khẩu không đúng.' }],
    ),
  requiredByRole: (roles: string[]) =>
    new DomainError(
      'AUTH_TWO_FACTOR_REQUIRED_BY_ROLE',
      'conflict',
      `Không thể tắt xác thực hai bước: quy định của tỉnh bắt buộc cho vai trò ${roles.join(', ')}.`,
    ),
};
