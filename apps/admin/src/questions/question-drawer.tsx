import { FormOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant } from '../format/dates';
import { DetailDrawer, HistoryTimeline } from '../format/detail-drawer';
import { formatSize, useDownload } from '../format/download';
import { QUESTION_STATUS_LABELS } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { useSites, useUnits } from '../session/lookups';
import { DueDate } from '../format/due-date';
import { AnswerLink } from './answer-link';
import { AnswerDialog, AssignDialog, ReasonDialog } from './question-dialogs';
import { attachmentFile, type Question, type ReasonStep, useQuestion } from './question-hooks';

type Open = { dialog: 'assign' } | { dialog: 'answer' } | { dialog: 'reason'; step: ReasonStep };

/**
 * One question for the officials: what was asked, where and when; who asked and how to reach them
 * (until the retention period erases it); its history; and the steps the API says I may take now
 * (route to a unit or move it on, decline, mark or unmark spam, draft the answer). The API judges
 * each step and answers the question as it then stands.
 */
export function QuestionDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  return (
    <DetailDrawer query={useQuestion(id)} title={(q) => q.title} placeholder="Câu hỏi" onClose={onClose}>
      {(q) => <QuestionDetail question={q} />}
    </DetailDrawer>
  );
}

function QuestionDetail({ question: q }: { question: Question }) {
  const sites = useSites();
  const units = useUnits();
  const [open, setOpen] = useState<Open>();
  const siteTitle =
    sites.data?.find((s) => s.key === q.site)?.title ??
    (q.site === 'portal' ? 'Cổng thông tin điện tử tỉnh' : `Chuyên trang ${units.data?.find((u) => u.code === q.site)?.name ?? q.site}`);
  // The API says what I may do with this question now; the console offers that and nothing else.
  const can = new Set(q.actions);
  const steps = {
    assign: can.has('assign') || can.has('reassign'),
    decline: can.has('decline'),
    spam: can.has('spam'),
    notSpam: can.has('not-spam'),
    answer: can.has('answer'),
  };
  const anyStep = Object.values(steps).some(Boolean);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'reference', label: 'Mã câu hỏi', children: q.reference },
          {
            key: 'status',
            label: 'Trạng thái',
            children: <StatusTag tone={QUESTION_STATUS_LABELS[q.status]?.tone ?? 'neutral'}>{q.statusLabel}</StatusTag>,
          },
          { key: 'site', label: 'Gửi trên', children: siteTitle },
          { key: 'unit', label: 'Đơn vị trả lời', children: q.unit?.name ?? 'Chưa chuyển đơn vị' },
          { key: 'received', label: 'Nhận lúc', children: formatInstant(q.receivedAt) },
          { key: 'due', label: 'Hạn trả lời', children: <DueDate due={q.due} overdue={q.overdue} /> },
          ...(q.answeredAt ? [{ key: 'answered', label: 'Đã trả lời lúc', children: formatInstant(q.answeredAt) }] : []),
          ...(q.closedAt && !q.answeredAt ? [{ key: 'closed', label: 'Đóng lúc', children: formatInstant(q.closedAt) }] : []),
          ...(q.spamReason ? [{ key: 'spam', label: 'Lý do là thư rác', children: q.spamReason }] : []),
        ]}
      />

      <section aria-labelledby="question-body">
        <Typography.Title level={2} id="question-body" style={{ fontSize: 18 }}>
          Nội dung câu hỏi
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>{q.body}</Typography.Paragraph>
        <Attachment question={q} />
      </section>

      <section aria-labelledby="question-asker">
        <Typography.Title level={2} id="question-asker" style={{ fontSize: 18 }}>
          Người hỏi
        </Typography.Title>
        {q.contactsErasedAt ? (
          <Typography.Paragraph>
            Đã xóa theo thời hạn lưu trữ (lúc {formatInstant(q.contactsErasedAt)}): họ tên, thư điện tử, số điện thoại và tệp đính kèm của
            người hỏi không còn trên hệ thống.
          </Typography.Paragraph>
        ) : (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: 'Họ và tên', children: q.askerName ?? '—' },
              { key: 'email', label: 'Thư điện tử', children: q.email ? <a href={`mailto:${q.email}`}>{q.email}</a> : '—' },
              { key: 'phone', label: 'Điện thoại', children: q.phone ? <a href={`tel:${q.phone}`}>{q.phone}</a> : '—' },
              {
                key: 'show',
                label: 'Công khai tên',
                children: q.showName ? 'Đồng ý hiện tên cùng câu trả lời' : 'Không hiện tên khi đăng câu trả lời',
              },
              { key: 'consent', label: 'Đồng ý xử lý dữ liệu cá nhân', children: formatInstant(q.consentedAt) },
            ]}
          />
        )}
        <Typography.Text type="secondary">
          Thư điện tử và số điện thoại chỉ dùng để trả lời người hỏi, không bao giờ được công bố.
        </Typography.Text>
      </section>

      <section aria-labelledby="question-steps">
        <Typography.Title level={2} id="question-steps" style={{ fontSize: 18 }}>
          Xử lý
        </Typography.Title>
        <Space wrap>
          {steps.answer && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => setOpen({ dialog: 'answer' })}>
              Soạn trả lời
            </Button>
          )}
          {steps.assign && (
            <Button onClick={() => setOpen({ dialog: 'assign' })}>{q.unit ? 'Chuyển sang đơn vị khác' : 'Chuyển đơn vị'}</Button>
          )}
          {steps.decline && <Button onClick={() => setOpen({ dialog: 'reason', step: 'decline' })}>Từ chối trả lời</Button>}
          {steps.spam && (
            <Button danger onClick={() => setOpen({ dialog: 'reason', step: 'spam' })}>
              Đánh dấu thư rác
            </Button>
          )}
          {steps.notSpam && <Button onClick={() => setOpen({ dialog: 'reason', step: 'notSpam' })}>Bỏ đánh dấu thư rác</Button>}
        </Space>
        {q.answerItemId && (
          <p style={{ marginTop: 8 }}>
            <AnswerLink itemId={q.answerItemId} published={q.status === 'answered'} />
          </p>
        )}
        {!anyStep && !q.answerItemId && (
          <Typography.Text type="secondary">
            {['answered', 'declined', 'spam'].includes(q.status)
              ? 'Câu hỏi đã đóng.'
              : 'Bạn không có bước nào để thực hiện với câu hỏi này ở trạng thái hiện tại.'}
          </Typography.Text>
        )}
      </section>

      <HistoryTimeline id="question-history" steps={q.history.map((h) => ({ ...h, note: h.reason }))} />

      {open?.dialog === 'assign' && <AssignDialog question={q} onClose={() => setOpen(undefined)} />}
      {open?.dialog === 'reason' && <ReasonDialog question={q} step={open.step} onClose={() => setOpen(undefined)} />}
      {open?.dialog === 'answer' && <AnswerDialog question={q} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

/** The file the citizen sent, downloaded with the session's token; never public, erased with the contacts. */
function Attachment({ question: q }: { question: Question }) {
  const download = useDownload();
  if (!q.attachment) return null;
  const { filename, size } = q.attachment;
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        Tệp đính kèm: {filename} ({formatSize(size)})
      </Typography.Text>
      <Button
        icon={<PaperClipOutlined />}
        loading={download.busy('attachment')}
        onClick={() => download.start({ format: 'attachment', call: () => attachmentFile(q.id), fallbackName: filename })}
      >
        Tải tệp đính kèm
      </Button>
    </Space>
  );
}
