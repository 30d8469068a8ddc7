import slugify from 'slugify';

/** Longest slug kept; titles of legal documents can be very long. */
export const MAX_SLUG_LENGTH = 120;

/**
 * `Quyết định số 07/2006/QĐ-UBND về Cổng giao tiếp điện tử` → `quyet-dinh-so-07-2006-qd-ubnd-ve-cong-giao-tiep-dien-tu`:
 * Vietnamese folded to ASCII (đ → d, tones and marks removed), lower case, words joined by "-".
 */
export function vietnameseSlug(text: string): string {
  const slug = slugify(text.replace(/[/\\_.]+/g, ' '), { lower: true, strict: true, locale: 'vi', trim: true });
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') || 'bai-viet';
}

/** Accent- and case-insensitive form for search: `Nghệ An` and `nghe an` fold to `nghe an`. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase();
}
