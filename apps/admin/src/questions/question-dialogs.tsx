import { App, Button, Form, Input, Modal, Result, Space, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { sectionTree } from '../content/sections';
import { useSite, useUnits } from '../session/lookups';
import { parentOptions, parentSearch } from '../units/unit-tree';
import { AnswerLink } from './answer-link';
import { fieldErrors, FormProblem, unplacedProblem } from '../format/form-problems';
import { type Question, type ReasonStep, useAssign, useDraftAnswer, useReasonStep } from './question-hooks';

/**
 * Sends the question to a unit, or moves it on from the one it is at: then the reason is asked in
 * the form (the API refuses a move without one, and its refusals go under their fields).
 */
export function AssignDialog({ question, onClose }: { question: Question; onClose: () => void }) {
  const [form] = Form.useForm<{ unit?: string; reason?: string }>();
  const { message } = App.useApp();
  const units = useUnits();
  const assign = useAssign(question.id);
  const moving = question.unit !== null;
  const submit = (v: { unit?: string; reason?: string }) =>
    assign.mutate(
      { unit: v.unit!, reason: v.reason?.trim() || undefined },
      {
        onSuccess: (q) => {
          message.success(`Đã chuyển câu hỏi tới ${q.unit?.name ?? v.unit}.`);
          onClose();
        },
        onError: (error) => form.setFields(fieldErrors(error)),
      },
    );
  const title = moving ? 'Chuyển sang đơn vị khác' : 'Chuyển đơn vị trả lời';
  return (
    <Modal open title={title} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(assign.error, ['unit', 'reason'])} />
        {moving && (
          <Typography.Paragraph>
            Đang ở: <strong>{question.unit?.name}</strong>
          </Typography.Paragraph>
        )}
        <Form.Item label="Đơn vị trả lời" name="unit" rules={[{ required: true, message: 'Hãy chọn đơn vị trả lời.' }]}>
          <TreeSelect
            showSearch={parentSearch}
            treeDefaultExpandAll
            placeholder="Chọn hoặc gõ tên đơn vị"
            treeData={parentOptions(units.data ?? [], new Set(question.unit ? [question.unit.code] : []))}
          />
        </Form.Item>
        <Form.Item
          label={moving ? 'Lý do chuyển (bắt buộc)' : 'Ghi chú'}
          name="reason"
          extra={moving ? 'Ghi vào lịch sử xử lý của câu hỏi.' : undefined}
          rules={moving ? [{ required: true, whitespace: true, message: 'Hãy ghi lý do chuyển sang đơn vị khác.' }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={assign.isPending}>
            Chuyển
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}

const REASON_DIALOGS: Record<ReasonStep, { title: string; button: string; note: string; done: string; danger: boolean }> = {
  decline: {
    title: 'Từ chối trả lời câu hỏi',
    button: 'Từ chối trả lời',
    note: 'Câu hỏi được đóng mà không trả lời (ví dụ: không thuộc thẩm quyền, là đơn khiếu nại cần gửi theo thủ tục riêng).',
    done: 'Đã từ chối trả lời câu hỏi.',
    danger: true,
  },
  spam: {
    title: 'Đánh dấu thư rác',
    button: 'Đánh dấu thư rác',
    note: 'Câu hỏi được đóng và giữ lại với lý do; có thể bỏ đánh dấu nếu nhầm.',
    done: 'Đã đánh dấu thư rác.',
    danger: true,
  },
  notSpam: {
    title: 'Bỏ đánh dấu thư rác',
    button: 'Bỏ đánh dấu thư rác',
    note: 'Câu hỏi trở lại để xử lý (về đơn vị đã nhận, nếu có).',
    done: 'Đã bỏ đánh dấu thư rác.',
    danger: false,
  },
};

/** Declining, marking as spam and taking the mark off: each with its reason, kept in the history. */
export function ReasonDialog({ question, step, onClose }: { question: Question; step: ReasonStep; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const run = useReasonStep(question.id);
  const d = REASON_DIALOGS[step];
  const submit = (v: { reason: string }) =>
    run.mutate(
      { step, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(d.done);
          onClose();
        },
        onError: (error) => form.setFields(fieldErrors(error)),
      },
    );
  return (
    <Modal open title={d.title} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <FormProblem text={unplacedProblem(run.error, ['reason'])} />
        <Typography.Paragraph>{d.note}</Typography.Paragraph>
        <Form.Item label="Lý do" name="reason" rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do.' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" danger={d.danger} htmlType="submit" loading={run.isPending}>
            {d.button}
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface AnswerValues {
  answer: string;
  question: string;
  title: string;
  section?: string;
}

/**
 * The answer drafted: a faq item of the question's unit on the site it was asked on, with the
 * question as it will be published (personal details may be taken out) and its title. Then the
 * item goes through its workflow in the editor, like any other item.
 */
export function AnswerDialog({ question, onClose }: { question: Question; onClose: () => void }) {
  const [form] = Form.useForm<AnswerValues>();
  const draft = useDraftAnswer(question.id);
  const site = useSite(question.site);
  const [itemId, setItemId] = useState<string>();
  const submit = (v: AnswerValues) =>
    draft.mutate(
      {
        answer: v.answer.trim(),
        // Sent only when changed: the API keeps the question and title as asked otherwise.
        question: v.question.trim() !== question.body ? v.question.trim() : undefined,
        title: v.title.trim() !== question.title ? v.title.trim() : undefined,
        section: v.section || undefined,
      },
      { onSuccess: (drafted) => setItemId(drafted.itemId), onError: (error) => form.setFields(fieldErrors(error)) },
    );

  return (
    <Modal open title="Soạn trả lời" onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {itemId ? (
        <Result
          status="success"
          title="Đã tạo bản nháp câu trả lời"
          subTitle="Câu trả lời là một tin Hỏi đáp; mở nó để gửi duyệt và đăng theo quy trình như mọi tin bài. Câu hỏi được coi là đã trả lời khi tin được đăng."
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              <AnswerLink itemId={itemId} published={false} />
              <Button onClick={onClose}>Đóng</Button>
            </Space>
          }
        />
      ) : (
        <Form<AnswerValues>
          form={form}
          layout="vertical"
          initialValues={{ question: question.body, title: question.title }}
          onFinish={submit}
        >
          <FormProblem text={unplacedProblem(draft.error, ['answer', 'question', 'title', 'section'])} />
          <Form.Item label="Câu trả lời" name="answer" rules={[{ required: true, whitespace: true, message: 'Hãy nhập câu trả lời.' }]}>
            <Input.TextArea rows={8} maxLength={20000} />
          </Form.Item>
          <Form.Item
            label="Câu hỏi khi công bố"
            name="question"
            extra="Như người hỏi đã viết; có thể bỏ bớt thông tin cá nhân trước khi công bố."
            rules={[{ required: true, whitespace: true, message: 'Hãy giữ nội dung câu hỏi.' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label="Tiêu đề khi công bố" name="title" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề.' }]}>
            <Input maxLength={300} />
          </Form.Item>
          {site.data && (site.data.sections ?? []).length > 0 && (
            <Form.Item label="Chuyên mục" name="section" extra={`Của ${site.data.title}; để trống thì chọn sau trong trang soạn tin.`}>
              <TreeSelect allowClear treeDefaultExpandAll treeData={sectionTree(site.data.sections ?? [])} />
            </Form.Item>
          )}
          <Typography.Paragraph type="secondary">
            {question.showName
              ? 'Người hỏi đồng ý hiện tên: tên đi kèm câu hỏi khi đăng. Thư điện tử và số điện thoại không bao giờ được công bố.'
              : 'Tên, thư điện tử và số điện thoại của người hỏi không được công bố.'}
          </Typography.Paragraph>
          <Space>
            <Button type="primary" htmlType="submit" loading={draft.isPending}>
              Tạo bản trả lời
            </Button>
            <Button onClick={onClose}>Huỷ</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
