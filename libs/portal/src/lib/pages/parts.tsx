import type { ComponentChildren } from 'preact';
import type { PublicItemSummary, PublicLegalStatus } from '@cong/content';
import type { PublicOnlineService } from '@cong/online-services';
import { formatDay, formatInstant, LEGAL_KIND_LABELS, LEGAL_STATUS_LABELS } from '../vietnamese';
import type { PageContext } from './page-context';

/** Items as a list of headlines: date, unit, summary. */
export function ItemList({
  ctx,
  items,
  lead = false,
  headingLevel = 3,
}: {
  ctx: PageContext;
  items: PublicItemSummary[];
  lead?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="item-list">
      {items.map((item, i) => (
        <li key={item.id} class={lead && i === 0 ? 'first' : undefined}>
          <Heading>
            <a href={ctx.links.item(ctx.links.siteOf(item.siteId), item.slug)}>{item.title}</a>
          </Heading>
          <p class="meta">
            <time dateTime={item.publishedAt}>{formatInstant(item.publishedAt, ctx.chrome.tenant.timezone)}</time>
            {item.unit ? ` · ${ctx.chrome.units.get(item.unit)?.name ?? item.unit}` : ''}
            {item.legalStatus ? (
              <>
                {' '}
                · <LegalStatus status={item.legalStatus} />
              </>
            ) : null}
          </p>
          {item.summary && (lead ? i === 0 : true) ? <p>{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function LegalStatus({ status }: { status: PublicLegalStatus }) {
  return <span class={`status status-${status}`}>{LEGAL_STATUS_LABELS[status]}</span>;
}

type Column = [header: string, cell: (item: PublicItemSummary) => ComponentChildren];

/** A register's items as a table with a header per column; the item's title links to it. */
function ItemTable({ items, caption, columns }: { items: PublicItemSummary[]; caption: string; columns: Column[] }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map(([header]) => (
              <th scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {columns.map(([, cell]) => (
                <td>{cell(item)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const titleLink = (ctx: PageContext) => (item: PublicItemSummary) => (
  <a href={ctx.links.item(ctx.links.siteOf(item.siteId), item.slug)}>{item.title}</a>
);

/** Legal documents as a table: number, kind, issuer, dates, status. */
export function DocumentTable({ ctx, items, caption }: { ctx: PageContext; items: PublicItemSummary[]; caption: string }) {
  return (
    <ItemTable
      items={items}
      caption={caption}
      columns={[
        ['Số, ký hiệu', (d) => d.facts?.number],
        ['Trích yếu', titleLink(ctx)],
        ['Loại văn bản', (d) => LEGAL_KIND_LABELS[d.facts?.documentKind ?? ''] ?? d.facts?.documentKind],
        ['Cơ quan ban hành', (d) => d.facts?.issuingBody],
        ['Ngày ban hành', (d) => formatDay(d.facts?.issuedOn)],
        ['Tình trạng', (d) => (d.legalStatus ? <LegalStatus status={d.legalStatus} /> : null)],
      ]}
    />
  );
}

/** Procedures as a table: code, name, field, agency. */
export function ProcedureTable({ ctx, items, caption }: { ctx: PageContext; items: PublicItemSummary[]; caption: string }) {
  return (
    <ItemTable
      items={items}
      caption={caption}
      columns={[
        ['Mã thủ tục', (p) => p.facts?.code],
        ['Tên thủ tục', titleLink(ctx)],
        ['Lĩnh vực', (p) => p.facts?.field],
        ['Cơ quan thực hiện', (p) => p.facts?.implementingAgency],
      ]}
    />
  );
}

/** Numbered pages: previous and next as links carrying the filters. */
export function NumberedPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Phân trang">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ‹ Trang trước
        </a>
      ) : (
        <span />
      )}
      <span>
        Trang {page} / {pages}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Trang sau ›
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** `?a=1&b=2` from the values given (empty ones left out). */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Online public services (LC-2.1.3) as links out to where citizens use them: the name, how much of
 * the procedure is done online, the National Public Service Portal's code. The link says where it
 * leads (it leaves the portal).
 */
export function OnlineServiceList({ services }: { services: PublicOnlineService[] }) {
  return (
    <ul class="online-services">
      {services.map((s) => (
        <li key={s.url}>
          <a href={s.url} rel="noopener">
            {s.name}
          </a>{' '}
          <span class="meta">
            (dịch vụ công trực tuyến {s.levelLabel.toLowerCase()}
            {s.code ? `, mã ${s.code}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}
