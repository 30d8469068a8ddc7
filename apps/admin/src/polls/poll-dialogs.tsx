import { Alert, App, Button, DatePicker, Form, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { provinceClock, provinceClockText, provinceZoneName } from '../format/dates';
import { topFieldErrors, unplacedProblem } from '../format/form-problems';
import { type Poll, useChangePoll } from './poll-hooks';

/**
 * An open poll given a later end (the only change the API takes once a poll is open): a time of
 * the province after the current end.
 */
export function ExtendDialog({ poll, onClose }: { poll: Poll; onClose: () => void }) {
  const [form] = Form.useForm<{ closesAt?: Dayjs }>();
  const { message } = App.useApp();
  const change = useChangePoll(poll.id);
  const current = provinceClock(poll.closesAt);
  const submit = (v: { closesAt?: Dayjs }) =>
    change.mutate(
      { closesAt: provinceClockText(v.closesAt!) },
      {
        onSuccess: (saved) => {
          message.success(`Đã gia hạn tới ${saved.closesAtText}.`);
          onClose();
        },
        onError: (error) => form.setFields(topFieldErrors(error, ['closesAt'])),
      },
    );
  const problem = unplacedProblem(change.error, ['closesAt']);
  return (
    <Modal open title="Gia hạn cuộc thăm dò" onCancel={onClose} footer={null} width={480} destroyOnHidden>
      <Form form={form} name="extend" layout="vertical" initialValues={{ closesAt: current.add(1, 'day') }} onFinish={submit}>
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph>
          Đang kết thúc lúc <strong>{poll.closesAtText}</strong>. Câu hỏi và các phương án không đổi được nữa vì cuộc thăm dò đã mở.
        </Typography.Paragraph>
        <Form.Item
          label={`Kết thúc mới (${provinceZoneName()})`}
          name="closesAt"
          rules={[
            { required: true, message: 'Hãy chọn thời điểm kết thúc mới.' },
            {
              validator: (_, value?: Dayjs) =>
                !value || value.isAfter(current)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`Thời điểm kết thúc mới phải sau ${current.format('DD/MM/YYYY HH:mm')}.`)),
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" style={{ width: 200 }} />
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
