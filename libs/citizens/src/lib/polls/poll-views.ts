import { formatTenantTime } from '@cong/workflow';
import { EntityManager } from 'typeorm';
import { Poll, PollChoice, PollOption, ResultsShown } from './poll.entity';

export type PollPhase = 'upcoming' | 'open' | 'closed' | 'withdrawn';

export const POLL_PHASE_LABELS: Record<PollPhase, string> = {
  upcoming: 'Sắp mở',
  open: 'Đang mở',
  closed: 'Đã kết thúc',
  withdrawn: 'Đã gỡ',
};

export interface PollCount {
  optionId: string;
  label: string;
  votes: number;
  /** Of the voters, rounded to one decimal. */
  percent: number;
}

export interface PollView {
  id: string;
  site: string;
  question: string;
  description: string | null;
  choice: PollChoice;
  maxChoices: number | null;
  opensAt: Date;
  closesAt: Date;
  /** `25/11/2026 08:00 (GMT+7)`, as the province reads it. */
  opensAtText: string;
  closesAtText: string;
  resultsShown: ResultsShown;
  phase: PollPhase;
  phaseLabel: string;
  options: { id: string; label: string }[];
  /** Null where the results are not to be shown yet. */
  results: { voters: number; counts: PollCount[] } | null;
}

export function phaseOf(poll: Poll, now: Date): PollPhase {
  if (poll.withdrawnAt) return 'withdrawn';
  if (now < poll.opensAt) return 'upcoming';
  return now < poll.closesAt ? 'open' : 'closed';
}

/**
 * The results of a poll, counted in the database (two statements, however many votes): the number
 * of voters and each option's votes and share of them.
 */
export async function tallyOf(
  m: EntityManager,
  tenantId: string,
  pollId: string,
  options: PollOption[],
): Promise<{ voters: number; counts: PollCount[] }> {
  const rows: { option_id: string; votes: number }[] = await m.query(
    `SELECT o AS option_id, count(*)::int AS votes FROM citizens_poll_vote v, unnest(v.option_ids) AS o
      WHERE v.tenant_id = $1 AND v.poll_id = $2 GROUP BY o`,
    [tenantId, pollId],
  );
  const [{ voters }]: { voters: number }[] = await m.query(
    `SELECT count(*)::int AS voters FROM citizens_poll_vote WHERE tenant_id = $1 AND poll_id = $2`,
    [tenantId, pollId],
  );
  const tally = new Map(rows.map((r) => [r.option_id, r.votes]));
  return {
    voters,
    counts: options.map((o) => ({
      optionId: o.id,
      label: o.label,
      votes: tally.get(o.id) ?? 0,
      percent: voters ? Math.round(((tally.get(o.id) ?? 0) / voters) * 1000) / 10 : 0,
    })),
  };
}

export function pollView(
  poll: Poll,
  site: string,
  options: PollOption[],
  results: PollView['results'],
  timezone: string,
  now: Date,
): PollView {
  const phase = phaseOf(poll, now);
  return {
    id: poll.id,
    site,
    question: poll.question,
    description: poll.description,
    choice: poll.choice,
    maxChoices: poll.maxChoices,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    opensAtText: formatTenantTime(poll.opensAt, timezone)!,
    closesAtText: formatTenantTime(poll.closesAt, timezone)!,
    resultsShown: poll.resultsShown,
    phase,
    phaseLabel: POLL_PHASE_LABELS[phase],
    options: [...options].sort((a, b) => a.position - b.position).map((o) => ({ id: o.id, label: o.label })),
    results,
  };
}
