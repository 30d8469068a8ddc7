-- 30 provinces × 20 sites (a portal and 19 sub-sites), 200,000 published items, spread evenly.
-- Run as the database owner on an empty, migrated database.
INSERT INTO tenancy_tenant (code, name, timezone)
SELECT 'bench-' || t, 'Tỉnh Thử tải ' || t, 'Asia/Ho_Chi_Minh' FROM generate_series(1, 30) t;

INSERT INTO tenancy_tenant_domain (tenant_id, domain, is_primary)
SELECT id, code || '.bench.vn', true FROM tenancy_tenant WHERE code LIKE 'bench-%';

INSERT INTO units_unit (tenant_id, code, name, kind)
SELECT t.id, 'don-vi-' || u, 'Đơn vị ' || u, 'department' FROM tenancy_tenant t, generate_series(1, 19) u WHERE t.code LIKE 'bench-%';

INSERT INTO sites_site (tenant_id, kind, unit_id, path, title)
SELECT t.id, 'portal', NULL, '/', 'Cổng ' || t.name FROM tenancy_tenant t WHERE t.code LIKE 'bench-%';
INSERT INTO sites_site (tenant_id, kind, unit_id, path, title)
SELECT u.tenant_id, 'subsite', u.id, '/' || u.code, u.name FROM units_unit u JOIN tenancy_tenant t ON t.id = u.tenant_id WHERE t.code LIKE 'bench-%';

-- Each item: a site (round robin), a title with one of ten Vietnamese topics, published over the
-- last year. The topic changes every 600 items, so each site has every topic (about 33 items of
-- each) and each topic is a tenth of a province: an earlier version gave every site a single topic,
-- so nine searches in ten found nothing and measured the typo fallback instead of search.
WITH sites AS (
  SELECT s.tenant_id, s.id AS site_id, coalesce(s.unit_id, (SELECT id FROM units_unit u WHERE u.tenant_id = s.tenant_id ORDER BY code LIMIT 1)) AS unit_id,
         row_number() OVER (ORDER BY s.tenant_id, s.path) - 1 AS n
  FROM sites_site s JOIN tenancy_tenant t ON t.id = s.tenant_id WHERE t.code LIKE 'bench-%'
), words AS (SELECT ARRAY['Nghệ An', 'Lào Cai', 'hội nghị', 'đầu tư', 'nông thôn mới', 'giáo dục', 'y tế', 'giao thông', 'du lịch', 'thủ tục'] AS w)
INSERT INTO content_item (tenant_id, site_id, unit_id, type, channel, slug, title, summary, body_html, status, published_at)
SELECT s.tenant_id, s.site_id, s.unit_id, 'news', 'subsite', 'tin-so-' || i,
       'Tin số ' || i || ' về ' || (SELECT w[1 + (i / 600) % 10] FROM words),
       'Tóm tắt tin ' || i, '<p>Nội dung tin ' || i || '</p>', 'published',
       now() - (i || ' minutes')::interval
FROM generate_series(1, 200000) i JOIN sites s ON s.n = i % (SELECT count(*) FROM sites);

ANALYZE;
