// `npm run bench:public-read`: seeds 30 provinces × 20 sites × 200,000 published items into a
// database of its own, then loads (autocannon, 20 connections, random province and site per
// request) the API's public read path and two reference servers, and prints req/s, p50, p99 and
// RSS for each, with the ratio to its reference (measured just before and after, see main), and the
// API's database queries per request (count-queries.cjs). Targets: uncached list ≥ 0.8× the node:http + pg
// reference, cached list ≥ 0.6× the in-memory reference, p99 < 20 ms. Not a test: run by hand.
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queriesOf, rssOf, sql, waitFor } from '../shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const OWNER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cong_bench';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const NODE_TS = [process.execPath, '-r', '@swc-node/register'];
const log = (...a) => console.log('[bench]', ...a);

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

async function prepareDatabase() {
  if (process.env.BENCH_REUSE === '1') {
    try {
      // Migrations since the seed (indexes, columns) apply to the kept data too.
      await run(NODE_TS[0], [...NODE_TS.slice(1), 'apps/cli/src/main.ts', 'db', 'migrate'], { DATABASE_URL: OWNER });
      const [{ n }] = await sql(OWNER, `SELECT count(*)::int AS n FROM content_item`);
      if (n >= 200_000) return log(`reusing ${n} items already seeded (BENCH_REUSE=1)`);
    } catch {
      // no database yet: seed it
    }
  }
  const admin = new URL(OWNER);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(NODE_TS[0], [...NODE_TS.slice(1), 'apps/cli/src/main.ts', 'db', 'migrate'], { DATABASE_URL: OWNER });
  const started = Date.now();
  await sql(OWNER, readFileSync(join(here, 'seed.sql'), 'utf8'));
  log(`seeded 200,000 items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every server started, so a failed run stops them too (they would hold their ports). */
const started = [];

function startApi(port, publicCache) {
  const child = spawn(NODE_TS[0], [...NODE_TS.slice(1), '-r', join(here, 'count-queries.cjs'), 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: OWNER,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PUBLIC_CACHE: publicCache ? 'on' : 'off',
      REDIS_PREFIX: 'cong-bench',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  started.push(child);
  return { child, ready: waitFor(`http://127.0.0.1:${port}/health/ready`) };
}

function startReference(file, port, env) {
  const child = fork(join(here, file), {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  started.push(child);
  return { child, ready: new Promise((resolve) => child.once('message', resolve)) };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** `api`: the API's process and port, whose database queries per request are counted too. */
async function load(name, port, nextPath, pid, api) {
  // Every server, the references too, gets the same warm-up first (JIT, connection pools).
  await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: WARMUP,
    requests: [{ setupRequest: (req) => ({ ...req, ...nextPath() }) }],
  });
  const queriesBefore = api ? await queriesOf(api.child) : 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ setupRequest: (req) => ({ ...req, ...nextPath() }) }],
  });
  const perRequest = api ? ((await queriesOf(api.child)) - queriesBefore) / result.requests.total : undefined;
  const row = {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    rss: rssOf(pid),
    queries: perRequest,
    errors: result.errors + result.non2xx,
  };
  log(
    `${name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, RSS ${row.rss} MB${api ? `, ${perRequest.toFixed(2)} queries/request` : ''}${row.errors ? `, ${row.errors} errors/non-2xx` : ''}`,
  );
  return row;
}

