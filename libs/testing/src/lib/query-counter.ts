import { Client } from 'pg';

/**
 * Counts the statements this process sends to PostgreSQL while `run` runs (every pg client: the
 * API's pools and the public reader's alike; one call of `Client.query` is one round trip). A spec
 * asks how many of them name a table, to hold a read to one query whatever the page size.
 */
export async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    statements.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    return { result: await run(), statements };
  } finally {
    Client.prototype.query = original;
  }
}

/** The statements that read or write `table` (by name, as SQL spells it). */
export const naming = (statements: string[], table: string) => statements.filter((s) => new RegExp(`\\b"?${table}"?\\b`).test(s));
