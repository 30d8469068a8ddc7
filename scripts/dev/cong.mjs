// `npm run cong -- <args>`: the `cong` CLI beside `npm run platform`. It finds the PostgreSQL the
// platform uses the way the platform does (the server at DATABASE_URL, or the embedded one with
// the passwords generated in .data/local-secrets.json), so no variable has to be copied by hand.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_TS } from './run.mjs';
import { runningServicesEnv } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, ...(await runningServicesEnv(root)) };
const child = spawn(NODE_TS[0], [...NODE_TS.slice(1), join(root, 'apps/cli/src/main.ts'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
