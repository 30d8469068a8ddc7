import { App, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { FormProblem, topFieldErrors, unplacedProblem } from '../format/form-problems';
import type { Dayjs } from 'dayjs';
import { type ConsultationDetail, dayText, dayValue, type StaffComment, useChangeConsultation, useModerate } from './consultation-hooks';

/** An open consultation given a later last day (the only change the API takes once it is open). */
export function ExtendDialog({ consultation, onClose }: { consultation: ConsultationDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ closesOn?: Dayjs }>();
  const { message } = App.useApp();
  const change = useChangeConsultation(consultation.id);
  const current = dayValue(consultation.closesOn);
  const submit = (v: { closesOn?: Dayjs }) =>
    change.mutate(
      { closesOn: dayText(v.closesOn!) },
      {
        onSuccess: (saved) => {
          message.success(`Đã gia hạn: lấy ý kiến ${saved.period}.`);
          onClose();
        },
        onError: (error) => form.setFields(topFieldErrors(error, ['closesOn'])),
      },
    );
  return (
    <Modal open title="Gia hạn lấy ý kiến" onCancel={onClose} footer={null} width={480} destroyOnHidden>
      <Form form={form} name="extend" layout="vertical" initialValues={{ closesOn: current.add(7, 'day') }} onFinish={submit}>
        <FormProblem text={unplacedProblem(change.error, ['closesOn'])} />
        <Typography.Paragraph>
          Đang lấy ý kiến <strong>{consultation.period}</strong>. Nội dung và các điều khoản không đổi được nữa vì việc lấy ý kiến đã bắt
          đầu.
        </Typography.Paragraph>
        <Form.Item
          label="Ngày kết thúc mới (tính cả ngày này)"
          name="closesOn"
          rules={[
            { required: true, message: 'Hãy chọn ngày kết thúc mới.' },
            {
              validator: (_, value?: Dayjs) =>
                !value || value.isAfter(current, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(`Ngày kết thúc mới phải sau ngày ${current.format('DD/MM/YYYY')}.`)),
            },
          ]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            Gia hạn
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * A comment kept off the portal: the reason is required (refused in the form before any request;
 * the API's own refusal, 422 CITIZENS_REASON_REQUIRED, goes under the field too). The drafting
 * agency reads it beside the comment in the summary.
 */
export function RejectDialog({ consultationId, comment, onClose }: { consultationId: string; comment: StaffComment; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const moderate = useModerate(consultationId);
  const submit = (v: { reason: string }) =>
    moderate.mutate(
      { commentId: comment.id, decision: 'rejected', reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success('Đã không công bố ý kiến.');
          onClose();
        },
        onError: (error) => form.setFields(topFieldErrors(error, ['reason'])),
      },
    );
  return (
    <Modal open title="Không công bố ý kiến" onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form form={form} name="reject" layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(moderate.error, ['reason'])} />
        <Typography.Paragraph>
          Ý kiến của <strong>{comment.authorName ?? 'người góp ý'}</strong> về <strong>{comment.articleLabel}</strong> không hiện trên cổng.
          Lý do được giữ lại cho cơ quan chủ trì soạn thảo và có trong bản tổng hợp.
        </Typography.Paragraph>
        <Form.Item
          label="Lý do không công bố"
          name="reason"
          rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do không công bố.' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={moderate.isPending}>
            Không công bố
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}
