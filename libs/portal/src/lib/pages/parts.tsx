import type { PublicItemSummary, PublicLegalStatus } from '@cong/content';
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

/** Legal documents as a table: number, kind, issuer, dates, status. */
export function DocumentTable({ ctx, items, caption }: { ctx: PageContext; items: PublicItemSummary[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Số, ký hiệu</th>
            <th scope="col">Trích yếu</th>
            <th scope="col">Loại văn bản</th>
            <th scope="col">Cơ quan ban hành</th>
            <th scope="col">Ngày ban hành</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>{d.facts?.number}</td>
              <td>
                <a href={ctx.links.item(ctx.links.siteOf(d.siteId), d.slug)}>{d.title}</a>
              </td>
              <td>{LEGAL_KIND_LABELS[d.facts?.documentKind ?? ''] ?? d.facts?.documentKind}</td>
              <td>{d.facts?.issuingBody}</td>
              <td>{formatDay(d.facts?.issuedOn)}</td>
              <td>{d.legalStatus ? <LegalStatus status={d.legalStatus} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Procedures as a table: code, name, field, agency. */
export function ProcedureTable({ ctx, items, caption }: { ctx: PageContext; items: PublicItemSummary[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mã thủ tục</th>
            <th scope="col">Tên thủ tục</th>
            <th scope="col">Lĩnh vực</th>
            <th scope="col">Cơ quan thực hiện</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>{p.facts?.code}</td>
              <td>
                <a href={ctx.links.item(ctx.links.siteOf(p.siteId), p.slug)}>{p.title}</a>
              </td>
              <td>{p.facts?.field}</td>
              <td>{p.facts?.implementingAgency}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
