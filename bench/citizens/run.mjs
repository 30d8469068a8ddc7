// `npm run bench:citizens`: does a flood of citizens' writes being refused slow citizens' reads?
// A database of its own with Nghệ An applied; the API started; then the portal's reads (its home
// page and the public list of its items, 10 connections) are loaded alone, then again while 50
// questions a second arrive from one address and are refused by the rate limit (after the first
// ten of each minute, which are refused for their missing proof of work). Prints p50/p99 of the
// reads in both runs and their ratio, and what the writes got. Target (issue 19): the reads' p99
// stays under 20 ms during the flood. Not a test: run by hand, alone on the machine.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, waitFor } from '../shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const OWNER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cong_bench_citizens';
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const WRITES_PER_SECOND = 50;
const PORT = 3911;
const NODE_TS = [process.execPath, '-r', '@swc-node/register'];
const log = (...a) => console.log('[bench]', ...a);

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_TS[0], [...NODE_TS.slice(1), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

const started = [];

async function main() {
  const admin = new URL(OWNER);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(['apps/cli/src/main.ts', 'db', 'migrate'], { DATABASE_URL: OWNER });
  await run(['apps/cli/src/main.ts', 'tenants', 'apply', 'tenants/nghe-an'], { DATABASE_URL: OWNER });
  log('Nghệ An applied');

  const api = spawn(NODE_TS[0], [...NODE_TS.slice(1), 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: OWNER,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: 'cong-bench-citizens',
      NODE_ENV: 'development',
      TRUST_PROXY: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push(api);
  await waitFor(`http://127.0.0.1:${PORT}/health/ready`);

  const reads = [
    { method: 'GET', path: '/', headers: { host: 'nghean.gov.vn' } },
    { method: 'GET', path: '/api/v1/public/sites/portal/items', headers: { 'x-tenant': 'nghe-an' } },
  ];
  let next = 0;
  const readLoad = (duration) =>
    autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: 10,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, ...reads[next++ % reads.length] }) }],
    });
  const question = JSON.stringify({
    name: 'Máy gửi tự động',
    email: 'flood@example.vn',
    title: 'Câu hỏi gửi dồn dập',
    question: 'Một chương trình gửi câu hỏi liên tục để làm nghẽn cổng.',
    consent: true,
  });
  const writeFlood = (duration) =>
    autocannon({
      url: `http://127.0.0.1:${PORT}/api/v1/public/questions`,
      method: 'POST',
      connections: 5,
      overallRate: WRITES_PER_SECOND,
      duration,
      headers: { 'x-tenant': 'nghe-an', 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.200' },
      body: question,
    });

  await readLoad(WARMUP);
  const alone = await readLoad(DURATION);
  log(`reads alone: ${Math.round(alone.requests.average)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`);
  const statuses = {};
  const flood = writeFlood(DURATION + 2);
  flood.on('response', (_client, status) => (statuses[status] = (statuses[status] ?? 0) + 1));
  await new Promise((r) => setTimeout(r, 1000));
  const during = await readLoad(DURATION);
  const writes = await flood;
  log(`reads during the flood: ${Math.round(during.requests.average)} req/s, p50 ${during.latency.p50} ms, p99 ${during.latency.p99} ms`);
  log(`writes: ${Math.round(writes.requests.average)} req/s, statuses ${JSON.stringify(statuses)}, p99 ${writes.latency.p99} ms`);
  api.kill('SIGTERM');

  console.log('\n| run | reads req/s | reads p50 ms | reads p99 ms | writes req/s | write statuses |');
  console.log('|---|---:|---:|---:|---:|---|');
  console.log(`| reads alone | ${Math.round(alone.requests.average)} | ${alone.latency.p50} | ${alone.latency.p99} | — | — |`);
  console.log(
    `| reads while ${WRITES_PER_SECOND} questions/s are refused | ${Math.round(during.requests.average)} | ${during.latency.p50} | ${during.latency.p99} | ${Math.round(writes.requests.average)} | ${Object.entries(
      statuses,
    )
      .map(([s, n]) => `${n}× ${s}`)
      .join(', ')} |`,
  );
  console.log(
    `\nRatio of the reads' p99, during / alone: ${(during.latency.p99 / Math.max(1, alone.latency.p99)).toFixed(2)}. Target: p99 during the flood < 20 ms.`,
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
