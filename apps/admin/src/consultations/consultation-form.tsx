import { OrderedTextList } from '../format/ordered-text-list';
import { topFieldErrors, unplacedProblem } from '../format/form-problems';
import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';
import { formatInstant } from '../format/dates';
import { typeLabel } from '../format/labels';
import { useManagedSites } from '../polls/poll-hooks';
import {
  type ConsultationChanges,
  type ConsultationDetail,
  dayText,
  dayValue,
  type NewConsultation,
  provinceToday,
  useChangeConsultation,
  useCreateConsultation,
  usePublishedItems,
} from './consultation-hooks';

/** The API's bound on a draft's articles. */
const MAX_ARTICLES = 300;

interface ConsultationValues {
  site?: string;
  documentItem?: string;
  title: string;
  summary?: string;
  articles: string[];
  opensOn?: Dayjs;
  closesOn?: Dayjs;
}

/** The fields of the form, as the API names them in a refusal (`errors[].field`). */
const FIELDS = ['site', 'documentItem', 'title', 'summary', 'articles', 'opensOn', 'closesOn'];
const DAY_FORMAT = 'DD/MM/YYYY';

/** The form's values of a consultation as it stands, or of a new one: from today, for 30 days. */
function initialValues(c: ConsultationDetail | undefined, site: string | undefined): ConsultationValues {
  if (c)
    return {
      title: c.title,
      summary: c.summary ?? '',
      articles: c.articles,
      opensOn: dayValue(c.opensOn),
      closesOn: dayValue(c.closesOn),
    };
  const today = provinceToday();
  return { site, title: '', summary: '', articles: [], opensOn: today, closesOn: today.add(29, 'day') };
}

function newConsultation(v: ConsultationValues): NewConsultation {
  return {
    documentItem: v.documentItem!,
    title: v.title.trim(),
    summary: v.summary?.trim() || undefined,
    articles: v.articles.map((a) => a.trim()),
    opensOn: dayText(v.opensOn!),
    closesOn: dayText(v.closesOn!),
  };
}

/** What changed of a consultation not yet open: only those fields are sent. */
function changesOf(before: ConsultationValues, v: ConsultationValues): ConsultationChanges {
  const changes: ConsultationChanges = {};
  if (v.title.trim() !== before.title) changes.title = v.title.trim();
  if ((v.summary?.trim() ?? '') !== before.summary) changes.summary = v.summary?.trim() ?? '';
  const articles = v.articles.map((a) => a.trim());
  if (articles.join('\n') !== before.articles.join('\n')) changes.articles = articles;
  if (!v.opensOn!.isSame(before.opensOn, 'day')) changes.opensOn = dayText(v.opensOn!);
  if (!v.closesOn!.isSame(before.closesOn, 'day')) changes.closesOn = dayText(v.closesOn!);
  return changes;
}

/**
 * A consultation written or, before it opens, changed: the published item carrying the draft (found
 * among a site's published items; new ones only), its title and summary, the articles comments may
 * name (added, removed, reordered) and the first and last day of comments (both included). The
 * API's refusals are said under the fields they name; any other above the form.
 */
