import { replaceLine, ruleProblems as problemsOf, seedRuleText } from '../../../test/seed-text';
import { parseRuleSet } from '../loading/tenant-folder.loader';
import { formatProblem } from '../loading/rule-problem';
import { canonicalDocument, ruleSetFromDocument } from '../versions/canonical-document';

const NGHE_AN = seedRuleText('nghe-an');
const SESSIONS = '  sessions: { accessTokenMinutes: 15, absoluteHours: 336, idleMinutes: 480 }';
const withSessions = (line: string) => replaceLine(NGHE_AN, SESSIONS, line);

describe('session lifetimes in the rule file (NA-9, LC-3.1b)', () => {
  it('NA-9: says an 8-hour session with a 30-minute idle limit directly', () => {
    const result = parseRuleSet(withSessions('  sessions: { absoluteHours: 8, idleMinutes: 30 }'), 'tenant.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect({ ...result.value.accountPolicy.sessions }).toEqual({ accessTokenMinutes: 15, absoluteHours: 8, idleMinutes: 30 });
  });

  it('refuses lifetimes that do not nest, out of range, and the retired refreshTokenDays, naming each', () => {
    expect(problemsOf(withSessions('  sessions: { accessTokenMinutes: 45, absoluteHours: 8, idleMinutes: 30 }'))).toEqual([
      'accountPolicy.sessions.accessTokenMinutes: `accessTokenMinutes` (45) không được lớn hơn `idleMinutes` (30): mã truy cập sẽ còn hiệu lực khi phiên đã hết hạn vì không dùng',
    ]);
    expect(problemsOf(withSessions('  sessions: { absoluteHours: 4 }'))).toEqual([
      'accountPolicy.sessions.idleMinutes: `idleMinutes` (480) không được lớn hơn cả thời lượng phiên (`absoluteHours`: 4, tức 240 phút); tối đa 240',
    ]);
    expect(problemsOf(withSessions('  sessions: { absoluteHours: 0, idleMinutes: 30 }'))).toEqual([
      'accountPolicy.sessions.absoluteHours: `absoluteHours` không được nhỏ hơn 1',
    ]);
    expect(problemsOf(withSessions('  sessions: { absoluteHours: 2161, idleMinutes: 30 }'))).toEqual([
      'accountPolicy.sessions.absoluteHours: `absoluteHours` không được lớn hơn 2160',
    ]);
    expect(problemsOf(withSessions('  sessions: { refreshTokenDays: 14, idleMinutes: 480 }'))).toEqual([
      'accountPolicy.sessions.refreshTokenDays: `refreshTokenDays` không phải là khóa hợp lệ ở đây',
    ]);
  });

  it('rule versions stored with refreshTokenDays read back as an absolute lifetime of that length', () => {
    const parsed = parseRuleSet(NGHE_AN, 'tenant.yaml');
    if (!parsed.ok) throw new Error('seed does not load');
    const document = canonicalDocument(parsed.value) as { accountPolicy: Record<string, unknown> };
    const stored = {
      ...document,
      accountPolicy: { ...document.accountPolicy, sessions: { accessTokenMinutes: 10, refreshTokenDays: 2, idleMinutes: 60 } },
    };
    expect({ ...ruleSetFromDocument(stored).accountPolicy.sessions }).toEqual({
      accessTokenMinutes: 10,
      absoluteHours: 48,
      idleMinutes: 60,
    });
    const current = {
      ...document,
      accountPolicy: { ...document.accountPolicy, sessions: { accessTokenMinutes: 10, absoluteHours: 8, idleMinutes: 60 } },
    };
    expect({ ...ruleSetFromDocument(current).accountPolicy.sessions }).toEqual({
      accessTokenMinutes: 10,
      absoluteHours: 8,
      idleMinutes: 60,
    });
    expect(stored.accountPolicy.sessions).toEqual({ accessTokenMinutes: 10, refreshTokenDays: 2, idleMinutes: 60 });
  });
});

describe('suspension of unused accounts in the rule file (issue 14)', () => {
  const withSuspension = (line: string) => withSessions(`${SESSIONS}\n${line}`);

  it('issue 14: reads suspendAfterInactiveDays; absent, nobody is suspended, and the stored document does not change', () => {
    const result = parseRuleSet(withSuspension('  suspendAfterInactiveDays: 45'), 'tenant.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.accountPolicy.suspendAfterInactiveDays).toBe(45);
    expect((canonicalDocument(result.value) as { accountPolicy: Record<string, unknown> }).accountPolicy.suspendAfterInactiveDays).toBe(45);
    const without = parseRuleSet(NGHE_AN, 'tenant.yaml');
    if (!without.ok) throw new Error('seed does not load');
    expect(without.value.accountPolicy.suspendAfterInactiveDays).toBeUndefined();
    expect('suspendAfterInactiveDays' in (canonicalDocument(without.value) as { accountPolicy: object }).accountPolicy).toBe(false);
  });

  it('issue 14: refuses a number of days out of range or not whole, naming the field', () => {
    expect(problemsOf(withSuspension('  suspendAfterInactiveDays: 3'))).toEqual([
      'accountPolicy.suspendAfterInactiveDays: `suspendAfterInactiveDays` không được nhỏ hơn 7',
    ]);
    expect(problemsOf(withSuspension('  suspendAfterInactiveDays: 1000'))).toEqual([
      'accountPolicy.suspendAfterInactiveDays: `suspendAfterInactiveDays` không được lớn hơn 730',
    ]);
    expect(problemsOf(withSuspension('  suspendAfterInactiveDays: 45.5'))).toEqual([
      'accountPolicy.suspendAfterInactiveDays: `suspendAfterInactiveDays` phải là một số ngày nguyên',
    ]);
  });
});

describe('two-step verification in the rule file (issue 14)', () => {
  const withTwoFactor = (line: string) => withSessions(`${SESSIONS}\n${line}`);

  it('issue 14: reads the roles that require it; absent, it is optional for everyone and the stored document does not change', () => {
    const result = parseRuleSet(withTwoFactor('  twoFactor: { requiredFor: [tenant_admin, editorial_board] }'), 'tenant.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.accountPolicy.twoFactor?.requiredFor).toEqual(['tenant_admin', 'editorial_board']);
    const without = parseRuleSet(NGHE_AN, 'tenant.yaml');
    if (!without.ok) throw new Error('seed does not load');
    expect(without.value.accountPolicy.twoFactor).toBeUndefined();
    expect('twoFactor' in (canonicalDocument(without.value) as { accountPolicy: object }).accountPolicy).toBe(false);
  });

  it('issue 14: refuses a role outside the vocabulary, a role named twice and a misspelt field, naming each', () => {
    expect(problemsOf(withTwoFactor('  twoFactor: { requiredFor: [admin] }'))).toEqual([
      'accountPolicy.twoFactor.requiredFor: `requiredFor` chỉ được gồm các vai trò: national_operator, tenant_admin, editorial_council, editorial_board, unit_head, unit_editor',
    ]);
    expect(problemsOf(withTwoFactor('  twoFactor: { requiredFor: [unit_head, unit_head] }'))).toEqual([
      'accountPolicy.twoFactor.requiredFor: `requiredFor` không được có vai trò trùng nhau',
    ]);
    expect(problemsOf(withTwoFactor('  twoFactor: { requiredRoles: [unit_head] }'))).toEqual([
      'accountPolicy.twoFactor.requiredRoles: `requiredRoles` không phải là khóa hợp lệ ở đây',
    ]);
  });
});
