import { Alert, Button, Form, Input, Modal, Select, Space, TreeSelect } from 'antd';
import { ApiProblem } from '../api/client';
import { fieldErrors, useAddUnit, useUnitKinds } from './unit-hooks';
import { parentOptions, parentSearch, type Unit } from './unit-tree';

interface Values {
  code: string;
  name: string;
  kind?: string;
  parent?: string;
}

/**
 * Adding a unit: its code (kept for good: addresses and the rule files name it), name, kind and the
 * unit it comes under. The API's refusals are shown under the fields they name.
 */
export function UnitFormDialog({
  units,
  parent,
  onClose,
  onAdded,
}: {
  units: Unit[];
  parent?: string;
  onClose: () => void;
  onAdded: (unit: Unit) => void;
}) {
  const [form] = Form.useForm<Values>();
  const add = useAddUnit();
  const kinds = useUnitKinds();
  const submit = (v: Values) =>
    add.mutate(
      { code: v.code.trim(), name: v.name.trim(), kind: v.kind!, parent: v.parent || undefined },
      { onSuccess: onAdded, onError: (error) => form.setFields(fieldErrors(error)) },
    );
  // A refusal that names no field is said above the form; one that does, under its field.
  const unplaced = add.error && !(add.error instanceof ApiProblem && add.error.fields.length > 0);

  return (
    <Modal title="Thêm đơn vị" open onCancel={onClose} footer={null} width={560}>
      <Form<Values> form={form} layout="vertical" initialValues={{ parent }} onFinish={submit}>
        {unplaced && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message={add.error instanceof ApiProblem ? add.error.message : 'Chưa thêm được đơn vị.'}
          />
        )}
        <Form.Item
          label="Mã đơn vị"
          name="code"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' }]}
          extra='Chữ thường không dấu, chữ số và dấu "-", ví dụ so-y-te. Không đổi được sau khi thêm.'
        >
          <Input autoComplete="off" maxLength={63} />
        </Form.Item>
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: 'Hãy nhập tên đơn vị (ít nhất 2 ký tự).' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Hãy chọn loại đơn vị.' }]}>
          <Select showSearch optionFilterProp="label" options={kinds.options} />
        </Form.Item>
        <Form.Item label="Trực thuộc" name="parent" extra="Để trống: đơn vị ở cấp cao nhất của cây.">
          <TreeSelect allowClear showSearch={parentSearch} treeDefaultExpandAll treeData={parentOptions(units)} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Thêm
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}
