import { OrderedTextList } from '../format/ordered-text-list';
import { topFieldErrors, unplacedProblem } from '../format/form-problems';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { ApiProblem } from '../api/client';
import { provinceClock, provinceClockText, provinceZoneName } from '../format/dates';
import { type NewPoll, type Poll, POLL_FIELDS, type PollChanges, useChangePoll, useCreatePoll, useManagedSites } from './poll-hooks';

/** The API's bounds on a poll's options (NA-5.5). */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;

interface PollValues {
  site?: string;
  question: string;
  description?: string;
  choice: Poll['choice'];
  maxChoices?: number | null;
  options: string[];
  opensAt?: Dayjs;
  closesAt?: Dayjs;
  resultsShown: Poll['resultsShown'];
}

const TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** The form's values of a poll as it stands, or of a new one: it opens now and runs a week. */
function initialValues(poll: Poll | undefined, site: string | undefined): PollValues {
  if (poll)
    return {
      question: poll.question,
      description: poll.description ?? '',
      choice: poll.choice,
      maxChoices: poll.maxChoices,
      options: poll.options.map((o) => o.label),
      opensAt: provinceClock(poll.opensAt),
      closesAt: provinceClock(poll.closesAt),
      resultsShown: poll.resultsShown,
    };
  const opens = provinceClock().second(0).millisecond(0);
  return {
    site,
    question: '',
    description: '',
    choice: 'single',
    maxChoices: null,
    options: ['', ''],
    opensAt: opens,
    closesAt: opens.add(7, 'day'),
    resultsShown: 'after_vote',
  };
}

/** The request a new poll is: its options trimmed, the times as the province's wall clock. */
function newPoll(v: PollValues): NewPoll {
  return {
    site: v.site!,
    question: v.question.trim(),
    description: v.description?.trim() || undefined,
    choice: v.choice,
    maxChoices: v.choice === 'multiple' && v.maxChoices ? v.maxChoices : undefined,
    options: v.options.map((o) => o.trim()),
    opensAt: provinceClockText(v.opensAt!),
    closesAt: provinceClockText(v.closesAt!),
    resultsShown: v.resultsShown,
  };
}

/** What changed of a poll not yet open: only those fields are sent (a time not touched keeps its seconds). */
function changesOf(before: PollValues, v: PollValues): PollChanges {
  const changes: PollChanges = {};
  if (v.question.trim() !== before.question) changes.question = v.question.trim();
  if ((v.description?.trim() ?? '') !== before.description) changes.description = v.description?.trim() ?? '';
  if (v.choice !== before.choice) changes.choice = v.choice;
  const max = v.choice === 'multiple' ? (v.maxChoices ?? null) : null;
  // No limit any more is sent as null (the API keeps the old one when the field is left out).
  if (v.choice === 'multiple' && max !== before.maxChoices) changes.maxChoices = max as number;
  const options = v.options.map((o) => o.trim());
  if (options.join('\n') !== before.options.join('\n')) changes.options = options;
  if (!v.opensAt!.isSame(before.opensAt, 'minute')) changes.opensAt = provinceClockText(v.opensAt!);
  if (!v.closesAt!.isSame(before.closesAt, 'minute')) changes.closesAt = provinceClockText(v.closesAt!);
  if (v.resultsShown !== before.resultsShown) changes.resultsShown = v.resultsShown;
  return changes;
}

/**
 * A poll written or, before it opens, changed: the site (those I manage), the question and its
 * introduction, single or multiple choice (with at most how many), 2 to 20 options to add, remove
 * and reorder, when it opens and closes (the province's time) and when citizens see the results.
 * The API's refusals are said under the fields they name; any other above the form.
 */
