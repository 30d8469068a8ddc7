-- What the portal's pages show beyond bench/public-read's seed (run after it, as the owner):
-- sections on every site, the news spread over them, and on each site the other kinds a home page
-- lists (announcements, thematic pages, legal documents, procedures, questions), so the home,
-- section and item pages render full. The provinces keep no rule version: the chrome then uses the
-- platform's defaults (theme, title from the portal site, no publisher block).

-- Four top-level sections on every site (600 sites × 4), and two under the first.
INSERT INTO sites_section (tenant_id, site_id, slug, title, position)
SELECT s.tenant_id, s.id, v.slug, v.title, v.pos
FROM sites_site s JOIN tenancy_tenant t ON t.id = s.tenant_id,
     (VALUES ('tin-tuc', 'Tin tức', 1), ('thong-bao', 'Thông báo', 2), ('chinh-sach', 'Chính sách', 3), ('su-kien', 'Sự kiện', 4)) v(slug, title, pos)
WHERE t.code LIKE 'bench-%';
INSERT INTO sites_section (tenant_id, site_id, parent_id, slug, title, position)
SELECT p.tenant_id, p.site_id, p.id, v.slug, v.title, v.pos
FROM sites_section p JOIN tenancy_tenant t ON t.id = p.tenant_id,
     (VALUES ('trong-tinh', 'Trong tỉnh', 1), ('trong-nuoc', 'Trong nước', 2)) v(slug, title, pos)
WHERE t.code LIKE 'bench-%' AND p.slug = 'tin-tuc';

-- The news of public-read's seed, a quarter in each top-level section (a site's items are every
-- 600th, so it is the item number over 600 that cycles within a site).
UPDATE content_item c SET section_id = sec.id
FROM sites_section sec
WHERE sec.tenant_id = c.tenant_id AND sec.site_id = c.site_id AND sec.parent_id IS NULL
  AND sec.slug = (ARRAY['tin-tuc', 'thong-bao', 'chinh-sach', 'su-kien'])[1 + (substr(c.slug, 8)::int / 600 % 4)]
  AND c.slug LIKE 'tin-so-%';

-- On every site: 6 announcements, 4 thematic pages, 6 legal documents, 6 procedures, 4 questions.
WITH sites AS (
  SELECT s.tenant_id, s.id AS site_id, coalesce(s.unit_id, (SELECT id FROM units_unit u WHERE u.tenant_id = s.tenant_id ORDER BY code LIMIT 1)) AS unit_id,
         (SELECT id FROM sites_section sec WHERE sec.site_id = s.id AND sec.slug = 'thong-bao') AS section_id
  FROM sites_site s JOIN tenancy_tenant t ON t.id = s.tenant_id WHERE t.code LIKE 'bench-%'
), kinds (type, prefix, title, n) AS (
  VALUES ('announcement', 'thong-bao-so-', 'Thông báo số ', 6), ('thematic', 'chuyen-de-so-', 'Chuyên đề ', 4),
         ('legal_document', 'van-ban-so-', 'Quyết định số ', 6), ('procedure', 'thu-tuc-so-', 'Thủ tục hành chính số ', 6),
         ('faq', 'hoi-dap-so-', 'Hỏi đáp số ', 4)
)
INSERT INTO content_item (tenant_id, site_id, unit_id, section_id, type, channel, slug, title, summary, body_html, fields, status, published_at)
SELECT s.tenant_id, s.site_id, s.unit_id, CASE WHEN k.type = 'announcement' THEN s.section_id END, k.type, 'subsite', k.prefix || i,
       k.title || i || ' về giáo dục, y tế và giao thông',
       'Tóm tắt ' || lower(k.title) || i,
       '<p>Nội dung ' || lower(k.title) || i || '.</p><p>Đoạn thứ hai của nội dung, để trang có độ dài thường gặp.</p>',
       CASE k.type
         WHEN 'legal_document' THEN jsonb_build_object('number', i || '/2026/QĐ-UBND', 'documentKind', 'quyet-dinh', 'issuingBody', 'Ủy ban nhân dân tỉnh',
                                                       'issuedOn', to_char(now() - (i || ' days')::interval, 'YYYY-MM-DD'), 'effectiveFrom', to_char(now() - ((i - 10) || ' days')::interval, 'YYYY-MM-DD'))
         WHEN 'procedure' THEN jsonb_build_object('code', '1.00' || i || '.000.00.00.H01', 'field', 'Giáo dục và Đào tạo', 'implementingAgency', 'Sở Giáo dục và Đào tạo')
         ELSE '{}'::jsonb
       END,
       'published', now() - (i || ' hours')::interval
FROM sites s CROSS JOIN kinds k CROSS JOIN LATERAL generate_series(1, k.n) i;

ANALYZE;
