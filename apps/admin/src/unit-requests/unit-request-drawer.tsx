import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useServiceRoles } from '../online-services/service-hooks';
import { useUnits } from '../session/lookups';
import { codesActedFor } from '../units/unit-tree';
import { ApiProblem } from '../api/client';
import { formatInstant } from '../format/dates';
import { DetailDrawer, HistoryTimeline } from '../format/detail-drawer';
import { formatSize, useDownload } from '../format/download';
import { DueDate } from '../format/due-date';
import { UNIT_REQUEST_STATUS_TONES } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { AnswerDialog, ForwardDialog, WithdrawDialog } from './unit-request-dialogs';
import { attachmentFile, handlerName, type UnitRequest, useTakeUp, useUnitRequest } from './unit-request-hooks';

type Open = 'forward' | 'answer' | 'withdraw';

/**
 * One request for both sides: what the unit asks or reports, its files, the answer once given, its
 * history, and the steps the API says I may take now (take it up, move it on, answer; or, on the
 * sending side, take it back). The API judges each step and answers the request as it then stands.
 */
export function UnitRequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  return (
    <DetailDrawer query={useUnitRequest(id)} title={(r) => r.title} placeholder="Đề xuất, phản ánh" onClose={onClose}>
      {(r) => <RequestDetail request={r} />}
    </DetailDrawer>
  );
}

function RequestDetail({ request: r }: { request: UnitRequest }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>();
  const takeUp = useTakeUp(r.id);
  const can = new Set(r.actions);
  const closed = r.status === 'answered' || r.status === 'withdrawn';
  const navigate = useNavigate();
  // An answered proposal may become an entry of the registry of online services (LC-2.1.3).
  const units = useUnits();
  const registering = codesActedFor(units.data ?? [], useServiceRoles().registeringUnits);
  const registers = r.kind === 'proposal' && r.status === 'answered' && (registering === 'all' || registering.has(r.unit.code));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'number', label: 'Số', children: r.number },
          { key: 'kind', label: 'Loại', children: r.kindLabel },
          {
            key: 'status',
            label: 'Trạng thái',
            children: <StatusTag tone={UNIT_REQUEST_STATUS_TONES[r.status] ?? 'neutral'}>{r.statusLabel}</StatusTag>,
          },
          { key: 'unit', label: 'Đơn vị gửi', children: r.unit.name },
          { key: 'handler', label: 'Đơn vị trả lời', children: handlerName(r.handler) },
          { key: 'sent', label: 'Gửi lúc', children: formatInstant(r.sentAt) },
          { key: 'due', label: 'Hạn trả lời', children: <DueDate due={r.dueOn} overdue={r.overdue} /> },
          ...(r.answeredAt ? [{ key: 'answered', label: 'Đã trả lời lúc', children: formatInstant(r.answeredAt) }] : []),
        ]}
      />

      <section aria-labelledby="request-body">
        <Typography.Title level={2} id="request-body" style={{ fontSize: 18 }}>
          Nội dung
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
          {r.description}
        </Typography.Paragraph>
        <Attachments request={r} />
      </section>

      {r.answer && (
        <section aria-labelledby="request-answer">
          <Typography.Title level={2} id="request-answer" style={{ fontSize: 18 }}>
            Trả lời của {handlerName(r.handler)}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
            {r.answer}
          </Typography.Paragraph>
        </section>
      )}

      <section aria-labelledby="request-steps">
        <Typography.Title level={2} id="request-steps" style={{ fontSize: 18 }}>
          Xử lý
        </Typography.Title>
        {takeUp.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            message={takeUp.error instanceof ApiProblem ? takeUp.error.message : 'Chưa thực hiện được, vui lòng thử lại.'}
          />
        )}
        <Space wrap>
          {can.has('take-up') && (
            <Button
              type="primary"
              loading={takeUp.isPending}
              onClick={() => takeUp.mutate(undefined, { onSuccess: (t) => void message.success(`Đã tiếp nhận ${t.number}.`) })}
            >
              Tiếp nhận
            </Button>
          )}
          {can.has('answer') && (
            <Button type={can.has('take-up') ? 'default' : 'primary'} onClick={() => setOpen('answer')}>
              Trả lời
            </Button>
          )}
          {can.has('forward') && <Button onClick={() => setOpen('forward')}>Chuyển đơn vị xử lý</Button>}
          {can.has('withdraw') && (
            <Button danger onClick={() => setOpen('withdraw')}>
              Rút lại
            </Button>
          )}
        </Space>
        {can.size === 0 && !registers && (
          <Typography.Text type="secondary">
            {closed ? 'Yêu cầu đã đóng.' : 'Bạn không có bước nào để thực hiện với yêu cầu này ở trạng thái hiện tại.'}
          </Typography.Text>
        )}
        {registers && (
          <div style={{ marginTop: 12 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              Yêu cầu đã đóng. Khi dịch vụ được cung cấp trực tuyến, đăng ký dịch vụ vào sổ dịch vụ công trực tuyến của tỉnh.
            </Typography.Paragraph>
            <Button onClick={() => navigate(`/dich-vu-cong?tu-de-xuat=${r.id}`)}>Đăng ký vào sổ dịch vụ công</Button>
          </div>
        )}
      </section>

      <HistoryTimeline id="request-history" steps={r.history} />

      {open === 'forward' && <ForwardDialog request={r} onClose={() => setOpen(undefined)} />}
      {open === 'answer' && <AnswerDialog request={r} onClose={() => setOpen(undefined)} />}
      {open === 'withdraw' && <WithdrawDialog request={r} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

/** The files sent with it, downloaded with the session's token (uploads are never public before an item links them). */
function Attachments({ request: r }: { request: UnitRequest }) {
  const download = useDownload();
  if (r.attachments.length === 0) return null;
  return (
    <List
      style={{ marginTop: 12 }}
      size="small"
      header={<strong>Tệp đính kèm</strong>}
      dataSource={r.attachments}
      renderItem={(a) => (
        <List.Item
          actions={[
            <Button
              key="download"
              icon={<PaperClipOutlined />}
              aria-label={`Tải về ${a.filename}`}
              loading={download.busy(a.id)}
              onClick={() => download.start({ format: a.id, call: () => attachmentFile(a.id), fallbackName: a.filename })}
            >
              Tải về
            </Button>,
          ]}
        >
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>
            {a.filename} ({formatSize(a.size)})
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
