import { StatusTag, type Tone } from '../format/status-tag';
import type { CommentStatus, Consultation, ConsultationPhase, StaffComment } from './consultation-hooks';

/** Each phase's tone; its words are the API's (`phaseLabel`: Sắp lấy ý kiến, Đang lấy ý kiến, Đã hết thời gian lấy ý kiến, Đã gỡ). */
const PHASE_TONES: Record<ConsultationPhase, Tone> = { upcoming: 'info', open: 'good', closed: 'neutral', withdrawn: 'warning' };

export function PhaseTag({ consultation }: { consultation: Pick<Consultation, 'phase' | 'phaseLabel'> }) {
  return <StatusTag tone={PHASE_TONES[consultation.phase] ?? 'neutral'}>{consultation.phaseLabel}</StatusTag>;
}

/** A comment's moderation, in the API's words (`statusLabel`: Chờ duyệt, Đã công bố, Không công bố). */
const COMMENT_TONES: Record<CommentStatus, Tone> = { pending: 'warning', published: 'good', rejected: 'neutral' };

export function CommentStatusTag({ comment }: { comment: Pick<StaffComment, 'status' | 'statusLabel'> }) {
  return <StatusTag tone={COMMENT_TONES[comment.status] ?? 'neutral'}>{comment.statusLabel}</StatusTag>;
}
