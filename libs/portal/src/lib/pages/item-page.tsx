import { IMAGE_WIDTHS, type PublicItem } from '@cong/content';
import type { PublicOnlineService } from '@cong/online-services';
import type { ComponentChildren } from 'preact';
import { FIELD_LABELS, formatDay, formatDong, formatInstant, LEGAL_KIND_LABELS, TYPE_LABELS } from '../vietnamese';
import { Layout } from './layout';
import type { Crumb, PageContext } from './page-context';
import { LegalStatus, OnlineServiceList } from './parts';

interface FileRef {
  name: string;
  url?: string;
  media?: string;
}

/** The text column is at most about 46rem wide. */
const IMAGE_SIZES = '(min-width: 50rem) 46rem, 100vw';
const IMAGE_NAME = /\.(jpe?g|png|webp|gif)$/i;
const PUBLIC_MEDIA_IMG = /<img\b([^>]*?)\ssrc="\/api\/v1\/public\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g;

const srcset = (ctx: PageContext, id: string) => IMAGE_WIDTHS.map((w) => `${ctx.links.media(id, w)} ${w}w`).join(', ');

/**
 * The body as the sanitiser kept it, with the uploads' images given their smaller WebP variants
 * (`srcset`) and loaded lazily. The body was sanitised when saved; this only adds attributes whose
 * values are ours.
 */
export function withResponsiveImages(ctx: PageContext, html: string): string {
  return html.replace(
    PUBLIC_MEDIA_IMG,
    (_m, before: string, id: string) =>
      `<img${before} src="${ctx.links.media(id, 640)}" srcset="${srcset(ctx, id)}" sizes="${IMAGE_SIZES}" loading="lazy" decoding="async"`,
  );
}

/** Only web addresses and the portal's own paths become links (never `javascript:` and the like). */
const safeHref = (url: string | undefined) => (url && /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : undefined);

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const files = (v: unknown): FileRef[] =>
  Array.isArray(v) ? v.filter((f): f is FileRef => !!f && typeof (f as FileRef).name === 'string') : [];
const file = (v: unknown): FileRef | undefined => files(v ? [v] : [])[0];

function Facts({ rows }: { rows: [string, ComponentChildren | undefined][] }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== '' && v !== null);
  if (!shown.length) return null;
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function FileLink({ f }: { f: FileRef }) {
  const href = safeHref(f.url);
  return href ? <a href={href}>{f.name}</a> : <span>{f.name}</span>;
}