async function main() {
  await prepareDatabase();
  const sites = await sql(OWNER, `SELECT t.id AS tenant_id, t.code, s.path FROM sites_site s JOIN tenancy_tenant t ON t.id = s.tenant_id`);
  const items = await sql(
    OWNER,
    `SELECT t.code, s.path, c.slug FROM content_item c JOIN sites_site s ON s.id = c.site_id JOIN tenancy_tenant t ON t.id = c.tenant_id ORDER BY random() LIMIT 2000`,
  );
  const words = ['nghe an', 'lao cai', 'hoi nghi', 'dau tu', 'nong thon moi', 'giao duc', 'y te', 'giao thong', 'du lich', 'thu tuc'];
  const key = (path) => (path === '/' ? 'portal' : path.slice(1));
  const listPath = () => {
    const s = pick(sites);
    return { method: 'GET', path: `/api/v1/public/sites/${key(s.path)}/items`, headers: { 'x-tenant': s.code } };
  };
  const itemPath = () => {
    const i = pick(items);
    return { method: 'GET', path: `/api/v1/public/sites/${key(i.path)}/items/${i.slug}`, headers: { 'x-tenant': i.code } };
  };
  // A site of the province asked (an earlier version picked the two apart, so most searches asked
  // for a site of another province and found nothing).
  const searchPath = () => {
    const s = pick(sites);
    return {
      method: 'GET',
      path: `/api/v1/public/search?q=${encodeURIComponent(pick(words))}&site=${key(s.path)}`,
      headers: { 'x-tenant': s.code },
    };
  };
  // The whole province: each word matches a tenth of its items (about 666), all of them ranked.
  const provinceSearchPath = () => {
    const s = pick(sites);
    return { method: 'GET', path: `/api/v1/public/search?q=${encodeURIComponent(pick(words))}`, headers: { 'x-tenant': s.code } };
  };
  const rows = [];
  const pgPath = () => {
    const s = pick(sites);
    return { method: 'GET', path: `/?tenant=${s.tenant_id}&path=${encodeURIComponent(s.path)}` };
  };

  // The machine is shared with the load generator and Postgres, and what it gives moves from one
  // minute to the next: each reference is measured just before and just after the API scenario it
  // is compared with, and the ratio is to the mean of the two.
  const refPg = startReference('reference-pg.mjs', 3903, { DATABASE_URL: OWNER });
  let api = startApi(3901, false);
  await Promise.all([refPg.ready, api.ready]);
  const pgBefore = await load('reference node:http + pg (before)', 3903, pgPath, refPg.child.pid);
  rows.push({ ...(await load('API list, uncached', 3901, listPath, api.child.pid, api)), ref: 'pg' });
  const pgAfter = await load('reference node:http + pg (after)', 3903, pgPath, refPg.child.pid);
  rows.push({ ...(await load('API item by slug, uncached', 3901, itemPath, api.child.pid, api)), ref: 'pg' });
  rows.push({ ...(await load('API search in a site, uncached', 3901, searchPath, api.child.pid, api)), ref: 'pg' });
  rows.push({ ...(await load('API search in a province, uncached', 3901, provinceSearchPath, api.child.pid, api)), ref: 'pg' });
  api.child.kill('SIGTERM');

  // Reference 2: answers precomputed in memory (the same bodies the pg reference gives).
  const answers = {};
  for (const s of sites)
    answers[`/?tenant=${s.tenant_id}&path=${encodeURIComponent(s.path)}`] = await (
      await fetch(`http://127.0.0.1:3903/?tenant=${s.tenant_id}&path=${encodeURIComponent(s.path)}`)
    ).text();
  refPg.child.kill('SIGTERM');
  const file = join(tmpdir(), 'cong-bench-answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const refMem = startReference('reference-memory.mjs', 3904, { ANSWERS: file });
  // The API with its cache, warmed on every site's list first.
  api = startApi(3902, true);
  await Promise.all([refMem.ready, api.ready]);
  for (const s of sites) await fetch(`http://127.0.0.1:3902/api/v1/public/sites/${key(s.path)}/items`, { headers: { 'x-tenant': s.code } });
  const memBefore = await load('reference in-memory (before)', 3904, pgPath, refMem.child.pid);
  rows.push({ ...(await load('API list, cached', 3902, listPath, api.child.pid, api)), ref: 'memory' });
  const memAfter = await load('reference in-memory (after)', 3904, pgPath, refMem.child.pid);
  api.child.kill('SIGTERM');
  refMem.child.kill('SIGTERM');

  const refs = { pg: (pgBefore.rps + pgAfter.rps) / 2, memory: (memBefore.rps + memAfter.rps) / 2 };
  console.log('\n| scenario | req/s | p50 ms | p99 ms | RSS MB | DB queries / request | ratio to reference |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.rss} | ${r.queries.toFixed(2)} | ${(r.rps / refs[r.ref]).toFixed(2)}× ${r.ref === 'pg' ? 'node:http + pg' : 'in-memory'} |`,
    );
  for (const r of [pgBefore, pgAfter, memBefore, memAfter])
    console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.rss} | ${r.name.includes('pg') ? '1 (by construction)' : '0'} | — |`);
  console.log('\nTargets: uncached list ≥ 0.80× node:http + pg; cached list ≥ 0.60× in-memory; p99 < 20 ms.');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    for (const child of started) child.kill('SIGTERM');
    process.exit(1);
  },
);
