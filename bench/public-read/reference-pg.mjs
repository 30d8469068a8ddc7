// Reference: a minimal node:http + pg server running the same list query, one round trip a request.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The API's list query (libs/content/src/lib/public/public-reader.service.ts), parameters fixed.
const LIST = `SELECT c.id, c.slug, c.type, c.title, c.summary, c.published_at, c.fields, sec.slug AS section, u.code AS unit FROM content_item c
  LEFT JOIN sites_section sec ON sec.tenant_id = c.tenant_id AND sec.id = c.section_id
  LEFT JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
  WHERE c.tenant_id = $1 AND c.site_id = (SELECT id FROM sites_site WHERE tenant_id = $1 AND path = $2) AND c.status = 'published'
  ORDER BY c.published_at DESC, c.id DESC LIMIT 20`;

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  try {
    const { rows } = await pool.query({ name: 'list', text: LIST, values: [url.searchParams.get('tenant'), url.searchParams.get('path')] });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows }));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
