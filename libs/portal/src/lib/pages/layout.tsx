import type { ComponentChildren } from 'preact';
import type { Crumb, PageContext } from './page-context';

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site's name follows it in the window title. */
  title: string;
  description?: string;
  /** The canonical address (absolute); left out for pages that should not be indexed. */
  canonical?: string;
  crumbs?: Crumb[];
  /** Which top-level section the page belongs to (marked in the navigation). */
  currentSection?: string;
  noindex?: boolean;
  /** Scripts of our origin the page loads (as modules: deferred, run in order); most pages have none. */
  scripts?: string[];
  styles?: string[];
  children: ComponentChildren;
}

/** The frame of every page: skip link, header with search, the site's navigation, footer. */
export function Layout({ ctx, title, description, canonical, crumbs, currentSection, noindex, scripts, styles, children }: LayoutProps) {
  const { chrome, site, links } = ctx;
  const isSubsite = site.key !== 'portal';
  const siteName = isSubsite ? `${site.title} — ${chrome.portalTitle}` : chrome.portalTitle;
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === site.title || title === chrome.portalTitle ? siteName : `${title} — ${siteName}`}</title>
        <meta name="description" content={description ?? `${siteName}: tin tức, văn bản pháp luật, thủ tục hành chính.`} />
        {noindex || ctx.preview ? <meta name="robots" content="noindex" /> : null}
        {/* A preview sits in the console's frame: its links open the live portal in a new tab. */}
        {ctx.preview ? <base target="_blank" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="icon" href={ctx.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.stylesheet} />
        {styles?.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {scripts?.map((src) => (
          <script key={src} type="module" src={src} />
        ))}
        <style dangerouslySetInnerHTML={{ __html: chrome.themeStyle }} />
        <link rel="alternate" type="application/rss+xml" title={`RSS — ${site.title}`} href={links.feed(site, 'rss')} />
        <link rel="alternate" type="application/atom+xml" title={`Atom — ${site.title}`} href={links.feed(site, 'atom')} />
      </head>
      <body>
        <a class="skip-link" href="#noi-dung" target="_self">
          Bỏ qua, đến nội dung chính
        </a>
        {ctx.preview ? (
          <p class="preview-banner" role="note">
            Bản xem trước, chưa công bố: người dân chưa thấy trang này.
          </p>
        ) : null}
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href={links.home(site)}>
              <img src={chrome.logo ?? ctx.icon} alt="" width={48} height={48} />
              <span>
                {isSubsite ? site.title : chrome.portalTitle}
                {isSubsite ? <small>{chrome.portalTitle}</small> : null}
              </span>
            </a>
            <form class="search-form" role="search" action={links.search(site)} method="get">
              <label class="visually-hidden" for="tim-kiem-dau-trang">
                Tìm kiếm trên {isSubsite ? 'chuyên trang' : 'cổng'}
              </label>
              <input
                id="tim-kiem-dau-trang"
                type="search"
                name="q"
                minLength={2}
                maxLength={200}
                placeholder="Tìm kiếm…"
                autoComplete="off"
              />
              <button type="submit">Tìm</button>
            </form>
          </div>
        </header>
        <nav class="site-nav" aria-label="Điều hướng chính">
          <ul class="wrap">
            <li>
              <a href={links.home(site)} aria-current={currentSection === '' ? 'page' : undefined}>
                Trang chủ
              </a>
            </li>
            {ctx.sections.map((s) => (
              <li key={s.slug}>
                <a href={links.section(site, s.slug)} aria-current={currentSection === s.slug ? 'page' : undefined}>
                  {s.title}
                </a>
              </li>
            ))}
            <li>
              <a href={links.documents(site)} aria-current={currentSection === 'van-ban' ? 'page' : undefined}>
                Văn bản
              </a>
            </li>
            <li>
              <a href={links.procedures(site)} aria-current={currentSection === 'thu-tuc' ? 'page' : undefined}>
                Thủ tục
              </a>
            </li>
            <li>
              <a href={links.questions(site)} aria-current={currentSection === 'hoi-dap' ? 'page' : undefined}>
                Hỏi đáp
              </a>
            </li>
            <li>
              <a href={links.polls(site)} aria-current={currentSection === 'binh-chon' ? 'page' : undefined}>
                Thăm dò ý kiến
              </a>
            </li>
            <li>
              <a href={links.consultations(site)} aria-current={currentSection === 'gop-y-du-thao' ? 'page' : undefined}>
                Góp ý dự thảo
              </a>
            </li>
            {isSubsite ? null : (
              <li>
                <a href={links.units()} aria-current={currentSection === 'co-quan' ? 'page' : undefined}>
                  Cơ quan, đơn vị
                </a>
              </li>
            )}
          </ul>
        </nav>
        <div class="wrap">
          {crumbs && crumbs.length ? (
            <nav class="breadcrumbs" aria-label="Đường dẫn">
              <ol>
                <li>
                  <a href={links.home(site)}>Trang chủ</a>
                </li>
                {crumbs.map((c, i) =>
                  i === crumbs.length - 1 || !c.href ? (
                    <li aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.title}</li>
                  ) : (
                    <li>
                      <a href={c.href}>{c.title}</a>
                    </li>
                  ),
                )}
              </ol>
            </nav>
          ) : null}
          <main id="noi-dung" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const { chrome, site, links } = ctx;
  const p = chrome.publisher;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <div>
          <p>
            <strong>{chrome.portalTitle}</strong>
          </p>
          {p ? (
            <>
              <p>Cơ quan chủ quản: {p.agency}</p>
              {p.operator ? <p>Cơ quan quản lý, vận hành: {p.operator}</p> : null}
              {p.responsible ? <p>Chịu trách nhiệm chính: {p.responsible}</p> : null}
              {p.licence ? <p>{p.licence}</p> : null}
              <p>Địa chỉ: {p.address}</p>
              {p.phone ? (
                <p>
                  Điện thoại: <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
                </p>
              ) : null}
              {p.email ? (
                <p>
                  Thư điện tử: <a href={`mailto:${p.email}`}>{p.email}</a>
                </p>
              ) : null}
            </>
          ) : (
            <p>{chrome.tenant.name}</p>
          )}
        </div>
        <nav aria-label="Liên kết cuối trang">
          <ul>
            <li>
              <a href={links.units()}>Cơ quan, đơn vị</a>
            </li>
            <li>
              <a href={links.documents(site)}>Văn bản pháp luật</a>
            </li>
            <li>
              <a href={links.procedures(site)}>Thủ tục hành chính</a>
            </li>
            <li>
              <a href={links.feed(site, 'rss')}>Tin mới (RSS)</a>
            </li>
            <li>
              <a href={links.feed(site, 'atom')}>Tin mới (Atom)</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
