/**
 * The nonce of this page's Content-Security-Policy: the API serves index.html with a fresh one per
 * answer (style-src 'nonce-…'), and the style elements antd and TipTap insert must carry it.
 * Undefined under `vite dev`, which serves the placeholder.
 */
export function cspNonce(): string | undefined {
  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined;
}
