// `npm run bench:portal`: the public portal's HTML pages (home, section, item, search), uncached and
// cached, on bench/public-read's data (30 provinces × 20 sites × 200,000 items) with the additions
// of seed.sql here (sections, and the other kinds a home page lists). Each scenario is loaded with
// autocannon (20 connections, a random page of its kind per request, by the province's Host) and
// compared with a reference measured just before and just after it in the same run:
// - uncached pages: reference-pg.tsx, node:http + pg rendering the portal's own templates from the
//   portal's own statements (PublicReader), target ≥ 0.8×;
// - cached pages: reference-memory.mjs, the same HTML from an in-memory map, target ≥ 0.8×;
// - p99 < 20 ms, RSS of the API process < 300 MB.
// Then Lighthouse 12.2.3 (`npx -y lighthouse@12.2.3`, not a dependency of the project; Chromium at
// CHROME_PATH, default /usr/bin/chromium) on a home, a section list and an item page: target ≥ 95
// in each category. Not a test: run by hand. See bench/portal/RESULTS.md.
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queriesOf, rssOf, sql, waitFor } from '../shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const OWNER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cong_bench_portal';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CONNECTIONS = 20;
const SWC = ['-r', '@swc-node/register'];
const PORTS = { apiUncached: 3921, apiCached: 3922, refPg: 3923, refMemory: 3924 };
const log = (...a) => console.log('[bench]', ...a);

function run(cmd, args, env, stdout = 'ignore') {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
    child.stdout?.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** bench/public-read's seed, then this folder's; BENCH_REUSE=1 keeps a database that has both. */
async function prepareDatabase() {
  if (process.env.BENCH_REUSE === '1') {
    try {
      // Migrations since the seed (indexes, columns) apply to the kept data too.
      await run(process.execPath, [...SWC, 'apps/cli/src/main.ts', 'db', 'migrate'], { DATABASE_URL: OWNER });
      const [{ items, sections }] = await sql(
        OWNER,
        `SELECT (SELECT count(*)::int FROM content_item) AS items, (SELECT count(*)::int FROM sites_section) AS sections`,
      );
      if (items >= 200_000 && sections > 0) return log(`reusing ${items} items and ${sections} sections already seeded (BENCH_REUSE=1)`);
    } catch {
      // no database yet: seed it
    }
  }
  const admin = new URL(OWNER);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(process.execPath, [...SWC, 'apps/cli/src/main.ts', 'db', 'migrate'], { DATABASE_URL: OWNER });
  const started = Date.now();
  await sql(OWNER, readFileSync(join(here, '../public-read/seed.sql'), 'utf8'));
  await sql(OWNER, readFileSync(join(here, 'seed.sql'), 'utf8'));
  await sql(OWNER, 'VACUUM ANALYZE content_item');
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const started = [];

function startApi(port, publicCache) {
  const child = spawn(process.execPath, [...SWC, '-r', join(here, '../public-read/count-queries.cjs'), 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: OWNER,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PUBLIC_CACHE: publicCache ? 'on' : 'off',
      REDIS_PREFIX: 'cong-bench-portal',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  started.push(child);
  return { child, ready: waitFor(`http://127.0.0.1:${port}/health/ready`) };
}

function startReference(file, port, env, execArgv = []) {
  const child = fork(join(here, file), {
    cwd: root,
    execArgv,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  started.push(child);
  return { child, ready: new Promise((resolve) => child.once('message', resolve)) };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const sample = (list, n) =>
  list
    .map((x) => [Math.random(), x])
    .sort((a, b) => a[0] - b[0])
    .slice(0, n)
    .map(([, x]) => x);

/** A page by its Host (fetch() may not set one). */
function getPage(port, page) {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path: page.path, headers: { host: page.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}

/** GETs every page once, a few at a time; the statuses that were not 200. */
async function fetchAll(port, pages, each = () => undefined) {
  const failed = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < pages.length) {
        const page = pages[next++];
        const { status, body } = await getPage(port, page);
        if (status !== 200) failed.push(`${page.host}${page.path}: ${status}`);
        each(page, body);
      }
    }),
  );
  return failed;
}

async function load(name, port, pages, pid, api) {
  const requests = [
    {
      setupRequest: (req) => {
        const p = pick(pages);
        return { ...req, method: 'GET', path: p.path, headers: { ...req.headers, host: p.host } };
      },
    },
  ];
  await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: WARMUP, requests });
  const queriesBefore = api ? await queriesOf(api.child) : 0;
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: DURATION, requests });
  const perRequest = api ? ((await queriesOf(api.child)) - queriesBefore) / result.requests.total : undefined;
  // The machine's 1-minute load average at the end: above its 2 cores' worth, something else ran too.
  const row = {
    load: loadavg()[0].toFixed(1),
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    rss: rssOf(pid),
    queries: perRequest,
    errors: result.errors + result.non2xx + result.timeouts,
    kb: Math.round(result.throughput.total / Math.max(1, result.requests.total) / 1024),
  };
  log(
    `${name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, RSS ${row.rss} MB, ${row.kb} KB/page${api ? `, ${perRequest.toFixed(2)} queries/request` : ''}${row.errors ? `, ${row.errors} errors/non-2xx/timeouts` : ''}`,
  );
  return row;
}

