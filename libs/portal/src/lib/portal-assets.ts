import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS_PATH } from './portal-addresses';

export interface Asset {
  /** `/assets/portal.3f9c0a1b2c.css`: the content's hash in the name, so it is cached for good. */
  path: string;
  contentType: string;
  body: Buffer;
}

function asset(file: string, contentType: string): Asset {
  const body = readFileSync(join(__dirname, 'assets', file));
  const [name, ext] = file.split('.');
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/${ASSETS_PATH}/${name}.${digest}.${ext}`, contentType, body };
}

/** The portal's files, read once: one stylesheet, one icon. */
export const PORTAL_ASSETS = {
  stylesheet: asset('portal.css', 'text/css; charset=utf-8'),
  icon: asset('icon.svg', 'image/svg+xml'),
};

export const ASSET_BY_PATH = new Map(Object.values(PORTAL_ASSETS).map((a) => [a.path, a]));
