// Reference for cached pages: a minimal node:http server answering each page (by Host and path)
// from a precomputed in-memory map of the same HTML the portal gives.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const pages = new Map(Object.entries(JSON.parse(readFileSync(process.env.PAGES, 'utf8'))));
createServer((req, res) => {
  const body = pages.get(`${req.headers.host} ${req.url}`);
  if (body === undefined) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
