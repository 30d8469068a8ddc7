import type { AskScripts } from './question-pages';

/** What the citizens' forms prove their sender with: a challenge per kind of write. */
export type WritePurpose = 'question' | 'vote' | 'comment';

/** Above a form sent back: what went wrong, each message a link to its field (GOV.UK's error summary). */
export function ErrorSummary({
  title,
  errors,
  fieldIds,
  fallback,
  level = 2,
}: {
  title: string;
  errors: { field: string; message: string }[];
  fieldIds: Record<string, string>;
  /** Where a message without a field of the form leads (the form). */
  fallback: string;
  level?: 2 | 3;
}) {
  if (!errors.length) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="error-summary" role="alert" aria-labelledby="loi-tieu-de" tabIndex={-1}>
      <Heading id="loi-tieu-de">{title}</Heading>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${fieldIds[e.field] ?? fallback}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The proof of work: the ALTCHA widget, which solves its challenge when the form is sent; without
 * JavaScript, a note that a sum will be asked instead. `error`: the message of a refused proof.
 */
export function ProofOfWorkField({
  scripts,
  purpose,
  submit,
  error,
}: {
  scripts: AskScripts;
  purpose: WritePurpose;
  submit: string;
  error?: string;
}) {
  return (
    <div class={`field${error ? ' has-error' : ''}`} id="xac-nhan">
      {error ? (
        <p class="field-error" id="xac-nhan-loi">
          <span class="visually-hidden">Lỗi: </span>
          {error}
        </p>
      ) : null}
      <altcha-widget
        challenge={scripts.challenge.replace('purpose=question', `purpose=${purpose}`)}
        name="altcha"
        language="vi"
        auto="onsubmit"
        data-worker={scripts.worker}
      />
      <noscript>
        <p class="hint">Trình duyệt đang tắt JavaScript: sau khi bấm “{submit}”, bạn trả lời một phép cộng nhỏ để xác nhận.</p>
      </noscript>
    </div>
  );
}
