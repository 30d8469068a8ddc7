// Reference: a minimal node:http server answering from a precomputed in-memory map.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const answers = new Map(Object.entries(JSON.parse(readFileSync(process.env.ANSWERS, 'utf8'))));
createServer((req, res) => {
  const body = answers.get(req.url);
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
