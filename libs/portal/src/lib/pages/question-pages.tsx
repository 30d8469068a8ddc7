import type { PublicItemSummary, PublicSearchResult } from '@cong/content';
import { formatDay } from '../vietnamese';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import { ErrorSummary, ProofOfWorkField, SumChallenge, SumField } from './form-parts';
import { ItemList, NumberedPager, query } from './parts';

/** What the ask form was sent with, to show it again (never the proof of work). */
export interface AskValues {
  name?: string;
  email?: string;
  phone?: string;
  unit?: string;
  title?: string;
  question?: string;
  showName?: boolean;
  consent?: boolean;
}

/** The scripts the ask form loads: the ALTCHA widget, its Vietnamese texts, and ours that gives it its worker. */
export interface AskScripts {
  widget: string;
  language: string;
  setup: string;
  worker: string;
  stylesheet: string;
  challenge: string;
}

const FIELD_IDS: Record<string, string> = {
  name: 'ho-ten',
  email: 'thu-dien-tu',
  phone: 'dien-thoai',
  unit: 'don-vi',
  title: 'tieu-de',
  question: 'cau-hoi',
  attachment: 'tep-dinh-kem',
  consent: 'dong-y',
  altcha: 'xac-nhan',
  challengeAnswer: 'phep-cong',
};

/** The published answers of a site (hỏi đáp), newest first, with a search among them and the way to ask. */
export function QuestionsPage({
  ctx,
  q,
  items,
  next,
  first,
  result,
  page,
}: {
  ctx: PageContext;
  q: string;
  items: PublicItemSummary[];
  next: string | null;
  first: boolean;
  result?: PublicSearchResult;
  page: number;
}) {
  const { site, links, chrome } = ctx;
  const base = links.questions(site);
  return (
    <Layout
      ctx={ctx}
      title="Hỏi đáp"
      canonical={first && !q ? links.canonical(site, '/hoi-dap') : undefined}
      noindex={!first || !!q}
      crumbs={[{ title: 'Hỏi đáp' }]}
      currentSection="hoi-dap"
    >
      <h1>Hỏi đáp</h1>
      {chrome.questions.enabled ? (
        <p>
          <a class="button" href={links.ask(site)}>
            Đặt câu hỏi
          </a>
        </p>
      ) : (
        <p>Cổng hiện không nhận câu hỏi trực tuyến.</p>
      )}
      <form class="filters" action={base} method="get" role="search" aria-label="Tìm trong hỏi đáp">
        <div class="field">
          <label for="q">Tìm trong các câu hỏi đã trả lời</label>
          <input id="q" type="search" name="q" value={q} minLength={2} maxLength={200} />
        </div>
        <div class="actions">
          <button class="button" type="submit">
            Tìm
          </button>
        </div>
      </form>
      {result ? (
        <>
          <p role="status">
            {result.total === 0
              ? `Không có câu hỏi nào đã trả lời khớp với “${q}”.`
              : `Tìm thấy ${result.total.toLocaleString('vi-VN')} câu hỏi cho “${q}”.`}
          </p>
          <ItemList ctx={ctx} items={result.items} headingLevel={2} />
          <NumberedPager page={page} pages={Math.ceil(result.total / 20)} href={(n) => `${base}${query({ q, trang: n })}`} />
        </>
      ) : items.length ? (
        <>
          <ItemList ctx={ctx} items={items} headingLevel={2} />
          {next ? (
            <nav class="pager" aria-label="Phân trang">
              <span />
              <a href={`${base}${query({ sau: next })}`} rel="next">
                Câu hỏi cũ hơn ›
              </a>
            </nav>
          ) : null}
        </>
      ) : (
        <p>{first ? 'Chưa có câu hỏi nào được trả lời trên trang này.' : 'Không còn câu hỏi nào.'}</p>
      )}
    </Layout>
  );
}

/** What the form says of the file it takes: the kinds, the limit, who sees it. */
export interface AttachmentRules {
  accept: string;
  kinds: string;
  maxMegabytes: number;
}

