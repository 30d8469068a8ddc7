import { StatusTag, type Tone } from '../format/status-tag';
import type { Poll, PollPhase } from './poll-hooks';

/** Each phase's tone; its words are the API's (`phaseLabel`: Sắp mở, Đang mở, Đã kết thúc, Đã gỡ). */
const PHASE_TONES: Record<PollPhase, Tone> = { upcoming: 'info', open: 'good', closed: 'neutral', withdrawn: 'warning' };

export function PhaseTag({ poll }: { poll: Pick<Poll, 'phase' | 'phaseLabel'> }) {
  return <StatusTag tone={PHASE_TONES[poll.phase] ?? 'neutral'}>{poll.phaseLabel}</StatusTag>;
}
