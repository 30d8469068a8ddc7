import { Space, Typography } from 'antd';
import { formatDay } from './dates';
import { StatusTag } from './status-tag';

/** The last day to answer on time (YYYY-MM-DD); past it (and still open) marked in words as well as colour. */
export function DueDate({ due, overdue }: { due: string | null | undefined; overdue: boolean }) {
  if (!due) return <Typography.Text type="secondary">Không quy định</Typography.Text>;
  if (!overdue) return <>{formatDay(due)}</>;
  return (
    <Space size={4} wrap>
      <strong style={{ color: '#a8071a' }}>{formatDay(due)}</strong>
      <StatusTag tone="bad">Quá hạn</StatusTag>
    </Space>
  );
}
