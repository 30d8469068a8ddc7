// Installs npm dependencies when package-lock.json changed since the last install, then checks
// that every native module loads (builtins only: this runs before anything is installed).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNativeModules } from './native-modules.mjs';

/** Why an install failed, read from npm's output: the network, a compile, or npm's own words. */
export function installFailureReason(output) {
  if (/\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network|socket hang up)\b/i.test(output)) {
    return 'the npm registry could not be reached (network access to it is needed once)';
  }
  if (/gyp ERR!|node-gyp|make: \*\*\*|not found: (make|python)|g\+\+|cc1plus|prebuild-install/i.test(output)) {
    return 'a package tried to compile native code and the build failed (a package without a prebuilt binary for this platform and Node version)';
  }
  if (/EUSAGE|in sync|npm ci/i.test(output)) return 'package.json and package-lock.json disagree (run `npm install` and commit the lock)';
  if (/ENOSPC/.test(output)) return 'the disk is full';
  if (/EACCES|EPERM/.test(output)) return 'a file or folder could not be written (permissions)';
  return 'npm failed; its own message is above';
}

export async function ensureDependencies(root, log) {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const fingerprint = createHash('sha256').update(lock).update(process.version).digest('hex');
  const marker = join(root, 'node_modules', '.cong-installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;
  // `npm ci`: exactly the locked versions, and the lock stays as committed (a clean clone stays clean).
  log('Installing dependencies (npm ci, from package-lock.json; about a minute the first time)…');
  const started = Date.now();
  const { code, output } = await runNpm(root, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], () =>
    log(`  still installing… ${Math.round((Date.now() - started) / 1000)} s`),
  );
  if (code !== 0) throw new Error(`npm ci failed: ${installFailureReason(output)}.`);
  log(`Dependencies installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  const failures = checkNativeModules(root);
  for (const f of failures.filter((f) => f.optional))
    log(`Note: optional native module ${f.name} does not load (${f.message}); its JavaScript fallback is used.`);
  const fatal = failures.filter((f) => !f.optional);
  if (fatal.length) {
    throw new Error(
      `installed, but native modules do not load on Node ${process.version}: ` + fatal.map((f) => `${f.name} (${f.message})`).join('; '),
    );
  }
  writeFileSync(marker, fingerprint);
}

/** Runs npm, echoing its output and calling `tick` every 10 s of silence; resolves with code and output. */
function runNpm(root, args, tick) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer = setInterval(tick, 10_000);
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
      clearInterval(timer);
      timer = setInterval(tick, 10_000);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    const done = (code) => {
      clearInterval(timer);
      resolve({ code, output });
    };
    child.on('error', (error) => done(((output += error.message), 1)));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
