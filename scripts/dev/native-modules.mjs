// Loads every package of ours that carries native code, in a plain Node process, so that a binary
// that does not fit this Node (a Node-API version too new, a missing prebuild that npm tried to
// compile) fails here with its name, not later inside a request or a test. Builtins only.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The packages with native code, each with a line that proves it loads and works, and the prefix
 * of the per-platform packages that carry its prebuilt binary. `optional`: the package falls back
 * to JavaScript when its binary is missing (msgpackr without msgpackr-extract).
 */
export const NATIVE_MODULES = [
  { name: '@node-rs/argon2', prebuilt: '@node-rs/argon2-', probe: "require('@node-rs/argon2').hashSync('probe').startsWith('$argon2')" },
  { name: 'sharp', prebuilt: '@img/sharp-', probe: "typeof require('sharp').versions.vips === 'string'" },
  {
    name: 'msgpackr-extract',
    prebuilt: '@msgpackr-extract/',
    probe: "typeof require('msgpackr-extract').extractStrings === 'function'",
    optional: true,
  },
  {
    name: '@swc/core',
    prebuilt: '@swc/core-',
    probe: "require('@swc/core').transformSync('let a: number = 1', { jsc: { parser: { syntax: 'typescript' } } }).code.includes('a = 1')",
  },
  { name: '@node-rs/xxhash', prebuilt: '@node-rs/xxhash-', probe: "typeof require('@node-rs/xxhash').xxh64 === 'function'" },
  { name: 'nx', prebuilt: '@nx/nx-', probe: "typeof require('nx/src/native').hashArray === 'function'" },
  { name: '@parcel/watcher', prebuilt: '@parcel/watcher-', probe: "typeof require('@parcel/watcher').subscribe === 'function'" },
  { name: 'oxc-resolver', prebuilt: '@oxc-resolver/binding-', probe: "typeof require('oxc-resolver').ResolverFactory === 'function'" },
  // The console's build (Vite): its bundler and its CSS minifier.
  { name: 'rolldown', prebuilt: '@rolldown/binding-', probe: "typeof require('rolldown').rolldown === 'function'" },
  {
    name: 'lightningcss',
    prebuilt: 'lightningcss-',
    probe: "require('lightningcss').transform({ filename: 'a.css', code: Buffer.from('a{color:red}') }).code.length > 0",
  },
  { name: 'unrs-resolver', prebuilt: '@unrs/resolver-binding-', probe: "typeof require('unrs-resolver').ResolverFactory === 'function'" },
];

/** Loads each native module; returns the failures as `{ name, optional, message }`. */
export function checkNativeModules(root) {
  const failures = [];
  for (const module of NATIVE_MODULES) {
    const script = `if (!(${module.probe})) throw new Error('loaded, but does not work');`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    if (result.status === 0) continue;
    // The thrown error's own line (`Error: …`), not the source line Node prints above it.
    const line = `${result.stderr}`.split('\n').find((l) => /^\w*Error\b/.test(l.trim()));
    failures.push({ name: module.name, optional: Boolean(module.optional), message: (line ?? `exit code ${result.status}`).trim() });
  }
  return failures;
}

/** Every installed package holding a compiled addon (`*.node`) or a node-gyp build (binding.gyp). */
export function packagesWithNativeCode(root) {
  const found = new Set();
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !['test', 'tests', 'example', 'examples', '.bin'].includes(entry.name) && depth < 12)
        walk(path, depth + 1);
      else if (entry.isFile() && (entry.name.endsWith('.node') || entry.name === 'binding.gyp')) found.add(packageOf(root, path));
    }
  };
  walk(join(root, 'node_modules'), 0);
  return [...found].sort();
}

/** `node_modules/a/node_modules/@s/b/lib/x.node` → `@s/b`. */
function packageOf(root, file) {
  const parts = relative(join(root, 'node_modules'), file).split(sep);
  const last = parts.lastIndexOf('node_modules');
  const rest = parts.slice(last + 1);
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** The listed module a package with native code belongs to, or undefined. */
export function nativeModuleOf(packageName) {
  return NATIVE_MODULES.find((m) => packageName === m.name || packageName.startsWith(m.prebuilt));
}

/** Installed packages with native code that no entry of NATIVE_MODULES covers (so none is probed). */
export function unlistedNativePackages(root) {
  return packagesWithNativeCode(root).filter((name) => !nativeModuleOf(name));
}

// `node scripts/dev/native-modules.mjs [--json]`: the check alone (run by `npm run check`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(import.meta.dirname, '../..');
  const failures = checkNativeModules(root);
  const unlisted = unlistedNativePackages(root);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ failures, unlisted }));
  } else {
    for (const f of failures) console.error(`[cong] ${f.optional ? 'optional ' : ''}native module ${f.name} does not load: ${f.message}`);
    for (const name of unlisted)
      console.error(`[cong] ${name} carries native code but scripts/dev/native-modules.mjs does not probe it: add it to NATIVE_MODULES.`);
    if (!failures.length && !unlisted.length) console.log(`[cong] Native modules: all ${NATIVE_MODULES.length} load.`);
  }
  process.exit(failures.some((f) => !f.optional) || unlisted.length ? 1 : 0);
}