export function PollForm({
  poll,
  site,
  onSaved,
  onCancel,
  onOpened,
}: {
  poll?: Poll;
  site?: string;
  onSaved: (poll: Poll) => void;
  onCancel?: () => void;
  /** The poll opened while it was being edited (409 CITIZENS_POLL_OPENED): the API's words, for the drawer to say. */
  onOpened?: (message: string) => void;
}) {
  const [form] = Form.useForm<PollValues>();
  const { message } = App.useApp();
  const sites = useManagedSites();
  const create = useCreatePoll();
  const change = useChangePoll(poll?.id ?? '');
  const save = poll ? change : create;
  const initial = initialValues(poll, site ?? (sites.open.length === 1 ? sites.open[0]!.key : undefined));
  const choice = Form.useWatch('choice', form) ?? initial.choice;
  const optionCount = (Form.useWatch('options', form) ?? initial.options).length;
  const fields = poll ? POLL_FIELDS.filter((f) => f !== 'site') : POLL_FIELDS;

  const submit = (v: PollValues) => {
    const done = (saved: Poll) => {
      message.success(poll ? 'Đã lưu cuộc thăm dò.' : 'Đã tạo cuộc thăm dò.');
      onSaved(saved);
    };
    const refused = (error: unknown) => {
      if (onOpened && error instanceof ApiProblem && error.code === 'CITIZENS_POLL_OPENED') return onOpened(error.message);
      form.setFields(topFieldErrors(error, fields));
    };
    if (!poll) return create.mutate(newPoll(v), { onSuccess: done, onError: refused });
    const changes = changesOf(initial, v);
    if (Object.keys(changes).length === 0) return void message.info('Không có thay đổi nào để lưu.');
    change.mutate(changes, { onSuccess: done, onError: refused });
  };

  const handedOn = Boolean(onOpened) && save.error instanceof ApiProblem && save.error.code === 'CITIZENS_POLL_OPENED';
  const problem = handedOn ? undefined : unplacedProblem(save.error, fields);
  const alert = useRef<HTMLDivElement>(null);
  // Said where the eye is: the form may be scrolled far below its top.
  useEffect(() => {
    if (problem) alert.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  return (
    <Form<PollValues>
      form={form}
      name="poll"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      // The API's word on the options (duplicates) stands until they change: the list has no rule of its own to clear it.
      onValuesChange={(changed: Partial<PollValues>) => {
        if ('options' in changed) form.setFields([{ name: ['options'], errors: [] }]);
      }}
      scrollToFirstError
    >
      <div ref={alert}>{problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />}</div>
      {poll ? null : (
        <Form.Item
          label="Trang"
          name="site"
          extra="Cổng thông tin của tỉnh hoặc chuyên trang của đơn vị mà bạn quản lý."
          rules={[{ required: true, message: 'Hãy chọn trang đăng cuộc thăm dò.' }]}
        >
          <Select
            showSearch={sites.open.length > 10}
            optionFilterProp="label"
            placeholder="Chọn trang"
            loading={sites.loading}
            options={sites.open.map((s) => ({ value: s.key, label: s.title }))}
          />
        </Form.Item>
      )}
      <Form.Item label="Câu hỏi" name="question" rules={[{ required: true, whitespace: true, message: 'Hãy nhập câu hỏi.' }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label="Giới thiệu (không bắt buộc)" name="description">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label="Hình thức" name="choice">
        <Radio.Group
          aria-label="Hình thức"
          options={[
            { value: 'single', label: 'Chọn một phương án' },
            { value: 'multiple', label: 'Chọn nhiều phương án' },
          ]}
        />
      </Form.Item>
      {choice === 'multiple' && (
        <Form.Item
          label="Số phương án được chọn tối đa"
          name="maxChoices"
          extra="Để trống: người dân chọn bao nhiêu phương án cũng được."
          rules={[{ type: 'number', min: 1, max: optionCount, message: `Từ 1 đến ${optionCount}.` }]}
        >
          <InputNumber min={1} max={MAX_OPTIONS} precision={0} style={{ width: 120 }} />
        </Form.Item>
      )}
      <OptionList />
      <Space wrap align="start" size="middle">
        <Form.Item
          label={`Bắt đầu (${provinceZoneName()})`}
          name="opensAt"
          rules={[{ required: true, message: 'Hãy chọn thời điểm bắt đầu.' }]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={`Kết thúc (${provinceZoneName()})`}
          name="closesAt"
          dependencies={['opensAt']}
          rules={[
            { required: true, message: 'Hãy chọn thời điểm kết thúc.' },
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs) => {
                const opens = getFieldValue('opensAt') as Dayjs | undefined;
                return !value || !opens || value.isAfter(opens)
                  ? Promise.resolve()
                  : Promise.reject(new Error('Thời điểm kết thúc phải sau thời điểm bắt đầu.'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Form.Item label="Công bố kết quả cho người dân" name="resultsShown">
        <Radio.Group
          aria-label="Công bố kết quả cho người dân"
          orientation="vertical"
          options={[
            { value: 'after_vote', label: 'Ngay sau khi bình chọn (và cho mọi người khi kết thúc)' },
            { value: 'after_close', label: 'Chỉ khi cuộc thăm dò kết thúc' },
          ]}
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {poll ? 'Lưu thay đổi' : 'Tạo cuộc thăm dò'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Huỷ</Button>}
      </Space>
    </Form>
  );
}

/** The options, in the order citizens see them: each can be moved up or down or removed; 2 to 20. */
function OptionList() {
  return (
    <OrderedTextList name="options" id="poll-options" noun="phương án" min={MIN_OPTIONS} max={MAX_OPTIONS} heading={<OptionCount />} />
  );
}

function OptionCount() {
  const count = (Form.useWatch('options') as string[] | undefined)?.length ?? 0;
  return (
    <>
      Phương án{' '}
      <Typography.Text type="secondary">
        (từ {MIN_OPTIONS} đến {MAX_OPTIONS}; đang có {count})
      </Typography.Text>
    </>
  );
}
