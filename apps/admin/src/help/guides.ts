import { Marked } from 'marked';
import { GUIDE_ROLES } from './guide-roles';

/**
 * The user guides of docs/huong-dan (NA-7.2e), bundled into the console at build time: one per
 * role, in Vietnamese, with the screenshots the console's browser tests take (docs/admin).
 */
const TEXTS = import.meta.glob('../../../../docs/huong-dan/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const IMAGES = import.meta.glob('../../../../docs/admin/*.png', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface Guide {
  /** The file's name without `.md`, and the guide's key in the address (`?bai=`). */
  slug: string;
  title: string;
  /** The roles it is written for: the reader holding one sees it first. */
  roles: string[];
  /** Its text, as HTML ready to show. */
  html: string;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const markdown = new Marked({
  walkTokens(token) {
    // The page has its own h1: a guide's headings go one level down.
    if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
    // `../admin/x.png` is the bundled screenshot; `other-guide.md` opens that guide here.
    if (token.type === 'image') token.href = IMAGES[`../../../../docs/admin/${token.href.split('/').pop()}`] ?? token.href;
    if (token.type === 'link' && /^[a-z-]+\.md$/.test(token.href)) token.href = `?bai=${token.href.replace(/\.md$/, '')}`;
  },
  renderer: {
    // Raw HTML in a guide is shown as text, never run: the console holds the session's token.
    html({ text }) {
      return escapeHtml(text);
    },
    image({ href, text }) {
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" loading="lazy">`;
    },
  },
});

export const GUIDES: Guide[] = Object.entries(GUIDE_ROLES).map(([slug, roles]) => {
  const text = TEXTS[`../../../../docs/huong-dan/${slug}.md`] ?? '';
  return {
    slug,
    roles,
    title: capitalised(/^# (.+)$/m.exec(text)?.[1]?.replace(/^Hướng dẫn cho /, '') ?? slug),
    html: markdown.parse(text, { async: false }) as string,
  };
});