/** Lighthouse's four scores (0–100) for a page. */
async function lighthouse(url, dir, name) {
  const file = join(dir, `${name}.json`);
  await run(
    'npx',
    [
      '-y',
      'lighthouse@12.2.3',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${file}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run',
    ],
    { CHROME_PATH },
  );
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const failing = Object.values(report.categories).flatMap((c) =>
    c.auditRefs
      .map((r) => report.audits[r.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id),
  );
  log(
    `lighthouse ${name} ${url}: ${JSON.stringify(scores)}${failing.length ? `; below full marks: ${[...new Set(failing)].join(', ')}` : ''} (report ${file})`,
  );
  return { name, url, scores, failing: [...new Set(failing)] };
}

async function main() {
  await prepareDatabase();
  const sites = await sql(
    OWNER,
    `SELECT d.domain AS host, t.code, s.path FROM sites_site s JOIN tenancy_tenant t ON t.id = s.tenant_id JOIN tenancy_tenant_domain d ON d.tenant_id = t.id AND d.is_primary WHERE t.code LIKE 'bench-%'`,
  );
  const sections = await sql(
    OWNER,
    `SELECT d.domain AS host, s.path, sec.slug FROM sites_section sec JOIN sites_site s ON s.id = sec.site_id JOIN tenancy_tenant_domain d ON d.tenant_id = s.tenant_id AND d.is_primary WHERE sec.parent_id IS NULL`,
  );
  const items = await sql(
    OWNER,
    `SELECT d.domain AS host, s.path, c.slug FROM content_item c JOIN sites_site s ON s.id = c.site_id JOIN tenancy_tenant_domain d ON d.tenant_id = c.tenant_id AND d.is_primary WHERE c.status = 'published' ORDER BY random() LIMIT 2000`,
  );
  const words = ['nghe an', 'lao cai', 'hoi nghi', 'dau tu', 'nong thon moi', 'giao duc', 'y te', 'giao thong', 'du lich', 'thu tuc'];
  const under = (path, rest) => (path === '/' ? rest || '/' : `${path}${rest}`);
  // The pages of each kind a scenario picks from (a fixed set, so the cached scenarios can warm it
  // all and the in-memory reference can hold it all): every site's home, half its sections, 2,000
  // items, 600 searches (a site's, or on the portal the whole province's).
  const kinds = {
    home: sites.map((s) => ({ host: s.host, path: under(s.path, '') })),
    section: sample(sections, 1200).map((s) => ({ host: s.host, path: under(s.path, `/chuyen-muc/${s.slug}`) })),
    item: items.map((i) => ({ host: i.host, path: under(i.path, `/${i.slug}`) })),
    search: sample(
      sites.flatMap((s) => words.map((w) => ({ host: s.host, path: under(s.path, `/tim-kiem?q=${encodeURIComponent(w)}`) }))),
      600,
    ),
  };
  const labels = { home: 'home page', section: 'section page', item: 'item page', search: 'search page' };
  const rows = [];
  const refs = [];

  // Uncached: the API with PUBLIC_CACHE=off against node:http + pg with the same templates.
  // The reference reads as the API's public reader role (its row policies apply to both), from a
  // pool of the API's public pool size; BENCH_REFERENCE_AS_OWNER=1 reads as the owner instead.
  const readUrl = new URL(OWNER);
  if (process.env.BENCH_REFERENCE_AS_OWNER !== '1') {
    readUrl.username = process.env.DATABASE_PUBLIC_ROLE ?? 'cong_public';
    readUrl.password = process.env.DATABASE_PUBLIC_PASSWORD ?? '';
  }
  const refPg = startReference(
    'reference-pg.tsx',
    PORTS.refPg,
    { DATABASE_URL: OWNER, READ_URL: readUrl.toString(), POOL_SIZE: process.env.DATABASE_PUBLIC_POOL_SIZE ?? '4' },
    SWC,
  );
  let api = startApi(PORTS.apiUncached, false);
  await Promise.all([refPg.ready, api.ready]);
  const idleRss = [rssOf(api.child.pid)];
  // The reference must give the portal's own pages: the same bytes, checked on a few of each kind.
  let same = 0;
  let differ = 0;
  for (const pages of Object.values(kinds)) {
    for (const page of sample(pages, 5)) {
      const [a, b] = await Promise.all([PORTS.apiUncached, PORTS.refPg].map((port) => getPage(port, page)));
      if (a.status === 200 && a.body === b.body) same++;
      else {
        differ++;
        log(`the reference's HTML differs from the portal's for ${page.host}${page.path}`);
      }
    }
  }
  log(`reference HTML identical to the portal's on ${same} of ${same + differ} pages checked`);
  for (const [kind, pages] of Object.entries(kinds)) {
    const before = await load(`reference node:http + pg, ${labels[kind]} (before)`, PORTS.refPg, pages, refPg.child.pid);
    const row = await load(`API ${labels[kind]}, uncached`, PORTS.apiUncached, pages, api.child.pid, api);
    const after = await load(`reference node:http + pg, ${labels[kind]} (after)`, PORTS.refPg, pages, refPg.child.pid);
    refs.push(before, after);
    rows.push({ ...row, ref: (before.rps + after.rps) / 2, refName: 'node:http + pg' });
  }
  api.child.kill('SIGTERM');

  // The in-memory reference's pages: the same HTML, each page of every kind once.
  const bodies = {};
  const missing = await fetchAll(PORTS.refPg, Object.values(kinds).flat(), (page, body) => (bodies[`${page.host} ${page.path}`] = body));
  if (missing.length) throw new Error(`the reference did not give ${missing.length} pages, e.g. ${missing.slice(0, 3).join(', ')}`);
  refPg.child.kill('SIGTERM');
  const dir = mkdtempSync(join(tmpdir(), 'cong-bench-portal-'));
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(bodies));

  // Cached: the API with its response cache, each kind's pages fetched once just before.
  const refMem = startReference('reference-memory.mjs', PORTS.refMemory, { PAGES: join(dir, 'pages.json') });
  api = startApi(PORTS.apiCached, true);
  await Promise.all([refMem.ready, api.ready]);
  idleRss.push(rssOf(api.child.pid));
  for (const [kind, pages] of Object.entries(kinds)) {
    const failed = await fetchAll(PORTS.apiCached, pages);
    if (failed.length) throw new Error(`the portal did not give ${failed.length} pages, e.g. ${failed.slice(0, 3).join(', ')}`);
    const before = await load(`reference in-memory, ${labels[kind]} (before)`, PORTS.refMemory, pages, refMem.child.pid);
    const row = await load(`API ${labels[kind]}, cached`, PORTS.apiCached, pages, api.child.pid, api);
    const after = await load(`reference in-memory, ${labels[kind]} (after)`, PORTS.refMemory, pages, refMem.child.pid);
    refs.push(before, after);
    rows.push({ ...row, ref: (before.rps + after.rps) / 2, refName: 'in-memory' });
  }
  refMem.child.kill('SIGTERM');

  // Lighthouse on the cached API, first province, by its development host (*.localhost is loopback).
  const scores = [];
  if (LIGHTHOUSE) {
    const [first] = await sql(
      OWNER,
      `SELECT t.code, (SELECT c.slug FROM content_item c JOIN sites_site s ON s.id = c.site_id WHERE c.tenant_id = t.id AND s.path = '/' AND c.type = 'news' ORDER BY c.published_at DESC LIMIT 1) AS slug FROM tenancy_tenant t WHERE t.code = 'bench-1'`,
    );
    const origin = `http://${first.code}.localhost:${PORTS.apiCached}`;
    for (const [name, path] of [
      ['home', '/'],
      ['list', '/chuyen-muc/tin-tuc'],
      ['item', `/${first.slug}`],
    ]) {
      // Lighthouse now and then fails to record its trace on a busy machine (NO_NAVSTART): once more.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          scores.push(await lighthouse(`${origin}${path}`, dir, name));
          break;
        } catch (error) {
          log(`lighthouse ${name} failed (attempt ${attempt}): ${error.message}`);
        }
      }
    }
  }
  api.child.kill('SIGTERM');

  console.log(`\n${cpus().length} cores; API RSS when ready, before any page: ${idleRss.join(' MB and ')} MB (uncached, cached).`);
  console.log('\n| scenario | req/s | p50 ms | p99 ms | RSS MB | KB / page | DB queries / request | ratio to reference | load avg |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.rss} | ${r.kb} | ${r.queries.toFixed(2)} | ${(r.rps / r.ref).toFixed(2)}× ${r.refName} | ${r.load} |${r.errors ? ` ${r.errors} errors` : ''}`,
    );
  for (const r of refs)
    console.log(
      `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.rss} | ${r.kb} | — | — | ${r.load} |${r.errors ? ` ${r.errors} errors` : ''}`,
    );
  if (scores.length) {
    console.log('\n| Lighthouse page | performance | accessibility | best practices | SEO | below full marks |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const s of scores)
      console.log(
        `| ${s.name} \`${new URL(s.url).pathname}\` | ${s.scores.performance} | ${s.scores.accessibility} | ${s.scores['best-practices']} | ${s.scores.seo} | ${s.failing.join(', ') || '—'} |`,
      );
  }
  console.log(
    '\nTargets: uncached ≥ 0.80× node:http + pg; cached ≥ 0.80× in-memory; p99 < 20 ms; API RSS < 300 MB; Lighthouse ≥ 95 in each category.',
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    for (const child of started) child.kill('SIGTERM');
    process.exit(1);
  },
);
