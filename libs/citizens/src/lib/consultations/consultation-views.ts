import { dmy } from '@cong/rules';
import { COMMENT_STATUS_LABELS, CommentStatus, Consultation, ConsultationComment } from './consultation.entity';

export type ConsultationPhase = 'upcoming' | 'open' | 'closed' | 'withdrawn';
export const CONSULTATION_PHASE_LABELS: Record<ConsultationPhase, string> = {
  upcoming: 'Sắp lấy ý kiến',
  open: 'Đang lấy ý kiến',
  closed: 'Đã hết thời gian lấy ý kiến',
  withdrawn: 'Đã gỡ',
};

export function phaseOf(c: Consultation, today: string): ConsultationPhase {
  if (c.withdrawnAt) return 'withdrawn';
  if (today < c.opensOn) return 'upcoming';
  return today > c.closesOn ? 'closed' : 'open';
}

export interface CommentView {
  id: string;
  /** The article's index, or null for the draft as a whole. */
  article: number | null;
  articleLabel: string;
  authorName: string | null;
  organisation: string | null;
  body: string;
  submittedAt: Date;
}

/** What officials see of a comment beyond the public: the address (until erased) and the moderation. */
export interface StaffCommentView extends CommentView {
  email: string | null;
  status: CommentStatus;
  statusLabel: string;
  moderationReason: string | null;
  moderatedBy: string | null;
  moderatedAt: Date | null;
}

export interface ConsultationView {
  id: string;
  site: string;
  unit: { code: string; name: string };
  document: { site: string; slug: string; title: string };
  title: string;
  summary: string | null;
  articles: string[];
  opensOn: string;
  closesOn: string;
  /** "từ 01/12/2026 đến 31/12/2026". */
  period: string;
  phase: ConsultationPhase;
  phaseLabel: string;
  /** Counted per article (null: the whole draft) over the comments shown. */
  commentCount: number;
}

export const articleLabel = (articles: string[], article: number | null) =>
  article === null ? 'Góp ý chung cho toàn bộ dự thảo' : (articles[article] ?? `Điều khoản ${article + 1}`);

export function commentView(articles: string[], c: ConsultationComment): CommentView {
  return {
    id: c.id,
    article: c.article,
    articleLabel: articleLabel(articles, c.article),
    authorName: c.authorName,
    organisation: c.organisation,
    body: c.body,
    submittedAt: c.submittedAt,
  };
}

export function staffCommentView(articles: string[], c: ConsultationComment): StaffCommentView {
  return {
    ...commentView(articles, c),
    email: c.email,
    status: c.status,
    statusLabel: COMMENT_STATUS_LABELS[c.status],
    moderationReason: c.moderationReason,
    moderatedBy: c.moderatedBy,
    moderatedAt: c.moderatedAt,
  };
}

export function consultationView(
  c: Consultation,
  place: { site: string; unit: { code: string; name: string }; document: { site: string; slug: string; title: string } },
  today: string,
  commentCount: number,
): ConsultationView {
  const phase = phaseOf(c, today);
  return {
    id: c.id,
    ...place,
    title: c.title,
    summary: c.summary,
    articles: c.articles,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    period: `từ ${dmy(c.opensOn)} đến ${dmy(c.closesOn)}`,
    phase,
    phaseLabel: CONSULTATION_PHASE_LABELS[phase],
    commentCount,
  };
}
