import type { HomeLists } from '@cong/content';
import { vietnameseOrder } from '../vietnamese';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import { DocumentTable, ItemList, ProcedureTable } from './parts';

/** A site's home: its newest news and announcements, documents, procedures; the portal's also lists the sub-sites. */
export function HomePage({ ctx, lists }: { ctx: PageContext; lists: HomeLists }) {
  const { chrome, site, links } = ctx;
  const isPortal = site.key === 'portal';
  const subsites = chrome.sites.filter((s) => s.key !== 'portal').sort((a, b) => vietnameseOrder(a.title, b.title));
  const nothing = Object.values(lists).every((l) => l.length === 0);
  // A featured item leads the page; it is not listed again under the news.
  const featured = new Set(lists.featured.map((i) => i.id));
  const news = lists.news.filter((i) => !featured.has(i.id));
  return (
    <Layout ctx={ctx} title={isPortal ? chrome.portalTitle : site.title} canonical={links.canonical(site)} currentSection="">
      <h1 class={isPortal ? 'visually-hidden' : undefined}>{isPortal ? chrome.portalTitle : site.title}</h1>
      {nothing ? <p class="lead">Chưa có tin bài nào được đăng trên {isPortal ? 'cổng' : 'chuyên trang'} này.</p> : null}
      <div class="grid">
        <div>
          {lists.featured.length ? (
            <section aria-labelledby="tin-noi-bat">
              <h2 id="tin-noi-bat">Tin nổi bật</h2>
              <ItemList ctx={ctx} items={lists.featured} lead />
            </section>
          ) : null}
          {news.length ? (
            <section aria-labelledby="tin-tuc">
              <h2 id="tin-tuc">Tin tức</h2>
              <ItemList ctx={ctx} items={news} lead={!lists.featured.length} />
            </section>
          ) : null}
          {lists.thematic.length ? (
            <section aria-labelledby="chuyen-de">
              <h2 id="chuyen-de">Chuyên đề</h2>
              <ItemList ctx={ctx} items={lists.thematic} />
            </section>
          ) : null}
          {lists.legalDocuments.length ? (
            <section aria-labelledby="van-ban-moi">
              <h2 id="van-ban-moi">Văn bản mới</h2>
              <DocumentTable ctx={ctx} items={lists.legalDocuments} caption="Văn bản pháp luật mới ban hành" />
              <p><a href={links.documents(site)}>Tra cứu tất cả văn bản</a></p>
            </section>
          ) : null}
          {lists.procedures.length ? (
            <section aria-labelledby="thu-tuc-moi">
              <h2 id="thu-tuc-moi">Thủ tục hành chính</h2>
              <ProcedureTable ctx={ctx} items={lists.procedures} caption="Thủ tục hành chính mới cập nhật" />
              <p><a href={links.procedures(site)}>Tra cứu tất cả thủ tục</a></p>
            </section>
          ) : null}
        </div>
        <div>
          {lists.announcements.length ? (
            <section class="panel" aria-labelledby="thong-bao">
              <h2 id="thong-bao">Thông báo</h2>
              <ItemList ctx={ctx} items={lists.announcements} />
            </section>
          ) : null}
          {lists.faq.length ? (
            <section class="panel" aria-labelledby="hoi-dap">
              <h2 id="hoi-dap">Hỏi đáp</h2>
              <ItemList ctx={ctx} items={lists.faq} />
            </section>
          ) : null}
          <section class="panel" aria-labelledby="tra-cuu">
            <h2 id="tra-cuu">Tra cứu</h2>
            <ul>
              <li><a href={links.documents(site)}>Văn bản pháp luật</a></li>
              <li><a href={links.procedures(site)}>Thủ tục hành chính</a></li>
              <li><a href={links.units()}>Cơ quan, đơn vị</a></li>
              {isPortal ? null : <li><a href={links.home(chrome.portal)}>{chrome.portalTitle}</a></li>}
            </ul>
          </section>
        </div>
      </div>
      {isPortal && subsites.length ? (
        <section aria-labelledby="chuyen-trang">
          <h2 id="chuyen-trang">Chuyên trang của các cơ quan, đơn vị</h2>
          <ul class="sites">
            {subsites.map((s) => <li key={s.key}><a href={links.home(s)}>{s.title}</a></li>)}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
