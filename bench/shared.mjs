// Helpers the benchmarks share.
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
