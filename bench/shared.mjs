// Helpers the benchmarks share.
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** One statement on a connection of its own. */
export async function sql(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The queries a server started with count-queries.cjs has sent to Postgres so far (over IPC). */
export function queriesOf(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not report its query count')), 5000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m.queries);
    });
    child.send('queries?');
  });
}

/** A process's resident memory, in MB. */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Until `url` answers 2xx (a server starting), for at most `seconds`. */
export async function waitFor(url, seconds = 90) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}
