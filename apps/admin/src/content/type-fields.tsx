import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Upload } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { dayjs } from '../format/dates';
import { ApiProblem, type Schemas } from '../api/client';
import { uploadMedia } from './media';

/** One field of a content type, as `GET /api/v1/content/types` describes it (the API's own validators). */
export type FieldDescription = Schemas['ContentEntryFieldResponse'] & { entry?: Schemas['ContentFieldEntryResponse'] };

const isFileRef = (f: FieldDescription) => Boolean(f.entry?.fields.some((e) => e.name === 'media'));

/** A calendar date kept as the API wants it (YYYY-MM-DD), picked and shown as dd/mm/yyyy. */
const dateProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value, 'YYYY-MM-DD') : undefined }),
  normalize: (value?: { format(f: string): string } | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

function rulesOf(f: FieldDescription) {
  return f.presence === 'required' && f.kind !== 'true/false' ? [{ required: true, message: `Hãy nhập ${f.label.toLowerCase()}.` }] : [];
}

/** A file the item links to: an upload of the province (its id) or an address elsewhere. */
function FileRefInput({ path, absolute = path, label }: { path: NamePath[]; absolute?: NamePath[]; label: string }) {
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  const media = Form.useWatch([...absolute, 'media'], form) as string | undefined;
  return (
    <Card size="small" title={label} style={{ marginBottom: 12 }}>
      <Form.Item label="Tên tệp hiển thị" name={[...path, 'name']} rules={[{ required: true, message: 'Hãy đặt tên cho tệp.' }]}>
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const asset = await uploadMedia(file as File);
              const name = form.getFieldValue([...absolute, 'name']) as string | undefined;
              form.setFieldValue([...absolute, 'media'], asset.id);
              form.setFieldValue([...absolute, 'url'], undefined);
              if (!name) form.setFieldValue([...absolute, 'name'], asset.filename);
              onSuccess?.(asset);
            } catch (error) {
              message.error(error instanceof ApiProblem ? error.message : 'Không tải được tệp lên.');
              onError?.(error as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />}>{media ? 'Thay tệp' : 'Tải tệp lên'}</Button>
        </Upload>
        {media && <span>Đã tải lên (mã {media.slice(0, 8)})</span>}
      </Space>
      <Form.Item name={[...path, 'media']} hidden>
        <Input />
      </Form.Item>
      {!media && (
        <Form.Item label="Hoặc địa chỉ tệp ở nơi khác" name={[...path, 'url']} style={{ marginTop: 12 }}>
          <Input type="url" placeholder="https://" />
        </Form.Item>
      )}
    </Card>
  );
}

function Scalar({ f, name, label }: { f: FieldDescription; name: NamePath; label: string }) {
  const common = { label, name, rules: rulesOf(f), extra: f.note };
  if (f.values)
    return (
      <Form.Item {...common}>
        <Select allowClear={f.presence !== 'required'} options={f.values.map((v) => ({ value: v.value, label: v.label }))} />
      </Form.Item>
    );
  if (f.kind === 'date')
    return (
      <Form.Item {...common} {...dateProps}>
        <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
      </Form.Item>
    );
  if (f.kind === 'whole number')
    return (
      <Form.Item {...common}>
        <InputNumber min={0} precision={0} style={{ width: 220 }} />
      </Form.Item>
    );
  if (f.kind === 'true/false')
    return (
      <Form.Item {...common} valuePropName="checked">
        <Switch />
      </Form.Item>
    );
  return (
    <Form.Item {...common}>
      {(f.maxLength ?? 0) > 500 ? <Input.TextArea rows={3} maxLength={f.maxLength} /> : <Input maxLength={f.maxLength} />}
    </Form.Item>
  );
}

/** A list of entries (steps, dossier parts, files) or of lines (legal bases): add, remove, each its fields. */
function ListField({ f, path }: { f: FieldDescription; path: NamePath[] }) {
  return (
    <Form.Item label={f.label} required={f.presence === 'required'} extra={f.note}>
      <Form.List name={path}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <div key={row.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  {f.entry ? (
                    isFileRef(f) ? (
                      <FileRefInput path={[row.name]} absolute={[...path, row.name]} label={`${f.label} ${index + 1}`} />
                    ) : (
                      <Card size="small" title={`${f.label} ${index + 1}`} style={{ marginBottom: 12 }}>
                        {f.entry.fields.map((e) => (
                          <FieldInput key={e.name} f={e} path={[row.name, e.name]} />
                        ))}
                      </Card>
                    )
                  ) : (
                    <Scalar f={{ ...f, list: false }} name={row.name} label={`${f.label} ${index + 1}`} />
                  )}
                </div>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`Xoá ${f.label.toLowerCase()} ${index + 1}`}
                  onClick={() => remove(row.name)}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(f.entry ? {} : '')}>
              Thêm {f.label.toLowerCase()}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function FieldInput({ f, path }: { f: FieldDescription; path: NamePath[] }) {
  if (f.list) return <ListField f={f} path={path} />;
  if (f.entry && isFileRef(f)) return <FileRefInput path={path} label={f.label} />;
  if (f.entry)
    return (
      <Card size="small" title={f.label} style={{ marginBottom: 12 }}>
        {f.entry.fields.map((e) => (
          <FieldInput key={e.name} f={e} path={[...path, e.name]} />
        ))}
      </Card>
    );
  return <Scalar f={f} name={path} label={f.label} />;
}

/** The structured fields of a content type, as a form generated from the API's description of them. */
export function TypeFields({ fields }: { fields: FieldDescription[] }) {
  return (
    <>
      {fields.map((f) => (
        <FieldInput key={f.name} f={f} path={['fields', f.name]} />
      ))}
    </>
  );
}

/** The fields as the API takes them: no empty strings, nulls or empty entries of optional parts. */
export function cleanFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanFields).filter((v) => v !== undefined);
  if (value && typeof value === 'object' && !dayjs.isDayjs(value)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, cleanFields(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null) return undefined;
  return typeof value === 'string' ? value.trim() || undefined : value;
}

/** `fields.steps[2].title` (as problem+json names a field) → the form's path ['fields', 'steps', 2, 'title']. */
export function formPathOf(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
