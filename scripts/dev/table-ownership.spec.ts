import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Issue 15, point 2: each table has one owning library; others go through that library's exported
 * service or a read model it publishes. The module-boundary lint sees imports, not SQL, so this
 * reads the SQL: a library's code (specs, tests and migrations aside) that reads or writes a table
 * by name (`FROM`, `JOIN`, `UPDATE`, `INTO` it) must own it.
 *
 * KNOWN_CROSSINGS are the places that still do, each with why; the test fails on any other, and on
 * a listed one that is gone (remove it from the list), so the list can only shrink.
 */
const ROOT = join(__dirname, '../..');
const MIGRATIONS = join(ROOT, 'libs/platform/database/src/migrations');

/** Table → the library that owns it (its entity, its migrations' subject, its queries). */
const OWNERS: Record<string, string> = {
  accounts_membership: 'accounts',
  accounts_recovery_code: 'accounts',
  accounts_session: 'accounts',
  accounts_sign_in_challenge: 'accounts',
  accounts_user: 'accounts',
  accounts_user_token: 'accounts',
  audit_chain_head: 'platform/audit',
  citizens_consultation: 'citizens',
  citizens_consultation_comment: 'citizens',
  citizens_poll: 'citizens',
  citizens_poll_option: 'citizens',
  citizens_poll_vote: 'citizens',
  citizens_question: 'citizens',
  citizens_question_event: 'citizens',
  audit_entry: 'platform/audit',
  compliance_period_snapshot: 'compliance',
  compliance_reminder: 'compliance',
  compliance_report_delivery: 'compliance',
  compliance_royalty_entitlement: 'compliance',
  compliance_volume_statement: 'compliance',
  content_item: 'content',
  content_public_gone: 'content',
  content_public_media: 'content',
  content_public_search: 'content',
  content_revision: 'content',
  content_slug_redirect: 'content',
  media_asset: 'content',
  notifications_notification: 'notifications',
  online_services_request: 'online-services',
  online_services_request_event: 'online-services',
  online_services_service: 'online-services',
  platform_operator_access: 'platform/database',
  rules_rule_version: 'rules',
  sites_section: 'sites',
  sites_site: 'sites',
  tenancy_tenant: 'tenancy',
  tenancy_tenant_domain: 'tenancy',
  units_unit: 'units',
  workflow_transition: 'workflow',
};

/** `file: table` → why it still crosses. */
const KNOWN_CROSSINGS: Record<string, string> = {
  // By design: a citizen's read is one statement (bench/public-read); read-only joins under the public reader's row policies.
  'libs/content/src/lib/public/public-reader.service.ts: sites_site': 'one-statement public read',
  'libs/content/src/lib/public/public-reader.service.ts: sites_section': 'one-statement public read',
  'libs/content/src/lib/public/public-reader.service.ts: units_unit': 'one-statement public read',
  // To move (issue 15.2): compliance should read facts content publishes, and people through accounts.
  'libs/compliance/src/lib/progress/compliance-facts.ts: content_item': 'to move: published-item facts from content',
  'libs/compliance/src/lib/progress/compliance-facts.ts: units_unit': 'to move: the unit tree from units',
  'libs/compliance/src/lib/royalties/royalty-statements.ts: content_item': 'to move: published-item facts from content',
  'libs/compliance/src/lib/royalties/royalty-statements.ts: units_unit': 'to move: unit names from units',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' || name === 'migrations' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The library a file is of: `content`, `platform/audit`. */
const libraryOf = (file: string) => {
  const [, first, second] = relative(ROOT, file).split('/');
  return first === 'platform' ? `platform/${second}` : first;
};

/** Code without its comments (a comment may name any table). */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function crossings(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(join(ROOT, 'libs')).filter((f) => !f.includes('/libs/testing/'))) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const [table, owner] of Object.entries(OWNERS)) {
      if (libraryOf(file) === owner) continue;
      if (new RegExp(`\\b(FROM|JOIN|UPDATE|INTO|TABLE)\\s+"?${table}"?\\b`, 'i').test(code))
        found.push(`${relative(ROOT, file)}: ${table}`);
    }
  }
  return found.sort();
}

describe('table ownership in SQL (issue 15.2)', () => {
  it('every table the migrations create has an owning library', () => {
    const created = readdirSync(MIGRATIONS).flatMap((f) =>
      [...readFileSync(join(MIGRATIONS, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map((m) => m[1]),
    );
    expect([...new Set(created)].filter((t) => !OWNERS[t])).toEqual([]);
  });

  it("no library's SQL reads or writes a table of another, beyond the known crossings", () => {
    const found = crossings();
    expect(found.filter((c) => !KNOWN_CROSSINGS[c])).toEqual([]);
    // A crossing removed from the code leaves the list too.
    expect(Object.keys(KNOWN_CROSSINGS).filter((c) => !found.includes(c))).toEqual([]);
  });
});
