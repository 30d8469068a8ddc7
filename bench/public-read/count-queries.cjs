// Loaded into the API by the benchmark (`node -r`): counts the queries the process sends to
// Postgres, each one round trip (pg's extended protocol sends parse, bind and execute together),
// and tells the count when the benchmark asks over the IPC channel it was started with. The
// benchmark divides a scenario's queries by its requests: row-level security must not multiply them
// on the public path.
const pg = require('pg');

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  queries += 1;
  return query.apply(this, args);
};
process.on('message', (message) => {
  if (message === 'queries?') process.send({ queries });
});