/**
 * The ask form: with JavaScript the proof of work runs in the page; without it, the form asks a
 * `sum` itself (or, when none is given, one more step after sending). An optional file goes with
 * it (multipart), seen only by the officials who answer.
 */
export function AskPage({
  ctx,
  scripts,
  attachments,
  sum,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  scripts: AskScripts;
  attachments: AttachmentRules;
  sum?: SumChallenge;
  values?: AskValues;
  errors?: { field: string; message: string }[];
}) {
  const { site, links, chrome } = ctx;
  const subsiteUnit = site.key === 'portal' ? null : site.key;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const described = (field: string, hint?: string) =>
    [hint ? `${FIELD_IDS[field]}-goi-y` : null, errorOf(field) ? `${FIELD_IDS[field]}-loi` : null].filter(Boolean).join(' ') || undefined;
  const units = [...chrome.units.values()].filter((u) => u.code !== 'ubnd-tinh').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const FieldError = ({ field }: { field: string }) =>
    errorOf(field) ? (
      <p class="field-error" id={`${FIELD_IDS[field]}-loi`}>
        <span class="visually-hidden">Lỗi: </span>
        {errorOf(field)}
      </p>
    ) : null;
  return (
    <Layout
      ctx={ctx}
      title={errors.length ? 'Lỗi: Đặt câu hỏi' : 'Đặt câu hỏi'}
      canonical={links.canonical(site, '/hoi-dap/dat-cau-hoi')}
      crumbs={[{ title: 'Hỏi đáp', href: links.questions(site) }, { title: 'Đặt câu hỏi' }]}
      currentSection="hoi-dap"
      scripts={[scripts.widget, scripts.language, scripts.setup]}
      styles={[scripts.stylesheet]}
    >
      <h1>Đặt câu hỏi</h1>
      <ErrorSummary title="Câu hỏi chưa gửi được" errors={errors} fieldIds={FIELD_IDS} fallback="gui-cau-hoi" />
      {chrome.questions.enabled ? (
        <form
          class="ask-form"
          id="gui-cau-hoi"
          action="/api/v1/public/questions/form"
          method="post"
          enctype="multipart/form-data"
          noValidate
        >
          <input type="hidden" name="site" value={site.key} />
          <p>
            Các ô có dấu <span aria-hidden="true">*</span>
            <span class="visually-hidden">sao</span> là bắt buộc. Câu hỏi được chuyển đến đơn vị có thẩm quyền trả lời; câu trả lời được
            đăng công khai trên cổng.
          </p>
          <div class={`field${errorOf('name') ? ' has-error' : ''}`}>
            <label for="ho-ten">Họ và tên *</label>
            <FieldError field="name" />
            <input
              id="ho-ten"
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              value={values.name ?? ''}
              aria-describedby={described('name')}
              aria-invalid={errorOf('name') ? 'true' : undefined}
            />
          </div>
          <fieldset class="field-group">
            <legend>Thông tin liên hệ để nhận trả lời (cần ít nhất một)</legend>
            <p class="hint" id="thu-dien-tu-goi-y">
              Không được công khai. Bị xóa sau {chrome.questions.contactRetentionDays} ngày kể từ khi câu hỏi được trả lời hoặc đóng.
            </p>
            <div class={`field${errorOf('email') ? ' has-error' : ''}`}>
              <label for="thu-dien-tu">Thư điện tử</label>
              <FieldError field="email" />
              <input
                id="thu-dien-tu"
                name="email"
                type="email"
                autoComplete="email"
                maxLength={254}
                value={values.email ?? ''}
                aria-describedby={described('email', 'hint')}
                aria-invalid={errorOf('email') ? 'true' : undefined}
              />
            </div>
            <div class={`field${errorOf('phone') ? ' has-error' : ''}`}>
              <label for="dien-thoai">Số điện thoại</label>
              <FieldError field="phone" />
              <input
                id="dien-thoai"
                name="phone"
                type="tel"
                autoComplete="tel"
                maxLength={20}
                value={values.phone ?? ''}
                aria-describedby={described('phone')}
                aria-invalid={errorOf('phone') ? 'true' : undefined}
              />
            </div>
          </fieldset>
          {subsiteUnit ? (
            <p>
              Câu hỏi gửi đến: <strong>{site.title}</strong>
            </p>
          ) : (
            <div class={`field${errorOf('unit') ? ' has-error' : ''}`}>
              <label for="don-vi">Cơ quan, đơn vị được hỏi</label>
              <p class="hint" id="don-vi-goi-y">
                Không rõ thì để trống: Ban biên tập sẽ chuyển đến đơn vị có thẩm quyền.
              </p>
              <FieldError field="unit" />
              <select id="don-vi" name="unit" aria-describedby={described('unit', 'hint')}>
                <option value="">Chưa rõ, nhờ Ban biên tập chuyển</option>
                {units.map((u) => (
                  <option key={u.code} value={u.code} selected={values.unit === u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class={`field${errorOf('title') ? ' has-error' : ''}`}>
            <label for="tieu-de">Tiêu đề câu hỏi *</label>
            <FieldError field="title" />
            <input
              id="tieu-de"
              name="title"
              required
              minLength={5}
              maxLength={300}
              value={values.title ?? ''}
              aria-describedby={described('title')}
              aria-invalid={errorOf('title') ? 'true' : undefined}
            />
          </div>
          <div class={`field${errorOf('question') ? ' has-error' : ''}`}>
            <label for="cau-hoi">Nội dung câu hỏi *</label>
            <p class="hint" id="cau-hoi-goi-y">
              Tối đa 10.000 ký tự. Xin đừng ghi số giấy tờ tùy thân hay thông tin riêng tư vào nội dung: câu hỏi có thể được đăng công khai.
            </p>
            <FieldError field="question" />
            <textarea
              id="cau-hoi"
              name="question"
              required
              minLength={10}
              maxLength={10000}
              rows={8}
              aria-describedby={described('question', 'hint')}
              aria-invalid={errorOf('question') ? 'true' : undefined}
            >
              {values.question ?? ''}
            </textarea>
          </div>
          <div class={`field${errorOf('attachment') ? ' has-error' : ''}`}>
            <label for="tep-dinh-kem">Tệp đính kèm (không bắt buộc)</label>
            <p class="hint" id="tep-dinh-kem-goi-y">
              Một tệp {attachments.kinds}, tối đa {attachments.maxMegabytes} MB. Chỉ cơ quan trả lời xem được tệp; tệp bị xóa cùng thông tin
              liên hệ.
            </p>
            <FieldError field="attachment" />
            <input
              id="tep-dinh-kem"
              name="attachment"
              type="file"
              accept={attachments.accept}
              aria-describedby={described('attachment', 'hint')}
              aria-invalid={errorOf('attachment') ? 'true' : undefined}
            />
          </div>
          <div class="field checkbox">
            <input id="hien-ten" name="showName" type="checkbox" value="true" checked={values.showName} />
            <label for="hien-ten">Cho phép hiển thị họ và tên cùng câu trả lời</label>
          </div>
          <div class={`field checkbox${errorOf('consent') ? ' has-error' : ''}`}>
            <FieldError field="consent" />
            <input
              id="dong-y"
              name="consent"
              type="checkbox"
              value="true"
              required
              checked={values.consent}
              aria-describedby={described('consent')}
              aria-invalid={errorOf('consent') ? 'true' : undefined}
            />
            <label for="dong-y">
              Tôi đồng ý để {chrome.portalTitle} và đơn vị trả lời xử lý họ tên, thư điện tử, số điện thoại của tôi để trả lời câu hỏi này
              (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15). *
            </label>
          </div>
          {/* People leave this empty; programs that fill every field are marked as spam. */}
          <div class="honeypot" aria-hidden="true">
            <label for="trang-web">Để trống ô này</label>
            <input id="trang-web" name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <ProofOfWorkField
            scripts={scripts}
            purpose="question"
            submit="Gửi câu hỏi"
            error={errorOf('altcha')}
            sum={sum}
            sumError={errorOf('challengeAnswer')}
          />
          <button class="button" type="submit">
            Gửi câu hỏi
          </button>
        </form>
      ) : (
        <p>Cổng hiện không nhận câu hỏi trực tuyến.</p>
      )}
    </Layout>
  );
}

/** What a form sent without JavaScript comes back to: where it posts again, and how it is named. */
export interface TextChallengeForm {
  heading: string;
  action: string;
  submit: string;
  back: { title: string; href: string };
}

/** Sent without JavaScript: one more step, a sum to answer, with what was written carried along. */
export function TextChallengePage({
  ctx,
  form,
  prompt,
  token,
  fields,
  wrong,
}: {
  ctx: PageContext;
  form: TextChallengeForm;
  prompt: string;
  token: string;
  fields: Record<string, string | string[]>;
  wrong: boolean;
}) {
  return (
    <Layout
      ctx={ctx}
      title={form.heading}
      noindex
      crumbs={[form.back, { title: 'Xác nhận' }]}
      currentSection={form.back.href.split('/').pop()}
    >
      <h1>{form.heading}</h1>
      <form class="ask-form" action={form.action} method="post">
        {Object.entries(fields).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
        )}
        <SumField sum={{ prompt, token }} error={wrong ? 'Kết quả chưa đúng hoặc đã hết hạn, xin thử lại.' : undefined} />
        <button class="button" type="submit">
          {form.submit}
        </button>
      </form>
    </Layout>
  );
}

export interface QuestionStatusInfo {
  reference: string;
  title: string;
  statusLabel: string;
  status: string;
  receivedOn: string;
  unit: string | null;
  due: string | null;
  answer: { href: string } | null;
}

/** The asker's private page: where their question stands (no personal data on it). */
export function QuestionStatusPage({
  ctx,
  question,
  justSent,
}: {
  ctx: PageContext;
  question: QuestionStatusInfo | null;
  justSent: boolean;
}) {
  const { site, links } = ctx;
  return (
    <Layout
      ctx={ctx}
      title="Theo dõi câu hỏi"
      noindex
      crumbs={[{ title: 'Hỏi đáp', href: links.questions(site) }, { title: 'Theo dõi câu hỏi' }]}
      currentSection="hoi-dap"
    >
      <h1>Theo dõi câu hỏi</h1>
      {question ? (
        <>
          {justSent ? (
            <div class="notice" role="status">
              <h2>Câu hỏi đã được gửi</h2>
              <p>
                Mã câu hỏi của bạn là <strong>{question.reference}</strong>. Hãy lưu lại địa chỉ của trang này để theo dõi: đây là đường dẫn
                riêng của bạn, xin đừng chia sẻ.
              </p>
            </div>
          ) : null}
          <dl class="facts">
            <dt>Mã câu hỏi</dt>
            <dd>{question.reference}</dd>
            <dt>Tiêu đề</dt>
            <dd>{question.title}</dd>
            <dt>Ngày tiếp nhận</dt>
            <dd>{formatDay(question.receivedOn)}</dd>
            <dt>Đơn vị trả lời</dt>
            <dd>{question.unit ?? 'Ban biên tập đang chuyển đến đơn vị có thẩm quyền'}</dd>
            {question.due ? (
              <>
                <dt>Hạn trả lời</dt>
                <dd>{formatDay(question.due)}</dd>
              </>
            ) : null}
            <dt>Tình trạng</dt>
            <dd>
              <strong>{question.statusLabel}</strong>
            </dd>
          </dl>
          {question.answer ? (
            <p>
              <a class="button" href={question.answer.href}>
                Xem câu trả lời
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p>Đường dẫn theo dõi không đúng hoặc câu hỏi không còn trên hệ thống. Xin kiểm tra lại đường dẫn trong thư xác nhận.</p>
      )}
    </Layout>
  );
}
