import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import IORedis from 'ioredis';

/** How long a starting redis-server may take to answer PING before the test gives up. */
const START_TIMEOUT_MS = 10_000;

/**
 * A private redis-server for one spec file, on a free loopback port, with no persistence: killing
 * it (SIGKILL) and starting another on the same port is "Redis restarted and lost everything", as
 * a Redis without RDB/AOF or a failover to an empty replica does — without touching the shared one.
 */
export class RedisServer {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.spawn();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills the server at once (no shutdown, no save) and waits until it has exited. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** A new, empty server on the same port. */
  async restartEmpty(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  stop(): Promise<void> {
    return this.kill();
  }

  private async spawn(): Promise<void> {
    const child = spawn(
      redisServerProgram(),
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // redis-server logs to stdout; the tail says why one would not start (port taken, bad option).
    let spawnError: Error | undefined;
    child.once('error', (error) => {
      spawnError = new Error(
        `cannot start ${redisServerProgram()} (${error.message}): the resilience tests run a private Redis; install redis-server (apt-get install redis-server) or set REDIS_SERVER_BIN`,
      );
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    this.process = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output.trim()}`);
      if (await answers(this.url)) return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer within ${START_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** REDIS_SERVER_BIN, else `redis-server` from PATH (the one `npm run check` starts when no Redis answers). */
function redisServerProgram(): string {
  return process.env.REDIS_SERVER_BIN || 'redis-server';
}

async function answers(url: string): Promise<boolean> {
  const probe = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A port nothing listens on right now (the kernel's choice, released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
