import { foldVietnamese, vietnameseSlug } from './vietnamese-slug';

describe('Vietnamese slugs', () => {
  it.each([
    ['Nghệ An', 'nghe-an'],
    ['Đường Hồ Chí Minh đi qua Lào Cai', 'duong-ho-chi-minh-di-qua-lao-cai'],
    ['Quyết định 07/2006/QĐ-UBND', 'quyet-dinh-07-2006-qd-ubnd'],
    ['  Tin   mới!!! (cập nhật)  ', 'tin-moi-cap-nhat'],
    ['Ủy ban nhân dân tỉnh', 'uy-ban-nhan-dan-tinh'],
    ['???', 'bai-viet'],
  ])('%s → %s', (title, slug) => {
    expect(vietnameseSlug(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary-ish limit without a trailing dash', () => {
    const slug = vietnameseSlug('Báo cáo '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('folds for search: Nghệ An, NGHE AN and nghe an are the same', () => {
    expect(new Set(['Nghệ An', 'NGHE AN', 'nghe an'].map(foldVietnamese))).toEqual(new Set(['nghe an']));
  });
});
