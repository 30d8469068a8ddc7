// `npm run bench:compliance-year`: a province of 500 units with 200,000 items published over a year
// (weekly quotas, Monday/Wednesday/Friday schedules, daily press schedules, legal-document
// deadlines), then one evaluation of the whole year: time and peak memory. Target: under 5 s.
// Seeds a database of its own (BENCH_COMPLIANCE_DATABASE_URL). Not a test: run by hand.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from '../shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const OWNER = process.env.BENCH_COMPLIANCE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cong_bench_compliance';
const NODE_TS = [process.execPath, '-r', '@swc-node/register'];
const UNITS = 500;
const ITEMS = 200_000;
const YEAR = 2026;
const log = (...a) => console.log('[bench]', ...a);

function run(args, env, capture = false) {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(NODE_TS[0], [...NODE_TS.slice(1), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: OWNER, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'ignore', 'inherit'],
    });
    child.stdout?.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** The Nghệ An seed with 500 units, a Monday/Wednesday/Friday schedule and a daily one for press units. */
function provinceFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'cong-bench-'));
  const folder = join(dir, 'tinh-thu-tai');
  cpSync(join(root, 'tenants/nghe-an'), folder, { recursive: true });
  let tenant = readFileSync(join(folder, 'tenant.yaml'), 'utf8')
    .replace(/^code: .*$/m, 'code: tinh-thu-tai')
    .replace(/^name: .*$/m, 'name: Tỉnh Thử tải')
    .replace(/domains: \[.*\]/, 'domains: [thu-tai.bench.vn]');
  tenant += `
schedules:
  - id: update-days
    requirement: LC-2.3a
    weekdays: [MON, WED, FRI]
    minItemsPerDay: 1
    appliesTo: { unitKinds: [department, district] }
  - id: daily-news
    requirement: LC-2.3b
    everyDay: true
    minItemsPerDay: 1
    contentTypes: [news]
    appliesTo: { unitKinds: [press] }
`;
  writeFileSync(join(folder, 'tenant.yaml'), tenant);
  const units = ['units:', '  - { code: ubnd-tinh, name: UBND tỉnh Thử tải, kind: province }'];
  for (let i = 1; i < UNITS; i++) {
    const kind = i % 50 === 0 ? 'press' : i % 3 === 0 ? 'district' : 'department';
    units.push(`  - { code: don-vi-${i}, name: Đơn vị ${i}, kind: ${kind}, parent: ubnd-tinh }`);
  }
  writeFileSync(join(folder, 'units.yaml'), units.join('\n') + '\n');
  return folder;
}

async function main() {
  const admin = new URL(OWNER);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(['apps/cli/src/main.ts', 'db', 'migrate']);
  await run(['apps/cli/src/main.ts', 'tenants', 'apply', provinceFolder(), '--effective-from', `${YEAR - 1}-01-01`]);
  const [{ id: tenantId }] = await sql(OWNER, `SELECT id FROM tenancy_tenant WHERE code = 'tinh-thu-tai'`);
  const started = Date.now();
  // Every unit's sub-site; items spread over the year's days and the units, a tenth of them legal documents.
  await sql(
    OWNER,
    `
    INSERT INTO content_item (tenant_id, site_id, unit_id, type, channel, slug, title, fields, status, published_at)
    SELECT u.tenant_id, s.id, u.id,
           CASE WHEN i % 10 = 0 THEN 'legal_document' ELSE 'news' END, 'subsite', 'tin-' || i, 'Tin số ' || i,
           CASE WHEN i % 10 = 0 THEN jsonb_build_object('effectiveFrom', to_char(d - ((i % 5) || ' days')::interval, 'YYYY-MM-DD')) ELSE '{}'::jsonb END,
           'published', d
    FROM generate_series(1, ${ITEMS}) i
    JOIN LATERAL (SELECT timestamptz '${YEAR}-01-01 01:00+07' + ((i * 7919) % 364 || ' days')::interval + ((i % 10) || ' hours')::interval AS d) t ON true
    JOIN units_unit u ON u.tenant_id = $1 AND u.code = CASE WHEN i % ${UNITS} = 0 THEN 'ubnd-tinh' ELSE 'don-vi-' || (i % ${UNITS}) END
    JOIN sites_site s ON s.tenant_id = u.tenant_id AND s.unit_id = u.id`,
    [tenantId],
  );
  await sql(OWNER, 'ANALYZE');
  log(`seeded ${UNITS} units and ${ITEMS.toLocaleString('en')} items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = JSON.parse(
    await run(['bench/compliance-year/evaluate.ts'], { BENCH_TENANT_ID: tenantId, BENCH_YEAR: String(YEAR), LOG_LEVEL: 'silent' }, true),
  );
  console.log(`\n| evaluation | time | peak RSS | results |\n|---|---:|---:|---|`);
  console.log(
    `| one year, ${UNITS} units, ${ITEMS.toLocaleString('en')} items | ${(result.ms / 1000).toFixed(2)} s | ${result.peakRssMb} MB | ${result.quotas} quota periods × units, ${result.schedules} schedule results, ${result.deadlines} deadlines |`,
  );
  console.log(`\nTarget: under 5 s for the whole year.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
