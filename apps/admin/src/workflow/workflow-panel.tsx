import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { dayjs, formatInstant, provinceZone } from '../format/dates';
import { StatusTag } from '../format/status-tag';

type Action = Schemas['WorkflowActionResponse'];
type Workflow = Schemas['ItemWorkflowResponse'];

interface StepForm {
  comment?: string;
  publishAt?: ReturnType<typeof dayjs>;
  genre?: string;
  points?: number;
}

/** The comment a step that must say why needs (the API's own minimum is three characters). */
const MIN_COMMENT = 3;

/**
 * The step the user chose, confirmed in a dialog: a comment where the rules require one (refused in
 * the form, before any request), the time for a scheduled publication in the province's zone.
 */
function StepDialog({ action, workflow, onClose }: { action: Action; workflow: Workflow; onClose: () => void }) {
  const client = useQueryClient();
  const [form] = Form.useForm<StepForm>();
  const [problem, setProblem] = useState<string>();
  const schedules = action.toPhase === 'scheduled';
  const genre = Form.useWatch('genre', form) ?? action.royalty?.defaultGenre;
  const chosen = action.royalty?.genres.find((g) => g.id === genre);
  const step = useMutation({
    mutationFn: (v: StepForm) =>
      ok(
        api.POST('/api/v1/content/{id}/transitions', {
          params: { path: { id: workflow.itemId } },
          body: {
            action: action.action,
            version: workflow.version,
            comment: v.comment?.trim() || undefined,
            // A wall-clock time of the province (no offset): the API reads it in the province's zone.
            publishAt: v.publishAt ? v.publishAt.format('YYYY-MM-DDTHH:mm') : undefined,
            royalty: v.genre ? { genre: v.genre, points: v.points } : undefined,
          },
        }),
      ),
    onSuccess: async () => {
      // A step changes the item, the queues and, once it publishes, where the unit stands.
      await Promise.all(['content', 'workflow', 'compliance'].map((key) => client.invalidateQueries({ queryKey: [key] })));
      onClose();
    },
    onError: (error) => setProblem(error instanceof ApiProblem ? error.message : 'Không thực hiện được.'),
  });
  return (
    <Modal
      open
      title={action.label}
      okText={action.label}
      cancelText="Huỷ"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={step.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ genre: action.royalty?.defaultGenre ?? undefined }}
        onFinish={(v) => step.mutate(v)}
      >
        {action.royalty && (
          <>
            <Form.Item label="Thể loại nhuận bút (LC-3.1c)" name="genre" rules={[{ required: true, message: 'Hãy chọn thể loại.' }]}>
              <Select
                options={action.royalty.genres.map((g) => ({
                  value: g.id,
                  label: `${g.name} — ${g.points === g.maxPoints ? g.points : `${g.points}–${g.maxPoints}`} điểm`,
                }))}
                onChange={() => form.setFieldValue('points', undefined)}
              />
            </Form.Item>
            {chosen && chosen.maxPoints > chosen.points && (
              <Form.Item
                label={`Số điểm (từ ${chosen.points} đến ${chosen.maxPoints})`}
                name="points"
                rules={[
                  {
                    type: 'number',
                    min: chosen.points,
                    max: chosen.maxPoints,
                    message: `Từ ${chosen.points} đến ${chosen.maxPoints} điểm.`,
                  },
                ]}
              >
                <InputNumber min={chosen.points} max={chosen.maxPoints} step={0.1} placeholder={String(chosen.points)} />
              </Form.Item>
            )}
          </>
        )}
        {schedules && (
          <Form.Item
            label={`Thời điểm đăng (giờ ${provinceZone() === 'Asia/Ho_Chi_Minh' ? 'Việt Nam' : provinceZone()})`}
            name="publishAt"
            rules={[
              { required: true, message: 'Hãy chọn thời điểm đăng.' },
              {
                validator: (_, v) =>
                  !v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error('Thời điểm đăng phải ở tương lai.')),
              },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item
          label={action.commentRequired ? 'Lý do (bắt buộc)' : 'Ghi chú'}
          name="comment"
          rules={
            action.commentRequired
              ? [
                  { required: true, whitespace: true, message: 'Hãy ghi lý do: người soạn cần biết phải sửa gì.' },
                  { min: MIN_COMMENT, message: `Lý do cần ít nhất ${MIN_COMMENT} ký tự.` },
                ]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Where the item stands in its workflow, the steps open to me, and its history with comments. */
export function WorkflowPanel({ itemId, dirty }: { itemId: string; dirty: boolean }) {
  const [chosen, setChosen] = useState<Action>();
  const workflow = useQuery({
    queryKey: ['workflow', 'item', itemId],
    queryFn: () => ok(api.GET('/api/v1/content/{id}/workflow', { params: { path: { id: itemId } } })),
  });
  const history = useQuery({
    queryKey: ['workflow', 'history', itemId],
    queryFn: () => ok(api.GET('/api/v1/content/{id}/transitions', { params: { path: { id: itemId } } })),
  });
  const w = workflow.data;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Quy trình</h2>} size="small">
      {workflow.isError && <Alert type="error" showIcon message={workflow.error.message} />}
      {w && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{w.workflow.name}</Typography.Text>
            <br />
            Trạng thái: <StatusTag tone="info">{w.state.label}</StatusTag>
            {w.publishAt && <div>Hẹn đăng: {formatInstant(w.publishAt)}</div>}
          </div>
          {dirty && w.actions.length > 0 && <Alert type="info" showIcon message="Hãy lưu thay đổi trước khi chuyển bước." />}
          <Space wrap>
            {w.actions.map((a) => (
              <Button
                key={a.action}
                type={a.toPhase === 'published' || a.toPhase === 'review' ? 'primary' : 'default'}
                danger={a.commentRequired && a.toPhase !== 'review'}
                disabled={dirty}
                onClick={() => setChosen(a)}
              >
                {a.label}
              </Button>
            ))}
          </Space>
          {w.actions.length === 0 && (
            <Typography.Text type="secondary">Bạn không có bước nào để thực hiện ở trạng thái này.</Typography.Text>
          )}
        </Space>
      )}
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
        Lịch sử
      </Typography.Title>
      <Timeline
        items={(history.data ?? [])
          .slice()
          .reverse()
          .map((h) => ({
            children: (
              <>
                <strong>{h.actionLabel}</strong> — {h.actorLabel}
                <br />
                <Typography.Text type="secondary">{formatInstant(h.at)}</Typography.Text>
                {h.comment && <div>“{h.comment}”</div>}
              </>
            ),
          }))}
      />
      {history.data?.length === 0 && <Typography.Text type="secondary">Chưa có bước nào.</Typography.Text>}
      {chosen && w && <StepDialog action={chosen} workflow={w} onClose={() => setChosen(undefined)} />}
    </Card>
  );
}
