import type { PollView } from '@cong/citizens';
import { ErrorSummary, ProofOfWorkField } from './form-parts';
import { Layout } from './layout';
import type { PageContext } from './page-context';
import type { AskScripts } from './question-pages';

export type PublicPoll = PollView & { voted: boolean };

/** A site's polls: open ones first to vote in, then closed ones with their results. */
export function PollsPage({ ctx, polls }: { ctx: PageContext; polls: PublicPoll[] }) {
  const { site, links } = ctx;
  const open = polls.filter((p) => p.phase === 'open');
  const closed = polls.filter((p) => p.phase === 'closed');
  return (
    <Layout
      ctx={ctx}
      title="Thăm dò ý kiến"
      canonical={links.canonical(site, '/binh-chon')}
      crumbs={[{ title: 'Thăm dò ý kiến' }]}
      currentSection="binh-chon"
    >
      <h1>Thăm dò ý kiến</h1>
      <h2>Đang lấy ý kiến</h2>
      {open.length ? <PollList ctx={ctx} polls={open} /> : <p>Hiện không có cuộc thăm dò nào đang mở.</p>}
      {closed.length ? (
        <>
          <h2>Đã kết thúc</h2>
          <PollList ctx={ctx} polls={closed} />
        </>
      ) : null}
    </Layout>
  );
}

function PollList({ ctx, polls }: { ctx: PageContext; polls: PublicPoll[] }) {
  return (
    <ul class="item-list">
      {polls.map((p) => (
        <li key={p.id}>
          <h3>
            <a href={ctx.links.poll(ctx.site, p.id)}>{p.question}</a>
          </h3>
          <p class="meta">
            {p.phase === 'open' ? `Đến ${p.closesAtText}` : `Kết thúc ${p.closesAtText}`}
            {p.voted ? ' · Bạn đã bình chọn' : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** One poll: the form while it is open and this browser has not voted; the results where the poll shows them. */
export function PollPage({
  ctx,
  poll,
  scripts,
  justVoted,
  errors = [],
  chosen = [],
}: {
  ctx: PageContext;
  poll: PublicPoll;
  scripts: AskScripts;
  justVoted: boolean;
  errors?: { field: string; message: string }[];
  chosen?: string[];
}) {
  const { site, links } = ctx;
  const votable = poll.phase === 'open' && !poll.voted;
  const multiple = poll.choice === 'multiple';
  return (
    <Layout
      ctx={ctx}
      title={errors.length ? `Lỗi: ${poll.question}` : poll.question}
      canonical={links.canonical(site, `/binh-chon/${poll.id}`)}
      crumbs={[{ title: 'Thăm dò ý kiến', href: links.polls(site) }, { title: poll.question }]}
      currentSection="binh-chon"
      scripts={votable ? [scripts.widget, scripts.language, scripts.setup] : undefined}
      styles={votable ? [scripts.stylesheet] : undefined}
    >
      <h1>{poll.question}</h1>
      {poll.description ? <p class="lead">{poll.description}</p> : null}
      <p class="meta">
        {poll.phaseLabel} · từ {poll.opensAtText} đến {poll.closesAtText}
      </p>
      {justVoted ? (
        <div class="notice" role="status">
          <p>Cảm ơn bạn đã tham gia bình chọn.</p>
        </div>
      ) : null}
      <ErrorSummary title="Chưa ghi nhận được bình chọn" errors={errors} fieldIds={{ options: 'phuong-an' }} fallback="phuong-an" />
      {votable ? (
        <form class="ask-form" action="/api/v1/public/polls/form" method="post" noValidate>
          <input type="hidden" name="poll" value={poll.id} />
          <fieldset class={`field-group${errors.length ? ' has-error' : ''}`} id="phuong-an">
            <legend>
              {multiple ? `Chọn ${poll.maxChoices ? `tối đa ${poll.maxChoices}` : 'một hoặc nhiều'} phương án` : 'Chọn một phương án'}
            </legend>
            {poll.options.map((o, i) => (
              <div class="field checkbox" key={o.id}>
                <input
                  id={`phuong-an-${i}`}
                  type={multiple ? 'checkbox' : 'radio'}
                  name="options"
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  required={!multiple}
                />
                <label for={`phuong-an-${i}`}>{o.label}</label>
              </div>
            ))}
          </fieldset>
          <ProofOfWorkField scripts={scripts} purpose="vote" submit="Bình chọn" />
          <button class="button" type="submit">
            Bình chọn
          </button>
        </form>
      ) : poll.phase === 'upcoming' ? (
        <p>Cuộc thăm dò chưa bắt đầu.</p>
      ) : null}
      {poll.results ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">Kết quả{poll.phase === 'open' ? ' đến thời điểm này' : ''}</h2>
          <p>{poll.results.voters.toLocaleString('vi-VN')} người đã tham gia.</p>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Kết quả bình chọn">
            <table>
              <caption class="visually-hidden">Kết quả: số lượt chọn và tỷ lệ người tham gia của mỗi phương án</caption>
              <thead>
                <tr>
                  <th scope="col">Phương án</th>
                  <th scope="col">Số lượt chọn</th>
                  <th scope="col">Tỷ lệ</th>
                </tr>
              </thead>
              <tbody>
                {poll.results.counts.map((c) => (
                  <tr key={c.optionId}>
                    <td>{c.label}</td>
                    <td>{c.votes.toLocaleString('vi-VN')}</td>
                    <td>
                      <meter min={0} max={100} value={c.percent} aria-hidden="true" /> {c.percent.toLocaleString('vi-VN')}%
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : poll.voted || poll.phase === 'open' ? (
        <p>
          Kết quả được công bố sau khi cuộc thăm dò kết thúc
          {poll.resultsShown === 'after_vote' && !poll.voted ? ', hoặc ngay sau khi bạn bình chọn' : ''}.
        </p>
      ) : null}
    </Layout>
  );
}
