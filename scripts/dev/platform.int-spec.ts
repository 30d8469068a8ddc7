import { TestDatabase } from '@cong/testing';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

/**
 * `npm run platform` as a newcomer runs it (issue 13: the first hour): on free ports, with its
 * own Redis, against a database of its own. The summary comes last and the logs are readable; the
 * CLI in a second shell finds the services; and every way of stopping npm stops everything.
 */
const root = join(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function eventually(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

class PlatformRun {
  output = '';
  private constructor(readonly npm: ChildProcess) {
    npm.stdout?.on('data', (c) => (this.output += c));
    npm.stderr?.on('data', (c) => (this.output += c));
  }

  static start(env: NodeJS.ProcessEnv): PlatformRun {
    // Its own process group, so that a failed test can still end everything it started.
    return new PlatformRun(spawn('npm', ['run', 'platform'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  async ready(): Promise<boolean> {
    return eventually(async () => /Press Ctrl-C to stop/.test(this.output) || this.npm.exitCode !== null, 150).then(() =>
      /Press Ctrl-C to stop/.test(this.output),
    );
  }

  exited(): Promise<number | null> {
    if (this.npm.exitCode !== null || this.npm.signalCode !== null) return Promise.resolve(this.npm.exitCode);
    return new Promise((resolve) => this.npm.once('exit', (code) => resolve(code)));
  }

  /** Leaves nothing behind, whatever the test did. */
  kill(): void {
    try {
      process.kill(-this.npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

describe('npm run platform (issue 13)', () => {
  jest.setTimeout(240_000);
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let apiPort: number;
  let redisPort: number;

  beforeAll(async () => {
    database = TestDatabase.reserveName();
    apiPort = await freePort();
    redisPort = await freePort();
    env = { ...process.env, DATABASE_URL: database.ownerUrl, REDIS_URL: `redis://127.0.0.1:${redisPort}`, PORT: String(apiPort) };
    delete env.LOG_FORMAT;
  });
  afterAll(() => database.drop());

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'starts with the summary last and readable logs, the CLI finds its services, and %s to npm stops everything it started',
    async (signal) => {
      const run = PlatformRun.start(env);
      try {
        expect(await run.ready()).toBe(true);
        expect(await listening(apiPort)).toBe(true);
        expect(await listening(redisPort)).toBe(true);
        // Readable: no raw JSON log lines, none of Nest's route-by-route chatter, the summary last.
        const lines = run.output.trimEnd().split('\n');
        expect(lines.filter((l) => l.startsWith('{"level"'))).toEqual([]);
        expect(run.output).not.toMatch(/Mapped \{/);
        // The summary comes once both processes have started (what the worker's first jobs log later may follow).
        const summary = lines.indexOf('[cong] The platform is running:');
        expect(summary).toBeGreaterThan(lines.findIndex((l) => l.includes('cong-worker started')));
        expect(summary).toBeGreaterThan(lines.findIndex((l) => l.includes('Nest application successfully started')));
        expect(lines.slice(summary).find((l) => l.startsWith('[cong] Press'))).toBe('[cong] Press Ctrl-C to stop.');
        expect(run.output).toContain(`[cong]   Start here  http://127.0.0.1:${apiPort}/`);
        expect(run.output).toContain(`[cong]   Portals     http://lao-cai.localhost:${apiPort}/`);
        expect(run.output).toContain('npm run cong -- accounts create-admin');
        // The printed portal address answers as the browser would ask it (Host: lao-cai.localhost).
        const portal = await new Promise<{ status?: number; body: string }>((resolve, reject) =>
          get({ host: '127.0.0.1', port: apiPort, path: '/', headers: { host: `lao-cai.localhost:${apiPort}` } }, (res) => {
            let body = '';
            res
              .setEncoding('utf8')
              .on('data', (c: string) => (body += c))
              .on('end', () => resolve({ status: res.statusCode, body }));
          }).on('error', reject),
        );
        expect(portal.status).toBe(200);
        expect(portal.body).toContain('<title>Cổng giao tiếp điện tử Lào Cai</title>');

        const cli = spawnSync('npm', ['run', '--silent', 'cong', '--', 'tenants', 'list'], { cwd: root, env, encoding: 'utf8' });
        expect(cli.stderr).toBe('');
        expect(cli.status).toBe(0);
        expect(cli.stdout).toMatch(/^lao-cai\t/m);
        expect(cli.stdout).toMatch(/^nghe-an\t/m);

        process.kill(run.npm.pid!, signal);
        await run.exited();
        expect(await eventually(async () => !(await listening(apiPort)) && !(await listening(redisPort)), 30)).toBe(true);
        expect(run.output).toContain('[cong] Stopped.');
      } finally {
        run.kill();
      }
    },
  );
});
