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

/** A sum to answer instead of the proof of work (no JavaScript): signed, single use. */
export interface SumChallenge {
  prompt: string;
  token: string;
}

/** The sum's question and its answer box, with the token that signs it; `error`: why the last answer was refused. */
export function SumField({ sum, error }: { sum: SumChallenge; error?: string }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <input type="hidden" name="challengeToken" value={sum.token} />
      <label for="phep-cong">Để xác nhận bạn không phải chương trình gửi tự động: {sum.prompt} bằng mấy? (nhập bằng chữ số) *</label>
      {error ? (
        <p class="field-error" id="phep-cong-loi">
          <span class="visually-hidden">Lỗi: </span>
          {error}
        </p>
      ) : null}
      <input
        id="phep-cong"
        name="challengeAnswer"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={2}
        required
        autoComplete="off"
        aria-describedby={error ? 'phep-cong-loi' : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/**
 * The proof of work: the ALTCHA widget, which solves its challenge when the form is sent. Without
 * JavaScript: the `sum` to answer in the form itself when given, else a note that a sum will be
 * asked after sending. `error`: the message of a refused proof; `sumError`: of a refused sum.
 */
export function ProofOfWorkField({
  scripts,
  purpose,
  submit,
  error,
  sum,
  sumError,
}: {
  scripts: AskScripts;
  purpose: WritePurpose;
  submit: string;
  error?: string;
  sum?: SumChallenge;
  sumError?: string;
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
      {sum && sumError ? (
        // Asked again: shown whether or not scripts run (the widget may have failed to load).
        <SumField sum={sum} error={sumError} />
      ) : (
        <noscript>
          {sum ? (
            <SumField sum={sum} />
          ) : (
            <p class="hint">Trình duyệt đang tắt JavaScript: sau khi bấm “{submit}”, bạn trả lời một phép cộng nhỏ để xác nhận.</p>
          )}
        </noscript>
      )}
    </div>
  );
}
