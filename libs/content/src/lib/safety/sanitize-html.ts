import sanitize from 'sanitize-html';

/**
 * Rich text as editors may write it: an allowlist of formatting, links, images, tables, nothing
 * executable. Scripts, event handlers, `javascript:`/`data:` URLs, SVG, iframes, styles go.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'q',
    'cite',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'span',
    'div',
    'pre',
    'code',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links that open elsewhere must not hand the opener to the target.
    a: (tagName, attribs) => ({ tagName, attribs: attribs.target ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
  },
};

export function sanitizeRichText(html: string): string {
  return sanitize(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Markup removed once, entities turned back into the characters they stand for. */
function stripOnce(text: string): string {
  return sanitize(text, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/**
 * Plain text fields (titles, summaries): markup is removed and the text kept as text — "A & B"
 * stays "A & B", "a < b" stays "a < b". Removal repeats until nothing changes: markup written as
 * entities (`&#60;img onerror=…&#62;`) becomes markup once decoded, and must go too, so that no
 * surface (JSON, feeds, sitemaps, pages, exports, notifications) ever receives a tag from a
 * plain-text field. Whoever renders the text still escapes it once.
 */
export function plainText(text: string): string {
  let current = text;
  // Each pass removes at least one layer of encoding; a few passes reach the fixed point.
  for (let pass = 0; pass < 10; pass++) {
    const next = stripOnce(current);
    if (next === current) break;
    current = next;
  }
  return current.trim();
}