function Attachments({ ctx, list, title = 'Tệp đính kèm' }: { ctx: PageContext; list: FileRef[]; title?: string }) {
  const images = list.filter((f) => f.media && IMAGE_NAME.test(f.name));
  const others = list.filter((f) => !images.includes(f));
  return (
    <>
      {images.map((f) => (
        <figure key={f.media}>
          <img
            src={ctx.links.media(f.media!, 640)}
            srcset={srcset(ctx, f.media!)}
            sizes={IMAGE_SIZES}
            alt={f.name.replace(IMAGE_NAME, '')}
            loading="lazy"
            decoding="async"
          />
        </figure>
      ))}
      {others.length ? (
        <section aria-labelledby="tep-dinh-kem">
          <h2 id="tep-dinh-kem">{title}</h2>
          <ul class="attachments">
            {others.map((f) => (
              <li key={f.name}>
                <FileLink f={f} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** What each type shows of its structured fields, above the body. */
function TypeFields({ ctx, item }: { ctx: PageContext; item: PublicItem }) {
  const f = item.fields;
  switch (item.type) {
    case 'legal_document': {
      const doc = file(f.file);
      const replacement = item.replacedBy;
      return (
        <>
          <Facts
            rows={[
              [FIELD_LABELS.number, text(f.number)],
              [FIELD_LABELS.documentKind, LEGAL_KIND_LABELS[text(f.documentKind) ?? ''] ?? text(f.documentKind)],
              [FIELD_LABELS.issuingBody, text(f.issuingBody)],
              [FIELD_LABELS.signer, text(f.signer)],
              [FIELD_LABELS.issuedOn, formatDay(text(f.issuedOn))],
              [FIELD_LABELS.effectiveFrom, formatDay(text(f.effectiveFrom))],
              [FIELD_LABELS.expiresOn, text(f.expiresOn) ? formatDay(text(f.expiresOn)) : undefined],
              ['Tình trạng hiệu lực', item.legalStatus ? <LegalStatus status={item.legalStatus} /> : undefined],
              [
                FIELD_LABELS.replacedBy,
                replacement ? (
                  <a href={ctx.links.item(ctx.chrome.sites.find((s) => s.key === replacement.site) ?? ctx.chrome.portal, replacement.slug)}>
                    {replacement.number ? `${replacement.number} — ` : ''}
                    {replacement.title}
                  </a>
                ) : undefined,
              ],
            ]}
          />
          {text(f.abstract) ? (
            <>
              <h2>{FIELD_LABELS.abstract}</h2>
              <p class="body">{text(f.abstract)}</p>
            </>
          ) : null}
          {doc ? (
            <p>
              <FileLink f={{ ...doc, name: `Tải văn bản: ${doc.name}` }} />
            </p>
          ) : null}
        </>
      );
    }
    case 'procedure': {
      const steps = Array.isArray(f.steps) ? (f.steps as { title?: string; description?: string }[]) : [];
      const dossier = Array.isArray(f.dossierComponents)
        ? (f.dossierComponents as { name?: string; originals?: number; copies?: number }[])
        : [];
      const basis = Array.isArray(f.legalBasis) ? (f.legalBasis as unknown[]).filter((b): b is string => typeof b === 'string') : [];
      return (
        <>
          <Facts
            rows={[
              [FIELD_LABELS.code, text(f.code)],
              [FIELD_LABELS.field, text(f.field)],
              [FIELD_LABELS.implementingAgency, text(f.implementingAgency)],
              [FIELD_LABELS.processingTime, text(f.processingTime)],
              [FIELD_LABELS.fee, text(f.fee) || 'Không'],
            ]}
          />
          {steps.length ? (
            <section aria-labelledby="trinh-tu">
              <h2 id="trinh-tu">{FIELD_LABELS.steps}</h2>
              <ol>
                {steps.map((s, i) => (
                  <li key={i}>
                    <strong>{s.title}</strong>
                    {s.description ? <p>{s.description}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {dossier.length ? (
            <section aria-labelledby="ho-so">
              <h2 id="ho-so">{FIELD_LABELS.dossierComponents}</h2>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Giấy tờ</th>
                      <th scope="col">Bản chính</th>
                      <th scope="col">Bản sao</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dossier.map((d, i) => (
                      <tr key={i}>
                        <td>{d.name}</td>
                        <td>{d.originals ?? ''}</td>
                        <td>{d.copies ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {basis.length ? (
            <section aria-labelledby="can-cu">
              <h2 id="can-cu">{FIELD_LABELS.legalBasis}</h2>
              <ul>
                {basis.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <Attachments ctx={ctx} list={files(f.forms)} title={FIELD_LABELS.forms} />
        </>
      );
    }
    case 'faq':
      return (
        <>
          <Facts
            rows={[
              [FIELD_LABELS.askedOn, formatDay(text(f.askedOn))],
              [FIELD_LABELS.askedBy, text(f.askedBy)],
            ]}
          />
          <h2>{FIELD_LABELS.question}</h2>
          <p class="body">{text(f.question)}</p>
          <h2>{FIELD_LABELS.answer}</h2>
          <p class="body">{text(f.answer)}</p>
        </>
      );
    case 'investment_project':
      return (
        <Facts
          rows={[
            [FIELD_LABELS.location, text(f.location)],
            [FIELD_LABELS.field, text(f.field)],
            [FIELD_LABELS.totalInvestment, typeof f.totalInvestment === 'number' ? formatDong(f.totalInvestment) : undefined],
            [FIELD_LABELS.investmentForm, text(f.investmentForm)],
            [FIELD_LABELS.contact, text(f.contact)],
            ['Tình trạng', typeof f.open === 'boolean' ? (f.open ? 'Đang kêu gọi đầu tư' : 'Đã có nhà đầu tư') : undefined],
          ]}
        />
      );
    case 'page': {
      const chart = file(f.chartImage);
      return chart?.media ? (
        <figure>
          <img src={ctx.links.media(chart.media, 1280)} srcset={srcset(ctx, chart.media)} sizes={IMAGE_SIZES} alt={chart.name} />
        </figure>
      ) : null;
    }
    default:
      return (
        <Facts
          rows={[
            [FIELD_LABELS.author, text(f.author)],
            [FIELD_LABELS.source, text(f.source)],
          ]}
        />
      );
  }
}

/**
 * An item's page: its title, date and unit, its type's fields, its body, its files; a procedure's,
 * the online services that carry it out (LC-2.1.3).
 */
export function ItemPage({ ctx, item, services = [] }: { ctx: PageContext; item: PublicItem; services?: PublicOnlineService[] }) {
  const { site, links, chrome } = ctx;
  const section = findSection(ctx, item.section);
  const crumbs: Crumb[] = [
    ...(section
      ? section.path.map((s) => ({ title: s.title, href: links.section(site, s.slug) }))
      : [{ title: TYPE_LABELS[item.type] ?? item.type }]),
    { title: item.title },
  ];
  const unit = item.unit ? chrome.units.get(item.unit) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      description={item.summary ?? undefined}
      canonical={links.canonical(site, `/${item.slug}`)}
      crumbs={crumbs}
      currentSection={section?.path[0]?.slug}
    >
      <article>
        <h1>{item.title}</h1>
        <p class="meta">
          {TYPE_LABELS[item.type] ?? item.type} ·{' '}
          <time dateTime={item.publishedAt}>{formatInstant(item.publishedAt, chrome.tenant.timezone)}</time>
          {unit ? (
            <>
              {' '}
              · <a href={links.unit(unit.code)}>{unit.name}</a>
            </>
          ) : null}
        </p>
        {item.summary ? <p class="lead">{item.summary}</p> : null}
        <TypeFields ctx={ctx} item={item} />
        {services.length ? (
          <section aria-labelledby="truc-tuyen">
            <h2 id="truc-tuyen">Thực hiện trực tuyến</h2>
            <OnlineServiceList services={services} />
          </section>
        ) : null}
        {item.body ? <div class="body" dangerouslySetInnerHTML={{ __html: withResponsiveImages(ctx, item.body) }} /> : null}
        {['news', 'announcement', 'report', 'thematic'].includes(item.type) ? (
          <Attachments ctx={ctx} list={files(item.fields.attachments)} />
        ) : null}
      </article>
    </Layout>
  );
}

/** A section of the site by slug, with the sections above it (for breadcrumbs). */
export function findSection(
  ctx: PageContext,
  slug: string | null | undefined,
): { title: string; slug: string; path: { title: string; slug: string }[]; children: { title: string; slug: string }[] } | undefined {
  if (!slug) return undefined;
  const walk = (nodes: PageContext['sections'], above: { title: string; slug: string }[]): ReturnType<typeof findSection> => {
    for (const n of nodes) {
      const path = [...above, { title: n.title, slug: n.slug }];
      if (n.slug === slug)
        return { title: n.title, slug: n.slug, path, children: n.children.map((c) => ({ title: c.title, slug: c.slug })) };
      const found = walk(n.children, path);
      if (found) return found;
    }
    return undefined;
  };
  return walk(ctx.sections, []);
}
