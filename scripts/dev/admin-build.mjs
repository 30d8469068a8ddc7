// The admin console's build (apps/admin → dist/admin, by Vite), made again only when its sources,
// its config or the installed packages changed since the last one. Used by `npm run platform` and
// `npm run check` (the console's browser tests need it).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const STAMP = '.build-stamp';

/** A hash of everything the build reads of ours: the console's files, the user guides and their screenshots, the lock file. */
export function adminSourcesHash(root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'test') walk(path);
      } else hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'apps/admin'));
  walk(join(root, 'docs/huong-dan'));
  walk(join(root, 'docs/admin'));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

/** Builds the console unless dist/admin already holds the build of these sources; resolves with an exit code. */
export async function ensureAdminBuilt(root, log, env = process.env) {
  const dist = join(root, env.ADMIN_DIST_DIR ?? 'dist/admin');
  const hash = adminSourcesHash(root);
  const stamp = join(dist, STAMP);
  if (existsSync(join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return 0;
  log('Building the admin console (Vite)…');
  const code = await run(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '-c', 'apps/admin/vite.config.mts'],
    {
      cwd: root,
      env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (code === 0) writeFileSync(stamp, hash);
  return code;
}

// `node scripts/dev/admin-build.mjs`: the build alone (`npm run admin:build`).
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '../..');
  ensureAdminBuilt(root, (m) => console.log(`[cong] ${m}`)).then((code) => process.exit(code));
}
