import { App, Button, Card, Descriptions, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../api/client';
import { DownloadButtons } from '../format/download';
import { formatInstant } from '../format/dates';
import { RejectDialog } from './consultation-dialogs';
import { type ConsultationDetail, type StaffComment, summaryFile, useModerate } from './consultation-hooks';
import { CommentStatusTag } from './consultation-phase';

/** The status filter, pending first (what is waiting for a moderator); `all` shows every comment. */
export const COMMENT_FILTERS = ['pending', 'published', 'rejected', 'all'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];
const FILTER_LABELS: Record<CommentFilter, string> = {
  pending: 'Chờ duyệt',
  published: 'Đã công bố',
  rejected: 'Không công bố',
  all: 'Tất cả',
};

const ERASED = 'Đã xóa theo thời hạn lưu trữ';

/**
 * The comments received, filtered by status (pending first), each with its article, author,
 * organisation, e-mail, text and day; each published or kept off the portal with a reason. Then
 * the summary for the drafting agency, every comment per article, as XLSX or CSV.
 */
export function ConsultationComments({
  consultation,
  filter,
  onFilter,
}: {
  consultation: ConsultationDetail;
  filter: CommentFilter;
  onFilter: (f: CommentFilter) => void;
}) {
  const count = (f: CommentFilter) =>
    f === 'all' ? consultation.comments.length : consultation.comments.filter((c) => c.status === f).length;
  const shown = filter === 'all' ? consultation.comments : consultation.comments.filter((c) => c.status === filter);
  const [rejecting, setRejecting] = useState<StaffComment>();
  return (
    <section aria-labelledby="consultation-comments-title">
      <Typography.Title level={2} id="consultation-comments-title" style={{ fontSize: 18 }}>
        Ý kiến góp ý ({consultation.comments.length.toLocaleString('vi-VN')})
      </Typography.Title>
      <Radio.Group
        aria-label="Lọc ý kiến theo tình trạng"
        optionType="button"
        value={filter}
        onChange={(e) => onFilter(e.target.value as CommentFilter)}
        options={COMMENT_FILTERS.map((f) => ({ value: f, label: `${FILTER_LABELS[f]} (${count(f)})` }))}
        style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
      />
      {shown.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {filter === 'pending' ? 'Không có ý kiến nào chờ duyệt.' : 'Không có ý kiến nào.'}
        </Typography.Paragraph>
      ) : (
        <ol aria-label="Các ý kiến" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
          {shown.map((c) => (
            <li key={c.id}>
              <CommentCard consultation={consultation} comment={c} onReject={() => setRejecting(c)} />
            </li>
          ))}
        </ol>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        Tổng hợp cho cơ quan chủ trì soạn thảo
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Mọi ý kiến đã nhận, theo từng điều khoản (góp ý chung trước), kèm tình trạng và lý do không công bố.
      </Typography.Paragraph>
      <DownloadButtons
        call={(format) => summaryFile(consultation.id, format)}
        fallbackName={(format) => `tong-hop-gop-y-${consultation.id.slice(0, 8)}.${format}`}
      />
      {rejecting && <RejectDialog consultationId={consultation.id} comment={rejecting} onClose={() => setRejecting(undefined)} />}
    </section>
  );
}

/** What stands for an e-mail left out: erased once the retention period passed, or never given. */
function emailOf(consultation: ConsultationDetail, c: StaffComment): string {
  if (c.email) return c.email;
  // The name of a comment never published is erased with the address: then both were erased.
  if (c.authorName === null) return ERASED;
  return consultation.phase === 'open' || consultation.phase === 'upcoming' ? 'Không để lại' : `Không để lại hoặc ${ERASED.toLowerCase()}`;
}

function CommentCard({
  consultation,
  comment: c,
  onReject,
}: {
  consultation: ConsultationDetail;
  comment: StaffComment;
  onReject: () => void;
}) {
  const { message } = App.useApp();
  const moderate = useModerate(consultation.id);
  const publish = () =>
    moderate.mutate(
      { commentId: c.id, decision: 'published' },
      {
        onSuccess: () => void message.success('Đã công bố ý kiến.'),
        onError: (error) => void message.error(error instanceof ApiProblem ? error.message : 'Chưa công bố được, vui lòng thử lại.'),
      },
    );
  const titleId = `comment-${c.id}`;
  return (
    <Card size="small" role="article" aria-labelledby={titleId}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {c.articleLabel}
        </Typography.Text>
        <CommentStatusTag comment={c} />
      </Space>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'author', label: 'Người góp ý', children: c.authorName ?? ERASED },
          ...(c.organisation ? [{ key: 'org', label: 'Cơ quan, tổ chức', children: c.organisation }] : []),
          { key: 'email', label: 'Thư điện tử', children: <span style={{ overflowWrap: 'anywhere' }}>{emailOf(consultation, c)}</span> },
          { key: 'when', label: 'Ngày gửi', children: formatInstant(c.submittedAt) },
          ...(c.moderatedAt
            ? [{ key: 'moderated', label: 'Kiểm duyệt', children: `${c.moderatedBy ?? ''}, ${formatInstant(c.moderatedAt)}` }]
            : []),
          ...(c.status === 'rejected' && c.moderationReason
            ? [{ key: 'reason', label: 'Lý do không công bố', children: c.moderationReason }]
            : []),
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 8 }}>{c.body}</Typography.Paragraph>
      <Space wrap>
        {c.status !== 'published' && (
          <Button type="primary" onClick={publish} loading={moderate.isPending} aria-describedby={titleId}>
            Công bố
          </Button>
        )}
        {c.status !== 'rejected' && (
          <Button danger onClick={onReject} aria-describedby={titleId}>
            Không công bố
          </Button>
        )}
      </Space>
    </Card>
  );
}

export const isCommentFilter = (value: string | undefined): value is CommentFilter =>
  (COMMENT_FILTERS as readonly string[]).includes(value ?? '');
