import type { ConsultationView, PublicConsultation } from '@cong/citizens';
import { formatInstant } from '../vietnamese';
import { ErrorSummary, ProofOfWorkField } from './form-parts';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import type { AskScripts, AskValues } from './question-pages';

/** What the comment form was sent with, to show it again. */
export interface CommentValues {
  article?: string;
  name?: string;
  organisation?: string;
  email?: string;
  comment?: string;
  consent?: boolean;
}

const FIELD_IDS: Record<string, string> = {
  article: 'dieu-khoan',
  name: 'ho-ten',
  organisation: 'to-chuc',
  email: 'thu-dien-tu',
  comment: 'noi-dung-gop-y',
  consent: 'dong-y',
  altcha: 'xac-nhan',
};

/** A site's drafts open for comments, then those closed. */
export function ConsultationsPage({ ctx, consultations }: { ctx: PageContext; consultations: ConsultationView[] }) {
  const { site, links } = ctx;
  const open = consultations.filter((c) => c.phase === 'open');
  const closed = consultations.filter((c) => c.phase === 'closed');
  const List = ({ items }: { items: ConsultationView[] }) => (
    <ul class="item-list">
      {items.map((c) => (
        <li key={c.id}>
          <h3>
            <a href={links.consultation(site, c.id)}>{c.title}</a>
          </h3>
          <p class="meta">
            {c.unit.name} · {c.period} · {c.commentCount} ý kiến đã công bố
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout
      ctx={ctx}
      title="Góp ý dự thảo văn bản"
      canonical={links.canonical(site, '/gop-y-du-thao')}
      crumbs={[{ title: 'Góp ý dự thảo văn bản' }]}
      currentSection="gop-y-du-thao"
    >
      <h1>Góp ý dự thảo văn bản</h1>
      <h2>Đang lấy ý kiến</h2>
      {open.length ? <List items={open} /> : <p>Hiện không có dự thảo nào đang lấy ý kiến.</p>}
      {closed.length ? (
        <>
          <h2>Đã hết thời gian lấy ý kiến</h2>
          <List items={closed} />
        </>
      ) : null}
    </Layout>
  );
}

/** One draft: where to read it, the published comments per article, and the comment form while it is open. */
export function ConsultationPage({
  ctx,
  consultation: c,
  scripts,
  justSent,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  consultation: PublicConsultation;
  scripts: AskScripts;
  justSent: boolean;
  values?: CommentValues & Pick<AskValues, never>;
  errors?: { field: string; message: string }[];
}) {
  const { site, links, chrome } = ctx;
  const open = c.phase === 'open';
  const documentSite = chrome.sites.find((s) => s.key === c.document.site) ?? site;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const FieldError = ({ field }: { field: string }) =>
    errorOf(field) ? (
      <p class="field-error" id={`${FIELD_IDS[field]}-loi`}>
        <span class="visually-hidden">Lỗi: </span>
        {errorOf(field)}
      </p>
    ) : null;
  const invalid = (field: string) =>
    errorOf(field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${FIELD_IDS[field]}-loi` } : {};
  const groups = [null, ...c.articles.map((_, i) => i)]
    .map((article) => ({ article, comments: c.comments.filter((x) => x.article === article) }))
    .filter((g) => g.comments.length > 0);
  return (
    <Layout
      ctx={ctx}
      title={errors.length ? `Lỗi: ${c.title}` : c.title}
      canonical={links.canonical(site, `/gop-y-du-thao/${c.id}`)}
      crumbs={[{ title: 'Góp ý dự thảo văn bản', href: links.consultations(site) }, { title: c.title }]}
      currentSection="gop-y-du-thao"
      scripts={open ? [scripts.widget, scripts.language, scripts.setup] : undefined}
      styles={open ? [scripts.stylesheet] : undefined}
    >
      <h1>{c.title}</h1>
      <dl class="facts">
        <dt>Cơ quan chủ trì soạn thảo</dt>
        <dd>{c.unit.name}</dd>
        <dt>Thời gian lấy ý kiến</dt>
        <dd>{c.period}</dd>
        <dt>Tình trạng</dt>
        <dd>{c.phaseLabel}</dd>
        <dt>Toàn văn dự thảo</dt>
        <dd>
          <a href={links.item(documentSite, c.document.slug)}>{c.document.title}</a>
        </dd>
      </dl>
      {c.summary ? <p class="lead">{c.summary}</p> : null}
      {justSent ? (
        <div class="notice" role="status">
          <p>Góp ý đã được tiếp nhận và sẽ được công bố sau khi được kiểm duyệt. Cảm ơn bạn đã tham gia góp ý.</p>
        </div>
      ) : null}
      <section aria-labelledby="y-kien">
        <h2 id="y-kien">Ý kiến đã công bố ({c.comments.length})</h2>
        {groups.length ? (
          groups.map((g) => (
            <div key={String(g.article)}>
              <h3>{g.article === null ? 'Góp ý chung cho toàn bộ dự thảo' : c.articles[g.article]}</h3>
              <ul class="item-list">
                {g.comments.map((x) => (
                  <li key={x.id}>
                    <p class="meta">
                      {x.authorName ?? 'Người góp ý'}
                      {x.organisation ? ` (${x.organisation})` : ''} ·{' '}
                      <time dateTime={x.submittedAt.toISOString()}>
                        {formatInstant(x.submittedAt.toISOString(), chrome.tenant.timezone)}
                      </time>
                    </p>
                    <p class="body">{x.body}</p>
                  </li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <p>Chưa có ý kiến nào được công bố.</p>
        )}
      </section>
      {open ? (
        <section aria-labelledby="gui-gop-y">
          <h2 id="gui-gop-y">Gửi góp ý</h2>
          <ErrorSummary title="Góp ý chưa gửi được" errors={errors} fieldIds={FIELD_IDS} fallback="gui-gop-y" level={3} />
          <form class="ask-form" action="/api/v1/public/consultations/form" method="post" noValidate>
            <input type="hidden" name="consultation" value={c.id} />
            {c.articles.length ? (
              <div class={`field${errorOf('article') ? ' has-error' : ''}`}>
                <label for="dieu-khoan">Góp ý cho</label>
                <FieldError field="article" />
                <select id="dieu-khoan" name="article" {...invalid('article')}>
                  <option value="">Toàn bộ dự thảo</option>
                  {c.articles.map((a, i) => (
                    <option key={i} value={String(i)} selected={values.article === String(i)}>
                      {a}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div class={`field${errorOf('name') ? ' has-error' : ''}`}>
              <label for="ho-ten">Họ và tên *</label>
              <FieldError field="name" />
              <input id="ho-ten" name="name" autoComplete="name" required maxLength={200} value={values.name ?? ''} {...invalid('name')} />
            </div>
            <div class={`field${errorOf('organisation') ? ' has-error' : ''}`}>
              <label for="to-chuc">Cơ quan, tổ chức (nếu góp ý thay mặt tổ chức)</label>
              <FieldError field="organisation" />
              <input
                id="to-chuc"
                name="organisation"
                autoComplete="organization"
                maxLength={300}
                value={values.organisation ?? ''}
                {...invalid('organisation')}
              />
            </div>
            <div class={`field${errorOf('email') ? ' has-error' : ''}`}>
              <label for="thu-dien-tu">Thư điện tử (không bắt buộc, không công khai)</label>
              <FieldError field="email" />
              <input
                id="thu-dien-tu"
                name="email"
                type="email"
                autoComplete="email"
                maxLength={254}
                value={values.email ?? ''}
                {...invalid('email')}
              />
            </div>
            <div class={`field${errorOf('comment') ? ' has-error' : ''}`}>
              <label for="noi-dung-gop-y">Nội dung góp ý *</label>
              <FieldError field="comment" />
              <textarea id="noi-dung-gop-y" name="comment" required minLength={5} maxLength={10000} rows={8} {...invalid('comment')}>
                {values.comment ?? ''}
              </textarea>
            </div>
            <div class={`field checkbox${errorOf('consent') ? ' has-error' : ''}`}>
              <FieldError field="consent" />
              <input id="dong-y" name="consent" type="checkbox" value="true" required checked={values.consent} {...invalid('consent')} />
              <label for="dong-y">
                Tôi đồng ý để {c.unit.name} xử lý họ tên và thư điện tử của tôi để tiếp nhận góp ý; họ tên và nội dung góp ý được công bố
                sau khi kiểm duyệt (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15). *
              </label>
            </div>
            <ProofOfWorkField scripts={scripts} purpose="comment" submit="Gửi góp ý" error={errorOf('altcha')} />
            <button class="button" type="submit">
              Gửi góp ý
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
