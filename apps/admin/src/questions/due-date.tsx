import { Space, Typography } from 'antd';
import { formatDay } from '../format/dates';
import { StatusTag } from '../format/status-tag';
import type { QuestionSummary } from './question-hooks';

/** The last day to answer on time; past it (and still open) marked in words as well as colour. */
export function DueDate({ question }: { question: Pick<QuestionSummary, 'due' | 'overdue'> }) {
  if (!question.due) return <Typography.Text type="secondary">Không quy định</Typography.Text>;
  if (!question.overdue) return <>{formatDay(question.due)}</>;
  return (
    <Space size={4} wrap>
      <strong style={{ color: '#a8071a' }}>{formatDay(question.due)}</strong>
      <StatusTag tone="bad">Quá hạn</StatusTag>
    </Space>
  );
}
