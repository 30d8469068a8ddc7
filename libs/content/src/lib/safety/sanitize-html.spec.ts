import { plainText, sanitizeRichText } from './sanitize-html';

describe('rich text sanitising (allowlist)', () => {
  it.each([
    ['<p>Tin <script>alert(1)</script>mới</p>', '<p>Tin mới</p>'],
    ['<img src="https://a.vn/x.png" onerror="alert(1)" alt="ảnh">', '<img src="https://a.vn/x.png" alt="ảnh" />'],
    ['<a href="javascript:alert(1)">bấm</a>', '<a>bấm</a>'],
    ['<a href="JaVaScRiPt:alert(1)">bấm</a>', '<a>bấm</a>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['<svg onload="alert(1)"><circle r="1"/></svg>tiếp', 'tiếp'],
    ['<iframe src="https://evil.example"></iframe>x', 'x'],
    ['<p style="background:url(javascript:alert(1))" onclick="x()">đoạn</p>', '<p>đoạn</p>'],
    [
      '<a href="https://laocai.gov.vn" target="_blank">Cổng</a>',
      '<a href="https://laocai.gov.vn" target="_blank" rel="noopener noreferrer">Cổng</a>',
    ],
    ['<table><tr><td colspan="2">Ô</td></tr></table>', '<table><tr><td colspan="2">Ô</td></tr></table>'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it('keeps no markup at all in plain-text fields', () => {
    expect(plainText('<b>Tiêu đề</b> <script>x</script>có dấu')).toBe('Tiêu đề có dấu');
  });

  it.each([
    ['Thủ tục &#60;img src=x onerror=alert(1)&#62;', 'Thủ tục'],
    ['Thủ tục &lt;img src=x onerror=alert(1)&gt;', 'Thủ tục'],
    ['Tin &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; mới', 'Tin  mới'],
    ['&lt;svg onload=alert(1)&gt;Báo cáo', 'Báo cáo'],
  ])('issue 14 stored XSS: markup written as entities is removed too (%s)', (input, expected) => {
    const text = plainText(input);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/<[a-z!/]/i);
  });

  it('keeps text that only looks like markup: comparisons, ampersands, quotes', () => {
    expect(plainText('Chỉ số a < b và c > d')).toBe('Chỉ số a < b và c > d');
    expect(plainText('Sở Tài nguyên & Môi trường "mới"')).toBe('Sở Tài nguyên & Môi trường "mới"');
    expect(plainText("Nghị định 5 < 10 & 'x'")).toBe("Nghị định 5 < 10 & 'x'");
  });
});
