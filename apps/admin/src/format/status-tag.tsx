import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** The tones of a status, each dark text on a light ground (antd's preset tag colours fall short of 4.5:1). */
const TONES = {
  neutral: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
  info: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  good: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  warning: { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  special: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
} as const;

export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