export function ConsultationForm({
  consultation,
  site,
  onSaved,
  onCancel,
  onOpened,
}: {
  consultation?: ConsultationDetail;
  site?: string;
  onSaved: (c: ConsultationDetail) => void;
  onCancel?: () => void;
  /** It opened while being edited (409 CITIZENS_CONSULTATION_OPENED): the API's words, for the drawer to say. */
  onOpened?: (message: string) => void;
}) {
  const [form] = Form.useForm<ConsultationValues>();
  const { message } = App.useApp();
  const sites = useManagedSites();
  const create = useCreateConsultation();
  const change = useChangeConsultation(consultation?.id ?? '');
  const save = consultation ? change : create;
  const initial = initialValues(consultation, site ?? (sites.open.length === 1 ? sites.open[0]!.key : undefined));
  const fields = consultation ? FIELDS.filter((f) => f !== 'site' && f !== 'documentItem') : FIELDS;

  const submit = (v: ConsultationValues) => {
    const done = (saved: ConsultationDetail) => {
      message.success(consultation ? 'Đã lưu dự thảo lấy ý kiến.' : 'Đã mở lấy ý kiến dự thảo.');
      onSaved(saved);
    };
    const refused = (error: unknown) => {
      if (onOpened && error instanceof ApiProblem && error.code === 'CITIZENS_CONSULTATION_OPENED') return onOpened(error.message);
      form.setFields(topFieldErrors(error, fields));
    };
    if (!consultation) return create.mutate(newConsultation(v), { onSuccess: done, onError: refused });
    const changes = changesOf(initial, v);
    if (Object.keys(changes).length === 0) return void message.info('Không có thay đổi nào để lưu.');
    change.mutate(changes, { onSuccess: done, onError: refused });
  };

  const handedOn = Boolean(onOpened) && save.error instanceof ApiProblem && save.error.code === 'CITIZENS_CONSULTATION_OPENED';
  const problem = handedOn ? undefined : unplacedProblem(save.error, fields);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alert.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const chosenSite = Form.useWatch('site', form) ?? initial.site;

  return (
    <Form<ConsultationValues>
      form={form}
      name="consultation"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onValuesChange={(changed: Partial<ConsultationValues>) => {
        if ('articles' in changed) form.setFields([{ name: ['articles'], errors: [] }]);
        if ('site' in changed) form.setFieldValue('documentItem', undefined);
      }}
      scrollToFirstError
    >
      <div ref={alert}>{problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />}</div>
      {!consultation && (
        <>
          <Form.Item
            label="Trang"
            name="site"
            extra="Trang đã đăng tin bài mang dự thảo; đơn vị của tin là cơ quan chủ trì soạn thảo."
            rules={[{ required: true, message: 'Hãy chọn trang.' }]}
          >
            <Select
              showSearch={sites.open.length > 10}
              optionFilterProp="label"
              placeholder="Chọn trang"
              loading={sites.loading}
              options={sites.open.map((s) => ({ value: s.key, label: s.title }))}
            />
          </Form.Item>
          <DocumentPicker
            site={chosenSite}
            onPicked={(title) => {
              if (!form.getFieldValue('title')) form.setFieldValue('title', title);
            }}
          />
        </>
      )}
      <Form.Item
        label="Tên dự thảo"
        name="title"
        rules={[
          { required: true, whitespace: true, message: 'Hãy nhập tên dự thảo.' },
          { min: 5, message: 'Tên dự thảo phải có ít nhất 5 ký tự.' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label="Tóm tắt (không bắt buộc)" name="summary">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <ArticleList />
      <Space wrap align="start" size="middle">
        <Form.Item label="Ngày bắt đầu" name="opensOn" rules={[{ required: true, message: 'Hãy chọn ngày bắt đầu.' }]}>
          <DatePicker format={DAY_FORMAT} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          label="Ngày kết thúc (tính cả ngày này)"
          name="closesOn"
          dependencies={['opensOn']}
          rules={[
            { required: true, message: 'Hãy chọn ngày kết thúc.' },
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs) => {
                const opens = getFieldValue('opensOn') as Dayjs | undefined;
                return !value || !opens || !value.isBefore(opens, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Ngày kết thúc không được trước ngày bắt đầu.'));
              },
            }),
          ]}
        >
          <DatePicker format={DAY_FORMAT} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {consultation ? 'Lưu thay đổi' : 'Mở lấy ý kiến'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Huỷ</Button>}
      </Space>
    </Form>
  );
}

/**
 * The published item carrying the draft: a site's published items, the latest first, found by
 * words of the title or summary (accents ignored, as on the Nội dung screen), one chosen.
 */
function DocumentPicker({ site, onPicked }: { site?: string; onPicked: (title: string) => void }) {
  const [q, setQ] = useState<string>();
  const found = usePublishedItems(site, q);
  const items = found.data?.items ?? [];
  return (
    <>
      <Form.Item label="Tìm tin bài đã đăng" htmlFor="consultation-q" extra="Gõ vài chữ của tiêu đề (không cần dấu) rồi nhấn Enter.">
        <Input.Search
          id="consultation-q"
          allowClear
          disabled={!site}
          loading={found.isFetching}
          onSearch={(words) => setQ(words.trim() || undefined)}
        />
      </Form.Item>
      <Form.Item label="Tin bài mang dự thảo" required extra="Tin đã đăng có tệp dự thảo đính kèm (thường là một thông báo).">
        {!site ? (
          <Typography.Text type="secondary">Chọn trang trước.</Typography.Text>
        ) : (
          items.length === 0 &&
          !found.isLoading && (
            <Typography.Text type="secondary">
              {q ? 'Không có tin bài đã đăng nào khớp.' : 'Trang này chưa có tin bài nào đã đăng.'}
            </Typography.Text>
          )
        )}
        <Form.Item name="documentItem" noStyle rules={[{ required: true, message: 'Hãy chọn tin bài đã đăng mang dự thảo.' }]}>
          <Radio.Group
            aria-label="Tin bài mang dự thảo"
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            onChange={(e) => onPicked(items.find((i) => i.id === e.target.value)?.title ?? '')}
            options={items.map((i) => ({
              value: i.id,
              label: (
                <span style={{ overflowWrap: 'anywhere' }}>
                  {i.title}{' '}
                  <Typography.Text type="secondary">
                    ({typeLabel(i.type)}, đăng {formatInstant(i.publishedAt)})
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form.Item>
      {found.data?.more && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
          Chỉ hiện 10 tin mới nhất; gõ thêm chữ để thu hẹp.
        </Typography.Paragraph>
      )}
    </>
  );
}

/** The draft's articles, in the order of the draft: each can be moved up or down or removed; none means comments on the whole. */
function ArticleList() {
  return (
    <OrderedTextList
      name="articles"
      id="consultation-articles"
      noun="điều khoản"
      max={MAX_ARTICLES}
      heading={<ArticleCount />}
      hint="Người góp ý chọn điều khoản mình góp ý, hoặc góp ý chung cho toàn bộ dự thảo."
      rules={[{ min: 2, message: 'Tên điều khoản phải có ít nhất 2 ký tự.' }]}
      placeholder="Điều 1. Phạm vi điều chỉnh"
    />
  );
}

function ArticleCount() {
  const count = (Form.useWatch('articles') as string[] | undefined)?.length ?? 0;
  return (
    <>
      Các điều khoản được góp ý <Typography.Text type="secondary">(không bắt buộc; đang có {count})</Typography.Text>
    </>
  );
}
