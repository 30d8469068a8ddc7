import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatInstant } from '../format/dates';
import { DetailDrawer } from '../format/detail-drawer';
import { fieldErrors, FormProblem, unplacedProblem } from '../format/form-problems';
import { ONLINE_SERVICE_STATUS_TONES } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { ServiceFormDrawer } from './service-form';
import { type Decision, type OnlineService, useDecideService, useService } from './service-hooks';

/** The decisions as the console offers them: the action the API lists, the status it leads to, its words. */
const DECISIONS: {
  action: OnlineService['actions'][number];
  status: Decision;
  button: (s: OnlineService) => string;
  done: string;
  reasoned: boolean;
}[] = [
  {
    action: 'activate',
    status: 'active',
    button: (s) => (s.status === 'suspended' ? 'Cung cấp trở lại' : 'Chấp thuận'),
    done: 'Dịch vụ đang được cung cấp trực tuyến và hiện trên chuyên trang của đơn vị.',
    reasoned: false,
  },
  { action: 'decline', status: 'declined', button: () => 'Không chấp thuận', done: 'Đã ghi không chấp thuận.', reasoned: true },
  { action: 'suspend', status: 'suspended', button: () => 'Tạm ngừng', done: 'Đã tạm ngừng dịch vụ.', reasoned: true },
  { action: 'retire', status: 'retired', button: () => 'Ngừng cung cấp', done: 'Đã ngừng cung cấp dịch vụ.', reasoned: true },
];

/**
 * One entry of the registry: its unit, code, level, link, procedure and the proposal it came from;
 * its status with the last decision's reason; and what the API says I may do now (correct it;
 * for the council and the IT centre, decide).
 */
export function ServiceDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  return (
    <DetailDrawer query={useService(id)} title={(s) => s.name} placeholder="Dịch vụ công trực tuyến" onClose={onClose}>
      {(s) => <ServiceDetail service={s} />}
    </DetailDrawer>
  );
}

function ServiceDetail({ service: s }: { service: OnlineService }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState<(typeof DECISIONS)[number]>();
  const decide = useDecideService(s.id);
  const can = new Set(s.actions);
  const decisions = DECISIONS.filter((d) => can.has(d.action));
  const now = (d: (typeof DECISIONS)[number]) =>
    d.reasoned ? setDeciding(d) : decide.mutate({ status: d.status }, { onSuccess: () => void message.success(d.done) });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'status',
            label: 'Trạng thái',
            children: <StatusTag tone={ONLINE_SERVICE_STATUS_TONES[s.status] ?? 'neutral'}>{s.statusLabel}</StatusTag>,
          },
          ...(s.statusNote ? [{ key: 'note', label: 'Lý do', children: s.statusNote }] : []),
          { key: 'unit', label: 'Đơn vị cung cấp', children: s.unit.name },
          { key: 'code', label: 'Mã trên Cổng Dịch vụ công quốc gia', children: s.code ?? 'Chưa có' },
          { key: 'level', label: 'Mức độ', children: s.levelLabel },
          {
            key: 'url',
            label: 'Địa chỉ dịch vụ',
            children: s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                {s.url}
              </a>
            ) : (
              'Chưa có'
            ),
          },
          {
            key: 'procedure',
            label: 'Thủ tục hành chính',
            children: s.procedure ? <Link to={`/noi-dung/${s.procedure.id}`}>{s.procedure.title}</Link> : 'Chưa gắn',
          },
          ...(s.request
            ? [
                {
                  key: 'request',
                  label: 'Từ đề xuất',
                  children: <Link to={`/de-xuat-phan-anh?yeu-cau=${s.request.id}`}>{s.request.number}</Link>,
                },
              ]
            : []),
          { key: 'registered', label: 'Đăng ký', children: `${s.registeredBy}, ${formatInstant(s.registeredAt)}` },
          ...(s.decidedAt
            ? [{ key: 'decided', label: 'Quyết định gần nhất', children: `${s.decidedBy}, ${formatInstant(s.decidedAt)}` }]
            : []),
        ]}
      />
      <section aria-labelledby="service-steps">
        <Typography.Title level={2} id="service-steps" style={{ fontSize: 18 }}>
          Xử lý
        </Typography.Title>
        {decide.isError && !deciding && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={unplacedProblem(decide.error, []) ?? ''} />
        )}
        <Space wrap>
          {decisions.map((d) => (
            <Button
              key={d.action}
              type={d.status === 'active' ? 'primary' : 'default'}
              danger={d.status === 'retired'}
              loading={decide.isPending && decide.variables?.status === d.status}
              onClick={() => now(d)}
            >
              {d.button(s)}
            </Button>
          ))}
          {can.has('edit') && <Button onClick={() => setEditing(true)}>Sửa thông tin</Button>}
        </Space>
        {can.size === 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {s.status === 'registered'
              ? 'Đang chờ Hội đồng biên tập xem xét.'
              : 'Chỉ Hội đồng biên tập hoặc Trung tâm CNTT thay đổi được dịch vụ ở trạng thái này.'}
          </Typography.Paragraph>
        )}
      </section>
      {editing && <ServiceFormDrawer service={s} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {deciding && <ReasonDialog service={s} decision={deciding} onClose={() => setDeciding(undefined)} />}
    </Space>
  );
}

/** A decision that takes a reason (decline, suspend, retire): kept with the entry and in the audit log. */
function ReasonDialog({
  service,
  decision,
  onClose,
}: {
  service: OnlineService;
  decision: (typeof DECISIONS)[number];
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const decide = useDecideService(service.id);
  const title = decision.button(service);
  return (
    <Modal open title={`${title}: ${service.name}`} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          decide.mutate(
            { status: decision.status, note: v.note?.trim() },
            {
              onSuccess: () => {
                message.success(decision.done);
                onClose();
              },
              onError: (error) => form.setFields(fieldErrors(error)),
            },
          )
        }
      >
        <FormProblem text={unplacedProblem(decide.error, ['note'])} />
        <Form.Item label="Lý do" name="note" rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do.' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" danger={decision.status !== 'declined'} htmlType="submit" loading={decide.isPending}>
            {title}
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}
