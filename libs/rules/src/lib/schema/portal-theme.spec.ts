import { replaceLine, ruleProblems as problemsOf, seedRuleText } from '../../../test/seed-text';
import { parseRuleSet } from '../loading/tenant-folder.loader';
import { formatProblem } from '../loading/rule-problem';
import { contrastRatio } from './colour-contrast';

const LAO_CAI = seedRuleText('lao-cai');
const THEME = '  theme: { primaryColor: "#9b1c1c", accentColor: "#7a1515" }';
const withTheme = (line: string) => replaceLine(LAO_CAI, THEME, line);

describe("the portal's theme and publisher in the rule file (issue 16)", () => {
  it('computes WCAG 2.1 contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('takes the seed themes and publishers; both colours keep white text at AA', () => {
    const result = parseRuleSet(LAO_CAI, 'tenant.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect({ ...result.value.portal.theme }).toEqual({ primaryColor: '#9b1c1c', accentColor: '#7a1515' });
    expect(result.value.portal.publisher?.agency).toBe('Ủy ban nhân dân tỉnh Lào Cai');
    expect(contrastRatio('#9b1c1c', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('refuses a colour white text cannot be read on, one not #rrggbb, and a logo that is not https or a path', () => {
    expect(problemsOf(withTheme('  theme: { primaryColor: "#f0c000" }'))).toEqual([
      'portal.theme.primaryColor: `primaryColor` #f0c000 quá sáng: chữ trắng trên màu này có độ tương phản 1.71:1, WCAG 2.1 AA cần ít nhất 4.5:1 (hãy chọn màu đậm hơn)',
    ]);
    expect(problemsOf(withTheme('  theme: { primaryColor: "red" }'))).toEqual([
      'portal.theme.primaryColor: `primaryColor` phải là mã màu #rrggbb viết thường',
    ]);
    expect(problemsOf(withTheme('  theme: { primaryColor: "#0b4f9c", logo: "javascript:alert(1)" }'))).toEqual([
      'portal.theme.logo: `logo` phải là địa chỉ https hoặc đường dẫn trên cổng (/api/v1/public/media/…)',
    ]);
  });
});
