import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The dev scripts are ES modules run by plain Node (no loader): run them as they are run. */
const root = join(__dirname, '../..');
function evaluate(script: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('installing (issue 13: a fresh machine with only Node.js)', () => {
  it('loads every native module on this Node, and every installed package with native code is probed', () => {
    const result = spawnSync(process.execPath, ['scripts/dev/native-modules.mjs', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({ failures: [], unlisted: [] });
    expect(result.status).toBe(0);
  });

  it('names a native module that does not load (as a binary built for another Node-API would)', () => {
    const failures = evaluate(`
      import { NATIVE_MODULES, checkNativeModules } from './scripts/dev/native-modules.mjs';
      NATIVE_MODULES.length = 0;
      NATIVE_MODULES.push({ name: 'broken-addon', prebuilt: 'broken-addon-', probe: "process.dlopen({ exports: {} }, '/nonexistent/broken.node')" });
      console.log(JSON.stringify(checkNativeModules(process.cwd())));
    `);
    expect(failures).toEqual([{ name: 'broken-addon', optional: false, message: expect.stringMatching(/^Error: .*broken\.node/) }]);
  });

  it('says why an install failed: the network, a compile, an out-of-date lock, or npm itself', () => {
    const reasons = evaluate(`
      import { installFailureReason } from './scripts/dev/install.mjs';
      console.log(JSON.stringify([
        'npm error code ENOTFOUND\\nnpm error network request to https://registry.example/x failed',
        'npm error gyp ERR! stack Error: not found: make\\nnpm error path /app/node_modules/argon2',
        'npm error code EUSAGE\\nnpm error \\\`npm ci\\\` can only install packages when your package.json and package-lock.json are in sync',
        'npm error code E500 something odd',
      ].map(installFailureReason)));
    `) as string[];
    expect(reasons[0]).toMatch(/npm registry could not be reached/);
    expect(reasons[1]).toMatch(/compile native code/);
    expect(reasons[1]).not.toMatch(/network/);
    expect(reasons[2]).toMatch(/package-lock.json disagree/);
    expect(reasons[3]).toBe('npm failed; its own message is above');
  });
});
