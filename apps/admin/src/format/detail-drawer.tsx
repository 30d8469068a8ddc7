import { Alert, Drawer, Grid, Skeleton, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatInstant } from './dates';

/**
 * One record of a screen in a drawer (the whole width on a phone): titled by the record once it
 * is read, a placeholder while it loads, the API's refusal if it cannot be read.
 */
export function DetailDrawer<T>({
  query,
  title,
  placeholder,
  onClose,
  children,
}: {
  query: { data?: T; isError: boolean; error: Error | null };
  title: (record: T) => string;
  placeholder: string;
  onClose: () => void;
  children: (record: T) => ReactNode;
}) {
  const wide = Grid.useBreakpoint().md ?? true;
  const record = query.data;
  return (
    <Drawer open onClose={onClose} width={wide ? 720 : '100%'} title={record ? title(record) : placeholder} destroyOnHidden>
      {query.isError && <Alert type="error" showIcon message={query.error?.message} />}
      {record ? children(record) : !query.isError && <Skeleton active />}
    </Drawer>
  );
}

/** A step of a record's history, as the API words it. */
export interface HistoryStep {
  at: string;
  actionLabel: string;
  actor: string;
  fromUnit?: string | null;
  toUnit?: string | null;
  /** The reason or note given with the step. */
  note?: string | null;
}

/** A record's history (Lịch sử xử lý): each step, who took it and when, from which unit to which, and why. */
export function HistoryTimeline({ id, steps }: { id: string; steps: HistoryStep[] }) {
  return (
    <section aria-labelledby={id}>
      <Typography.Title level={2} id={id} style={{ fontSize: 18 }}>
        Lịch sử xử lý
      </Typography.Title>
      <Timeline
        items={steps.map((h, i) => ({
          key: i,
          children: (
            <>
              <strong>{h.actionLabel}</strong> — {h.actor}
              <br />
              <Typography.Text type="secondary">{formatInstant(h.at)}</Typography.Text>
              {(h.fromUnit || h.toUnit) && <div>{h.fromUnit ? `Từ ${h.fromUnit} sang ${h.toUnit ?? '—'}` : `Chuyển tới ${h.toUnit}`}</div>}
              {h.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>Lý do: “{h.note}”</div>}
            </>
          ),
        }))}
      />
    </section>
  );
}
