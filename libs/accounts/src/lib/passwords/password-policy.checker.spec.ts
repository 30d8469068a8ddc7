import { PasswordPolicy } from '@cong/rules';
import { MAX_PASSWORD_LENGTH, passwordProblems } from './password-policy.checker';

const policy = (changes: Partial<PasswordPolicy> = {}): PasswordPolicy => Object.assign(new PasswordPolicy(), changes);
const user = { username: 'nguyenvana', displayName: 'Nguyễn Văn A' };
/** Long, mixed, uncommon: accepted under the default policy. */
const GOOD = 'Sông Hồng chảy qua Lào Cai 2027!';

describe('password policy (NA-9)', () => {
  it('accepts a long, mixed, uncommon passphrase under the default policy', () => {
    expect(passwordProblems(GOOD, policy(), user)).toEqual([]);
  });

  it('refuses a password shorter than the province minimum, naming the minimum', () => {
    expect(passwordProblems('Ab1!xyz', policy({ minLength: 12 }), user)).toContain('Mật khẩu phải có ít nhất 12 ký tự.');
    expect(passwordProblems('Ab1!xyzAb1!x', policy({ minLength: 12 }), user)).not.toContain('Mật khẩu phải có ít nhất 12 ký tự.');
  });

  it(`refuses a password longer than ${MAX_PASSWORD_LENGTH} characters`, () => {
    const long = `Aa1!${'x'.repeat(MAX_PASSWORD_LENGTH - 3)}`;
    expect(passwordProblems(long, policy(), user)).toContain(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
    expect(passwordProblems(long.slice(1), policy(), user)).not.toContain(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  });

  it('counts lower case, upper case, digits and symbols as the character classes', () => {
    const classes = /kết hợp ít nhất 3 loại ký tự/;
    const problems = (p: string) => passwordProblems(p, policy({ minCharacterClasses: 3, minStrength: 0, rejectCommon: false }), user);
    expect(problems('onlylowercaseletters').some((m) => classes.test(m))).toBe(true);
    expect(problems('lowerandUPPERonlyhere').some((m) => classes.test(m))).toBe(true);
    expect(problems('lowerUPPER1234digits')).toEqual([]);
    expect(problems('lower and symbols 1234')).toEqual([]);
  });

  it('refuses a common password (the blocklist ignores case)', () => {
    const lax = policy({ minLength: 8, minCharacterClasses: 1, minStrength: 0 });
    expect(passwordProblems('Password', lax, user)).toContain('Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán.');
    expect(passwordProblems('Password', policy({ ...lax, rejectCommon: false }), user)).toEqual([]);
  });

  it('refuses a password containing the username, whatever the case', () => {
    const p = 'Mật khẩu của NguyenVanA 2027!';
    expect(passwordProblems(p, policy(), user)).toContain('Mật khẩu không được chứa tên đăng nhập.');
    expect(passwordProblems(p, policy({ rejectContainingUsername: false }), user)).not.toContain('Mật khẩu không được chứa tên đăng nhập.');
    // Usernames under three characters would refuse too much: not checked.
    expect(passwordProblems(GOOD, policy(), { username: 'hồ' })).toEqual([]);
  });

  it('refuses a guessable password that passes every other check (zxcvbn strength, with the user’s own words)', () => {
    const weak = 'Nguyenvana1!';
    const strict = policy({ minLength: 8, rejectContainingUsername: false });
    expect(passwordProblems(weak, strict, user)).toEqual(['Mật khẩu quá dễ đoán; hãy dùng một cụm từ dài hơn, ít gặp hơn.']);
    expect(passwordProblems(weak, policy({ ...strict, minStrength: 0 }), user)).toEqual([]);
  });

  it('reports every problem at once, one reason per line', () => {
    expect(passwordProblems('password', policy(), user)).toEqual([
      'Mật khẩu phải có ít nhất 12 ký tự.',
      'Mật khẩu phải kết hợp ít nhất 3 loại ký tự: chữ thường, chữ hoa, chữ số, ký hiệu.',
      'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán.',
    ]);
  });
});
