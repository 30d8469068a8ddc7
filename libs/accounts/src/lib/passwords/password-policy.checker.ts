import { PasswordPolicy } from '@cong/rules';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
const COMMON = new Set<string>((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Longest password accepted: argon2 would hash more, but nobody types it and it costs memory. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Why a new password is refused, in Vietnamese, one reason per line; empty when it is acceptable
 * under the province's account policy (length, character classes, strength, common-password
 * blocklist, not containing the username).
 */
export function passwordProblems(password: string, policy: PasswordPolicy, context: { username: string; displayName?: string }): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`Mật khẩu phải có ít nhất ${policy.minLength} ký tự.`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((c) => c.test(password)).length;
  if (classes < policy.minCharacterClasses) {
    problems.push(`Mật khẩu phải kết hợp ít nhất ${policy.minCharacterClasses} loại ký tự: chữ thường, chữ hoa, chữ số, ký hiệu.`);
  }
  const lower = password.toLowerCase();
  if (policy.rejectCommon && COMMON.has(lower)) problems.push('Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán.');
  if (policy.rejectContainingUsername && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  }
  if (problems.length === 0 && password.length <= 100) {
    const score = zxcvbn.check(password, [context.username, context.displayName ?? '', 'cong', 'gov.vn']).score;
    if (score < policy.minStrength) problems.push('Mật khẩu quá dễ đoán; hãy dùng một cụm từ dài hơn, ít gặp hơn.');
  }
  return problems;
}
