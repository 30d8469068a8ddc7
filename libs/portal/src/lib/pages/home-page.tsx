import type { HomeLists } from '@cong/content';
import type { PublicOnlineService } from '@cong/online-services';
import type { ComponentChildren } from 'preact';
import { vietnameseOrder } from '../vietnamese';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import { DocumentTable, ItemList, OnlineServiceList, ProcedureTable } from './parts';

/**
 * A site's home: its newest news and announcements, documents, procedures; a unit's sub-site its
 * online public services (LC-2.1.3); the portal's also lists the sub-sites.
 */
export function HomePage({ ctx, lists, services = [] }: { ctx: PageContext; lists: HomeLists; services?: PublicOnlineService[] }) {
  const { chrome, site, links } = ctx;
  const isPortal = site.key === 'portal';
  const subsites = chrome.sites.filter((s) => s.key !== 'portal').sort((a, b) => vietnameseOrder(a.title, b.title));
  const nothing = Object.values(lists).every((l) => l.length === 0) && services.length === 0;
  // A featured item leads the page; it is not listed again under the news.
  const featured = new Set(lists.featured.map((i) => i.id));
  const news = lists.news.filter((i) => !featured.has(i.id));
  return (
    <Layout ctx={ctx} title={isPortal ? chrome.portalTitle : site.title} canonical={links.canonical(site)} currentSection="">
      <h1 class={isPortal ? 'visually-hidden' : undefined}>{isPortal ? chrome.portalTitle : site.title}</h1>
      {nothing ? <p class="lead">Chưa có tin bài nào được đăng trên {isPortal ? 'cổng' : 'chuyên trang'} này.</p> : null}
      <div class="grid">
        <div>
          <Block id="tin-noi-bat" title="Tin nổi bật" shown={lists.featured.length > 0}>
            <ItemList ctx={ctx} items={lists.featured} lead />
          </Block>
          <Block id="tin-tuc" title="Tin tức" shown={news.length > 0}>
            <ItemList ctx={ctx} items={news} lead={!lists.featured.length} />
          </Block>
          <Block id="chuyen-de" title="Chuyên đề" shown={lists.thematic.length > 0}>
            <ItemList ctx={ctx} items={lists.thematic} />
          </Block>
          <Block id="van-ban-moi" title="Văn bản mới" shown={lists.legalDocuments.length > 0}>
            <DocumentTable ctx={ctx} items={lists.legalDocuments} caption="Văn bản pháp luật mới ban hành" />
            <p>
              <a href={links.documents(site)}>Tra cứu tất cả văn bản</a>
            </p>
          </Block>
          <Block id="thu-tuc-moi" title="Thủ tục hành chính" shown={lists.procedures.length > 0}>
            <ProcedureTable ctx={ctx} items={lists.procedures} caption="Thủ tục hành chính mới cập nhật" />
            <p>
              <a href={links.procedures(site)}>Tra cứu tất cả thủ tục</a>
            </p>
          </Block>
          <Block id="dich-vu-cong" title="Dịch vụ công trực tuyến" shown={services.length > 0}>
            <OnlineServiceList services={services} />
          </Block>
        </div>
        <div>
          <Block id="thong-bao" title="Thông báo" panel shown={lists.announcements.length > 0}>
            <ItemList ctx={ctx} items={lists.announcements} />
          </Block>
          <Block id="hoi-dap" title="Hỏi đáp" panel shown={lists.faq.length > 0}>
            <ItemList ctx={ctx} items={lists.faq} />
          </Block>
          <Block id="tra-cuu" title="Tra cứu" panel shown>
            <ul>
              <li>
                <a href={links.documents(site)}>Văn bản pháp luật</a>
              </li>
              <li>
                <a href={links.procedures(site)}>Thủ tục hành chính</a>
              </li>
              <li>
                <a href={links.units()}>Cơ quan, đơn vị</a>
              </li>
              {isPortal ? null : (
                <li>
                  <a href={links.home(chrome.portal)}>{chrome.portalTitle}</a>
                </li>
              )}
            </ul>
          </Block>
        </div>
      </div>
      <Block id="chuyen-trang" title="Chuyên trang của các cơ quan, đơn vị" shown={isPortal && subsites.length > 0}>
        <ul class="sites">
          {subsites.map((s) => (
            <li key={s.key}>
              <a href={links.home(s)}>{s.title}</a>
            </li>
          ))}
        </ul>
      </Block>
    </Layout>
  );
}

/** A titled part of the home page (a landmark named by its heading), left out when it has nothing to show. */
function Block({
  id,
  title,
  panel,
  shown,
  children,
}: {
  id: string;
  title: string;
  panel?: boolean;
  shown: boolean;
  children: ComponentChildren;
}) {
  if (!shown) return null;
  return (
    <section class={panel ? 'panel' : undefined} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
