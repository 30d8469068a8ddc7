import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, Row, Select, Skeleton, Space, TreeSelect, Typography, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { STATUS_LABELS, typeLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { useMe, useSite, useSites, useUnits } from '../session/lookups';
import { WorkflowPanel } from '../workflow/workflow-panel';
import { ConflictDialog } from './conflict-dialog';
import { useContentTypes } from './content-types';
import { localDrafts, type LocalDraft } from './local-drafts';
import { PreviewDrawer } from './preview-drawer';
import { publicMediaUrl, uploadMedia } from './media';
import { RichText, type RichTextHandle } from './rich-text';
import { sectionTree, slugById } from './sections';
import { draftOf, type EditorValues, valuesOf } from './editor-values';
import { formPathOf, TypeFields } from './type-fields';

type Item = Schemas['ContentResponse'];

/**
 * Writing and editing an item of any type: its common parts, the structured fields of its type
 * (generated from the API's description), uploads by drag and drop, a local draft kept as one
 * types, and the item's workflow beside it.
 */
export function ContentEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const types = useContentTypes();
  const sites = useSites();
  const units = useUnits();
  const item = useQuery({
    queryKey: ['content', 'item', id],
    queryFn: () => ok(api.GET('/api/v1/content/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
  /** The saved item this edit started from: its revision is what a save names. */
  const [base, setBase] = useState<Item>();
  /** The revision the text in the form started from: a save names it, an older one is a conflict. */
  const [startedFrom, setStartedFrom] = useState<number>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<{ mine: EditorValues }>();
  const [offer, setOffer] = useState<LocalDraft<EditorValues>>();
  const [previewing, setPreviewing] = useState(false);
  const body = useRef<RichTextHandle | undefined>(undefined);
  const onBodyReady = useCallback((handle: RichTextHandle) => (body.current = handle), []);

  const type = Form.useWatch('type', form);
  const site = Form.useWatch('site', form);
  const siteTree = useSite(site);
  const description = types.data?.find((t) => t.type === type);
  const me = useMe();
  /** The units I write for: a portal contribution names one, the only one by default. */
  const myUnits = useMemo(
    () => (units.data ?? []).filter((u) => me.data?.memberships.some((m) => m.unitId === u.id)),
    [units.data, me.data],
  );
  useEffect(() => {
    if (!id && site === 'portal' && myUnits.length === 1 && !form.getFieldValue('unit')) form.setFieldValue('unit', myUnits[0].code);
  }, [id, site, myUnits, form]);

  // The item as saved fills the form; a local draft left from before is offered, not imposed.
  useEffect(() => {
    if (id && item.data && item.data.id !== base?.id) {
      setBase(item.data);
      setStartedFrom(item.data.revision);
      form.setFieldsValue(valuesOf(item.data));
      setDirty(false);
    }
    const draft = localDrafts.read<EditorValues>(id);
    if (draft && (!id || item.data)) setOffer(draft);
  }, [id, item.data, base?.id, form]);

  /** The local draft is written half a second after the last change; a save cancels a pending write. */
  const draftTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const keepDraft = (values: EditorValues) => {
    clearTimeout(draftTimer.current);
    draftTimer.current = setTimeout(() => localDrafts.write(id, values, startedFrom), 500);
  };
  const dropDraft = () => {
    clearTimeout(draftTimer.current);
    localDrafts.remove(id);
  };

  const restoreDraft = () => {
    if (!offer) return;
    form.setFieldsValue(offer.values);
    if (offer.baseRevision !== undefined) setStartedFrom(offer.baseRevision);
    setDirty(true);
    setOffer(undefined);
  };

  const saved = (next: Item) => {
    dropDraft();
    client.setQueryData(['content', 'item', next.id], next);
    void client.invalidateQueries({ queryKey: ['content', 'list'] });
    void client.invalidateQueries({ queryKey: ['workflow'] });
    setBase(next);
    setStartedFrom(next.revision);
    setDirty(false);
    setProblem(undefined);
    message.success(`Đã lưu (phiên bản ${next.revision}).`);
  };

  const refused = (error: unknown, values: EditorValues) => {
    // Whatever went wrong (an expired session too), the edit stays on this computer.
    clearTimeout(draftTimer.current);
    localDrafts.write(id, values, startedFrom);
    if (error instanceof ApiProblem && error.code === 'CONTENT_STALE_REVISION') return setConflict({ mine: values });
    setProblem(error instanceof ApiProblem ? error.message : 'Không lưu được.');
    if (error instanceof ApiProblem) showFieldProblems(error);
  };

  /** The API's messages next to the fields they name. */
  const showFieldProblems = (error: ApiProblem) =>
    form.setFields(
      error.fields.filter((f) => f.field !== 'expectedRevision').map((f) => ({ name: formPathOf(f.field) as never, errors: [f.message] })),
    );

  /** What the preview renders: the form as it is now, of the saved item or of a new one. */
  const previewRequest = () => {
    const values = form.getFieldsValue(true) as EditorValues;
    return id
      ? { ...draftOf(values), item: id }
      : {
          ...draftOf(values),
          site: values.site,
          type: values.type as Schemas['CreateContentRequest']['type'],
          unit: values.site === 'portal' ? values.unit : undefined,
        };
  };

  const save = async (values: EditorValues, expectedRevision = startedFrom) => {
    setSaving(true);
    try {
      if (!id) {
        const created = await ok(
          api.POST('/api/v1/content', {
            body: {
              ...draftOf(values),
              section: values.section ?? undefined,
              site: values.site!,
              type: values.type as Schemas['CreateContentRequest']['type'],
              unit: values.site === 'portal' ? values.unit : undefined,
            },
          }),
        );
        dropDraft();
        message.success('Đã tạo bản nháp.');
        navigate(`/noi-dung/${created.id}`, { replace: true });
        return;
      }
      saved(
        await ok(
          api.PUT('/api/v1/content/{id}', { params: { path: { id } }, body: { ...draftOf(values), expectedRevision: expectedRevision! } }),
        ),
      );
    } catch (error) {
      refused(error, values);
    } finally {
      setSaving(false);
    }
  };

  const dropped = async (file: File) => {
    try {
      const asset = await uploadMedia(file);
      if (asset.kind === 'image') {
        body.current?.insertImage(publicMediaUrl(asset.id), asset.filename.replace(/\.[^.]+$/, ''));
        message.success(`Đã chèn ảnh ${asset.filename} vào nội dung.`);
      } else if (description?.fields.some((f) => f.name === 'attachments')) {
        const attachments = (form.getFieldValue(['fields', 'attachments']) as unknown[] | undefined) ?? [];
        form.setFieldValue(['fields', 'attachments'], [...attachments, { name: asset.filename, media: asset.id }]);
        setDirty(true);
        message.success(`Đã đính kèm ${asset.filename}.`);
      } else message.info(`Đã tải lên ${asset.filename}: chọn nó ở trường tệp của loại tin này.`);
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : 'Không tải được tệp lên.');
    }
  };

  if (id && item.isError) return <Alert type="error" showIcon message={item.error.message} />;
  if ((id && !base) || types.isLoading) return <Skeleton active />;

  return (
    <section aria-labelledby="editor-title">
      <Space wrap style={{ marginBottom: 8 }}>
        <Link to="/noi-dung">← Nội dung</Link>
      </Space>
      <Typography.Title level={1} id="editor-title" style={{ fontSize: 24 }}>
        {base ? base.title : 'Viết bài mới'}
      </Typography.Title>
      {base && (
        <Space wrap style={{ marginBottom: 16 }}>
          <StatusTag tone="neutral">{typeLabel(base.type)}</StatusTag>
          <StatusTag tone={STATUS_LABELS[base.status]?.tone ?? 'neutral'}>{STATUS_LABELS[base.status]?.label ?? base.status}</StatusTag>
          <Typography.Text type="secondary">
            Phiên bản {base.revision} · lưu lúc {formatInstant(base.updatedAt)}
          </Typography.Text>
          <Link to={`/noi-dung/${base.id}/phien-ban`}>Các phiên bản</Link>
        </Space>
      )}
      {offer && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Có bản nháp chưa lưu trên máy này (lúc ${formatInstant(offer.savedAt)}).`}
          description={
            base && offer.baseRevision !== undefined && offer.baseRevision < base.revision
              ? `Bản nháp soạn trên phiên bản ${offer.baseRevision}; tin bài nay ở phiên bản ${base.revision}. Khi lưu, bạn sẽ thấy những gì đã đổi.`
              : undefined
          }
          action={
            <Space direction="vertical">
              <Button size="small" type="primary" onClick={restoreDraft}>
                Khôi phục
              </Button>
              <Button
                size="small"
                onClick={() => {
                  dropDraft();
                  setOffer(undefined);
                }}
              >
                Bỏ bản nháp
              </Button>
            </Space>
          }
        />
      )}
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Form<EditorValues>
            form={form}
            layout="vertical"
            initialValues={{ fields: {} }}
            onValuesChange={(_, all) => {
              setDirty(true);
              keepDraft(all);
            }}
            onFinish={(v) => void save(v)}
            scrollToFirstError
          >
            {!id && (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="Đăng trên" name="site" rules={[{ required: true, message: 'Hãy chọn trang đăng tin.' }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={(sites.data ?? []).map((s) => ({
                        value: s.key,
                        label: s.kind === 'portal' ? `${s.title} (Cổng tỉnh)` : s.title,
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Loại tin" name="type" rules={[{ required: true, message: 'Hãy chọn loại tin.' }]}>
                    <Select options={(types.data ?? []).map((t) => ({ value: t.type, label: t.label }))} />
                  </Form.Item>
                </Col>
                {site === 'portal' && (
                  <Col xs={24} md={12}>
                    <Form.Item label="Đơn vị gửi bài" name="unit" extra="Để trống nếu bạn chỉ thuộc một đơn vị.">
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
                      />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            )}
            <Form.Item label="Tiêu đề" name="title" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tiêu đề.' }]}>
              <Input maxLength={500} showCount />
            </Form.Item>
            <Form.Item label="Tóm tắt" name="summary">
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label="Chuyên mục" name="section">
              <TreeSelect
                allowClear
                treeDefaultExpandAll
                treeData={sectionTree(siteTree.data?.sections ?? [])}
                placeholder="Chọn chuyên mục"
              />
            </Form.Item>
            <Form.Item label="Nội dung" name="body">
              <RichText id="editor-body" onReady={onBodyReady} />
            </Form.Item>
            <Form.Item label="Ảnh và tệp">
              <Upload.Dragger
                multiple
                showUploadList={false}
                customRequest={({ file, onSuccess }) => void dropped(file as File).then(() => onSuccess?.({}))}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>Kéo thả ảnh hoặc tệp vào đây, hoặc bấm để chọn.</p>
                <p>Ảnh được chèn vào nội dung; tệp PDF, Word, Excel được đính kèm.</p>
              </Upload.Dragger>
            </Form.Item>
            {description && description.fields.length > 0 && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 18, fontWeight: 600, marginBottom: 12 }}>Thông tin của {description.label.toLowerCase()}</legend>
                <TypeFields fields={description.fields} />
              </fieldset>
            )}
            <Space wrap style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0', width: '100%' }}>
              <Button type="primary" htmlType="submit" loading={saving}>
                {id ? 'Lưu' : 'Tạo bản nháp'}
              </Button>
              <Button onClick={() => setPreviewing(true)}>Xem trước</Button>
              {dirty && <Typography.Text type="secondary">Có thay đổi chưa lưu (đã giữ trên máy này).</Typography.Text>}
            </Space>
          </Form>
        </Col>
        {base && (
          <Col xs={24} xl={8}>
            <WorkflowPanel itemId={base.id} dirty={dirty} />
          </Col>
        )}
      </Row>
      <PreviewDrawer open={previewing} request={previewRequest} onClose={() => setPreviewing(false)} onRefused={showFieldProblems} />
      {conflict && base && (
        <ConflictDialog
          startedFrom={startedFrom ?? base.revision}
          itemId={base.id}
          mine={conflict.mine}
          sectionSlugOf={(sectionId) => slugById(siteTree.data?.sections ?? [], sectionId)}
          onClose={() => setConflict(undefined)}
          onMerged={(merged, latest) => {
            setBase(latest);
            setStartedFrom(latest.revision);
            setOffer(undefined);
            form.setFieldsValue(merged);
            setConflict(undefined);
            setDirty(true);
          }}
          onOverwrite={(latest) => {
            setConflict(undefined);
            setOffer(undefined);
            void save(conflict.mine, latest.revision);
          }}
          onDiscard={(latest) => {
            dropDraft();
            setBase(latest);
            setStartedFrom(latest.revision);
            setOffer(undefined);
            form.setFieldsValue(valuesOf(latest));
            setConflict(undefined);
            setDirty(false);
          }}
        />
      )}
    </section>
  );
}
