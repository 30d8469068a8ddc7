import { App, Button, Form, Input, Modal, Space, TreeSelect, Typography } from 'antd';
import { fieldErrors, FormProblem, unplacedProblem } from '../format/form-problems';
import { useUnits } from '../session/lookups';
import { parentOptions, parentSearch } from '../units/unit-tree';
import { handlerName, type UnitRequest, useAnswer, useForward, useWithdraw } from './unit-request-hooks';

/** Moves the request on to another unit, with a reason kept in its history; that unit is told. */
export function ForwardDialog({ request, onClose }: { request: UnitRequest; onClose: () => void }) {
  const [form] = Form.useForm<{ unit?: string; reason?: string }>();
  const { message } = App.useApp();
  const units = useUnits();
  const forward = useForward(request.id);
  const submit = (v: { unit?: string; reason?: string }) =>
    forward.mutate(
      { unit: v.unit!, reason: v.reason?.trim() ?? '' },
      {
        onSuccess: (r) => {
          message.success(`Đã chuyển ${r.number} tới ${handlerName(r.handler)}.`);
          onClose();
        },
        onError: (error) => form.setFields(fieldErrors(error)),
      },
    );
  return (
    <Modal open title="Chuyển đơn vị xử lý" onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(forward.error, ['unit', 'reason'])} />
        <Typography.Paragraph>
          Đang ở: <strong>{handlerName(request.handler)}</strong>
        </Typography.Paragraph>
        <Form.Item label="Đơn vị xử lý mới" name="unit" rules={[{ required: true, message: 'Hãy chọn đơn vị xử lý.' }]}>
          <TreeSelect
            showSearch={parentSearch}
            treeDefaultExpandAll
            placeholder="Chọn hoặc gõ tên đơn vị"
            treeData={parentOptions(units.data ?? [], new Set(request.handler ? [request.handler.code] : []))}
          />
        </Form.Item>
        <Form.Item
          label="Lý do chuyển"
          name="reason"
          extra="Ghi vào lịch sử xử lý; đơn vị nhận được thông báo."
          rules={[{ required: true, whitespace: true, min: 3, message: 'Vui lòng cho biết lý do chuyển.' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={forward.isPending}>
            Chuyển
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The handling unit's answer: it closes the request, and the sending unit is told. */
export function AnswerDialog({ request, onClose }: { request: UnitRequest; onClose: () => void }) {
  const [form] = Form.useForm<{ answer?: string }>();
  const { message } = App.useApp();
  const answer = useAnswer(request.id);
  const submit = (v: { answer?: string }) =>
    answer.mutate(
      { answer: v.answer?.trim() ?? '' },
      {
        onSuccess: (r) => {
          message.success(`Đã trả lời ${r.number}.`);
          onClose();
        },
        onError: (error) => form.setFields(fieldErrors(error)),
      },
    );
  return (
    <Modal open title={`Trả lời ${request.number}`} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(answer.error, ['answer'])} />
        <Form.Item
          label="Nội dung trả lời"
          name="answer"
          extra={`Gửi tới ${request.unit.name}; yêu cầu được đóng sau khi trả lời.`}
          rules={[{ required: true, whitespace: true, min: 10, message: 'Nội dung trả lời phải có ít nhất 10 ký tự.' }]}
        >
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            Gửi trả lời
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The sending side takes an open request back, with a reason; the handling unit is told. */
export function WithdrawDialog({ request, onClose }: { request: UnitRequest; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const { message } = App.useApp();
  const withdraw = useWithdraw(request.id);
  const submit = (v: { reason?: string }) =>
    withdraw.mutate(
      { reason: v.reason?.trim() ?? '' },
      {
        onSuccess: (r) => {
          message.success(`Đã rút lại ${r.number}.`);
          onClose();
        },
        onError: (error) => form.setFields(fieldErrors(error)),
      },
    );
  return (
    <Modal open title={`Rút lại ${request.number}`} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(withdraw.error, ['reason'])} />
        <Form.Item
          label="Lý do rút lại"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 3, message: 'Vui lòng cho biết lý do rút lại.' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button danger type="primary" htmlType="submit" loading={withdraw.isPending}>
            Rút lại
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}
