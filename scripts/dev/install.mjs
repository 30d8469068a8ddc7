// Installs npm dependencies when package-lock.json changed since the last install (builtins only:
// this runs before anything is installed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root, log) {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const fingerprint = createHash('sha256').update(lock).update(process.version).digest('hex');
  const marker = join(root, 'node_modules', '.cong-installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;
  // `npm install`, not `npm ci`: it installs exactly the locked versions too, but npm 11 refuses
  // `npm ci` when the lock lacks other platforms' optional binaries (@swc/core-darwin-*, …), which
  // npm itself leaves out of lock files it writes on Linux.
  log('Installing dependencies (npm install, from package-lock.json)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error('npm install failed: check the output above (network access to the npm registry is needed once).');
  }
  writeFileSync(marker, fingerprint);
}
