// Jest neither maps tsconfig paths in globalSetup nor lets another TS loader in, so the template
// database is prepared in a child process that runs the way the apps do (@swc-node/register).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  // Names this run's seeded templates (libs/testing/src/lib/seeded-templates.ts): its process id
  // first, so that the next run drops them once this one is over, and a token against a reused id.
  process.env.CONG_TEST_RUN = `${process.pid}_${require('node:crypto').randomBytes(3).toString('hex')}`;
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'src/global-setup.ts')], {
    stdio: 'inherit',
    cwd: join(__dirname, '../..'),
    env: process.env,
  });
};
