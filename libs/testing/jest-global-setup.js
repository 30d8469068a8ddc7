// Jest neither maps tsconfig paths in globalSetup nor lets another TS loader in, so the template
// database is prepared in a child process that runs the way the apps do (@swc-node/register).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'src/global-setup.ts')], {
    stdio: 'inherit',
    cwd: join(__dirname, '../..'),
    env: process.env,
  });
};
