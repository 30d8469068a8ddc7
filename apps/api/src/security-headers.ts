/**
 * Headers every answer carries, set once in the first request hook (before public reads are
 * answered there, so citizens' reads carry them too). The API answers JSON, feeds and files: no
 * answer needs to run scripts, be framed, or be sniffed into another type. Only the API docs page
 * (Swagger UI) loads its own scripts and styles.
 */
const COMMON: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI: its own bundle and inline styles, same origin only.
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
// The front-door page (`/`) has one inline style block and links.
const HOME_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Production is served over HTTPS (behind the proxy): browsers are told to keep to it. */
const HSTS = 'max-age=31536000; includeSubDomains';

interface ReplyWithHeaders {
  header(name: string, value: string): unknown;
}

export function setSecurityHeaders(reply: ReplyWithHeaders, url: string, production: boolean): void {
  for (const [name, value] of COMMON) reply.header(name, value);
  const path = url.split('?', 1)[0];
  reply.header('content-security-policy', path === '/docs' || path.startsWith('/docs/') ? DOCS_CSP : path === '/' ? HOME_CSP : API_CSP);
  if (production) reply.header('strict-transport-security', HSTS);
}
