import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASSETS_PATH } from './portal-addresses';

export interface Asset {
  /** `/assets/portal.3f9c0a1b2c.css`: the content's hash in the name, so it is cached for good. */
  path: string;
  contentType: string;
  body: Buffer;
}

/** `file` served as `/assets/<name>.<hash>.<ext>`. */
function served(file: string, name: string, ext: string, contentType: string): Asset {
  const body = readFileSync(file);
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/${ASSETS_PATH}/${name}.${digest}.${ext}`, contentType, body };
}

function asset(file: string, contentType: string): Asset {
  const [name, ext] = file.split('.');
  return served(join(__dirname, 'assets', file), name, ext, contentType);
}

const JS = 'text/javascript; charset=utf-8';
/** The ALTCHA widget's build for a strict Content-Security-Policy: no inline styles, workers from our origin. */
const altcha = join(dirname(require.resolve('altcha/external')), '..');

/** The portal's files, read once: the stylesheet, the icon, and the question form's proof-of-work widget. */
export const PORTAL_ASSETS = {
  stylesheet: asset('portal.css', 'text/css; charset=utf-8'),
  icon: asset('icon.svg', 'image/svg+xml'),
  altchaWidget: served(join(altcha, 'external/altcha.min.js'), 'altcha', 'js', JS),
  altchaStyles: served(join(altcha, 'external/altcha.css'), 'altcha', 'css', 'text/css; charset=utf-8'),
  altchaVietnamese: served(join(altcha, 'i18n/vi.umd.cjs'), 'altcha-vi', 'js', JS),
  altchaWorker: served(join(altcha, 'workers/sha.js'), 'altcha-sha', 'js', JS),
  questionForm: asset('hoi-dap.js', JS),
};

export const ASSET_BY_PATH = new Map(Object.values(PORTAL_ASSETS).map((a) => [a.path, a]));
