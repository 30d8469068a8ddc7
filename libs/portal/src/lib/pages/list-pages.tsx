import type { PublicItemSummary, PublicSearchResult } from '@cong/content';
import { LEGAL_KIND_LABELS, LEGAL_STATUS_LABELS, LEGAL_STATUS_PARAMS, TYPE_LABELS } from '../vietnamese';
import { findSection } from './item-page';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import { DocumentTable, ItemList, NumberedPager, ProcedureTable, query } from './parts';

/** A section: its items newest first, a page at a time (the next page after the last item shown). */
export function SectionPage({
  ctx,
  slug,
  items,
  next,
  first,
}: {
  ctx: PageContext;
  slug: string;
  items: PublicItemSummary[];
  next: string | null;
  first: boolean;
}) {
  const { site, links } = ctx;
  const section = findSection(ctx, slug)!;
  const crumbs = section.path.map((s) => ({ title: s.title, href: links.section(site, s.slug) }));
  return (
    <Layout
      ctx={ctx}
      title={section.title}
      canonical={first ? links.canonical(site, `/chuyen-muc/${slug}`) : undefined}
      noindex={!first}
      crumbs={crumbs}
      currentSection={section.path[0].slug}
    >
      <h1>{section.title}</h1>
      {section.children.length ? (
        <nav aria-label={`Các mục của ${section.title}`}>
          <ul>
            {section.children.map((c) => (
              <li key={c.slug}>
                <a href={links.section(site, c.slug)}>{c.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {items.length ? (
        <ItemList ctx={ctx} items={items} headingLevel={2} />
      ) : (
        <p>{first ? 'Chuyên mục này chưa có tin bài.' : 'Không còn tin bài nào.'}</p>
      )}
      {next || !first ? (
        <nav class="pager" aria-label="Phân trang">
          {first ? <span /> : <a href={links.section(site, slug)}>« Về trang đầu</a>}
          {next ? (
            <a href={`${links.section(site, slug)}${query({ sau: next })}`} rel="next">
              Tin cũ hơn ›
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}

export const SEARCH_PAGE_SIZE = 20;

/** Search results with their count, by relevance, a page at a time. */
export function SearchPage({
  ctx,
  q,
  type,
  page,
  result,
}: {
  ctx: PageContext;
  q: string;
  type?: string;
  page: number;
  result?: PublicSearchResult;
}) {
  const { site, links } = ctx;
  const pages = result ? Math.ceil(result.total / SEARCH_PAGE_SIZE) : 0;
  return (
    <Layout ctx={ctx} title={q ? `Tìm kiếm: ${q}` : 'Tìm kiếm'} noindex crumbs={[{ title: 'Tìm kiếm' }]}>
      <h1>Tìm kiếm</h1>
      <form class="filters" action={links.search(site)} method="get" role="search">
        <div class="field">
          <label for="q">Từ khóa</label>
          <input id="q" type="search" name="q" value={q} minLength={2} maxLength={200} required />
        </div>
        <div class="field">
          <label for="loai">Loại tin</label>
          <select id="loai" name="loai">
            <option value="">Tất cả</option>
            {Object.entries(TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value} selected={value === type}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button class="button" type="submit">
            Tìm kiếm
          </button>
        </div>
      </form>
      {result ? (
        <>
          <p role="status">
            {result.total === 0
              ? `Không tìm thấy kết quả nào cho “${q}”.`
              : `Tìm thấy ${result.capped ? 'hơn ' : ''}${result.total.toLocaleString('vi-VN')} kết quả cho “${q}”.`}
          </p>
          <ItemList ctx={ctx} items={result.items} headingLevel={2} />
          <NumberedPager
            page={page}
            pages={pages}
            href={(p) => `${links.search(site)}${query({ q, loai: type, trang: p > 1 ? p : undefined })}`}
          />
        </>
      ) : (
        <p>Nhập từ khóa (có dấu hoặc không dấu) để tìm tin bài, văn bản, thủ tục.</p>
      )}
    </Layout>
  );
}

export interface DocumentFilters {
  so?: string;
  loai?: string;
  'co-quan'?: string;
  'hieu-luc'?: string;
  nam?: number;
}

/** The register of legal documents ("Văn bản pháp luật"): filters, a table, pages. */
export function DocumentsPage({
  ctx,
  filters,
  page,
  result,
}: {
  ctx: PageContext;
  filters: DocumentFilters;
  page: number;
  result: PublicSearchResult;
}) {
  const { site, links } = ctx;
  const pages = Math.ceil(result.total / SEARCH_PAGE_SIZE);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Layout
      ctx={ctx}
      title="Văn bản pháp luật"
      canonical={!filtered && page === 1 ? links.canonical(site, '/van-ban') : undefined}
      noindex={filtered || page > 1}
      crumbs={[{ title: 'Văn bản pháp luật' }]}
      currentSection="van-ban"
    >
      <h1>Văn bản pháp luật</h1>
      <form class="filters" action={links.documents(site)} method="get" aria-label="Lọc văn bản">
        <div class="field">
          <label for="so">Số, ký hiệu</label>
          <input id="so" name="so" value={filters.so ?? ''} maxLength={100} />
        </div>
        <div class="field">
          <label for="loai">Loại văn bản</label>
          <select id="loai" name="loai">
            <option value="">Tất cả</option>
            {Object.entries(LEGAL_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value} selected={value === filters.loai}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="co-quan">Cơ quan ban hành</label>
          <input id="co-quan" name="co-quan" value={filters['co-quan'] ?? ''} maxLength={200} />
        </div>
        <div class="field">
          <label for="hieu-luc">Tình trạng hiệu lực</label>
          <select id="hieu-luc" name="hieu-luc">
            <option value="">Tất cả</option>
            {Object.entries(LEGAL_STATUS_PARAMS).map(([value, status]) => (
              <option key={value} value={value} selected={value === filters['hieu-luc']}>
                {LEGAL_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="nam">Năm ban hành</label>
          <input id="nam" name="nam" inputMode="numeric" pattern="\d{4}" value={filters.nam ?? ''} maxLength={4} />
        </div>
        <div class="actions">
          <button class="button" type="submit">
            Lọc văn bản
          </button>
        </div>
      </form>
      <p role="status">
        {result.total === 0
          ? 'Không có văn bản nào phù hợp.'
          : `Có ${result.capped ? 'hơn ' : ''}${result.total.toLocaleString('vi-VN')} văn bản.`}
      </p>
      {result.items.length ? <DocumentTable ctx={ctx} items={result.items} caption="Danh sách văn bản pháp luật" /> : null}
      <NumberedPager
        page={page}
        pages={pages}
        href={(p) => `${links.documents(site)}${query({ ...filters, trang: p > 1 ? p : undefined })}`}
      />
    </Layout>
  );
}

/** Administrative procedures, by field. */
export function ProceduresPage({
  ctx,
  field,
  page,
  result,
}: {
  ctx: PageContext;
  field?: string;
  page: number;
  result: PublicSearchResult;
}) {
  const { site, links } = ctx;
  const pages = Math.ceil(result.total / SEARCH_PAGE_SIZE);
  return (
    <Layout
      ctx={ctx}
      title="Thủ tục hành chính"
      canonical={!field && page === 1 ? links.canonical(site, '/thu-tuc') : undefined}
      noindex={!!field || page > 1}
      crumbs={[{ title: 'Thủ tục hành chính' }]}
      currentSection="thu-tuc"
    >
      <h1>Thủ tục hành chính</h1>
      <form class="filters" action={links.procedures(site)} method="get" aria-label="Lọc thủ tục">
        <div class="field">
          <label for="linh-vuc">Lĩnh vực</label>
          <input id="linh-vuc" name="linh-vuc" value={field ?? ''} maxLength={200} />
        </div>
        <div class="actions">
          <button class="button" type="submit">
            Lọc thủ tục
          </button>
        </div>
      </form>
      <p role="status">
        {result.total === 0
          ? 'Không có thủ tục nào phù hợp.'
          : `Có ${result.capped ? 'hơn ' : ''}${result.total.toLocaleString('vi-VN')} thủ tục.`}
      </p>
      {result.items.length ? <ProcedureTable ctx={ctx} items={result.items} caption="Danh sách thủ tục hành chính" /> : null}
      <NumberedPager
        page={page}
        pages={pages}
        href={(p) => `${links.procedures(site)}${query({ 'linh-vuc': field, trang: p > 1 ? p : undefined })}`}
      />
    </Layout>
  );
}
