import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Grid, Input, Radio, Space, TreeSelect, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/client';
import { uploadMedia } from '../content/media';
import { fieldErrors, FormProblem, unplacedProblem } from '../format/form-problems';
import { useUnits } from '../session/lookups';
import { parentSearch, unitsActedFor } from '../units/unit-tree';
import {
  answerTime,
  handlerName,
  type UnitRequest,
  type UnitRequestKind,
  type UnitRequestRoute,
  useSendRequest,
  useUnitRequestRoles,
} from './unit-request-hooks';

const MAX_FILES = 5;
const FIELDS = ['kind', 'unit', 'title', 'description', 'attachments'];

interface Values {
  kind: UnitRequestKind;
  unit?: string;
  title?: string;
  description?: string;
}

/**
 * A new proposal or problem report, written in a drawer: its kind (where it goes and how long the
 * answer may take is said beside it, from the rules), the unit it is sent for (those I work for and
 * the units below them; any, for the IT centre), a title, what is proposed or what went wrong, and
 * up to five files, each uploaded (and checked by its bytes) as soon as it is chosen.
 */
export function SendRequestDrawer({
  routes,
  onClose,
  onSent,
}: {
  routes: UnitRequestRoute[];
  onClose: () => void;
  onSent: (request: UnitRequest) => void;
}) {
  const wide = Grid.useBreakpoint().md ?? true;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const units = useUnits();
  const roles = useUnitRequestRoles();
  const send = useSendRequest();
  const [files, setFiles] = useState<UploadFile<{ id: string }>[]>([]);
  // The files are not a field of the form (antd's Upload keeps its own list): their refusal is said under them here.
  const [filesProblem, setFilesProblem] = useState<string>();
  const kind = Form.useWatch('kind', form) ?? 'proposal';
  const route = routes.find((r) => r.kind === kind);

  // The units I may send for: every one for a province-wide role, else mine and those below them.
  const { options, only } = unitsActedFor(units.data ?? [], roles.sendingUnits);
  const uploading = files.some((f) => f.status === 'uploading');
  // One unit to send for: chosen already, once the units are known.
  useEffect(() => {
    if (only && !form.getFieldValue('unit')) form.setFieldValue('unit', only);
  }, [only, form]);

  const submit = (v: Values) => {
    const broken = files.find((f) => f.status === 'error');
    setFilesProblem(broken ? `Tệp "${broken.name}" chưa tải lên được: hãy bỏ tệp đó hoặc chọn lại.` : undefined);
    if (broken) return;
    send.mutate(
      {
        kind: v.kind,
        unit: v.unit!,
        title: v.title?.trim() ?? '',
        description: v.description?.trim() ?? '',
        attachments: files.flatMap((f) => (f.response?.id ? [f.response.id] : [])),
      },
      {
        onSuccess: (r) => {
          message.success(`Đã gửi ${r.number} tới ${handlerName(r.handler)}.`);
          onSent(r);
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          form.setFields(errors.filter((e) => String((e.name as string[])[0]) !== 'attachments'));
          setFilesProblem(errors.find((e) => String((e.name as string[])[0]) === 'attachments')?.errors[0]);
        },
      },
    );
  };

  return (
    <Drawer open onClose={onClose} width={wide ? 720 : '100%'} title="Gửi đề xuất, phản ánh" destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'proposal' }}>
        <FormProblem text={unplacedProblem(send.error, FIELDS)} />
        <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Hãy chọn loại.' }]}>
          <Radio.Group options={routes.map((r) => ({ value: r.kind, label: r.kindLabel }))} optionType="button" buttonStyle="solid" />
        </Form.Item>
        {route && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            Gửi tới <strong>{handlerName(route.handler)}</strong>, trả lời trong {answerTime(route)} kể từ ngày gửi.
          </Typography.Paragraph>
        )}
        <Form.Item label="Đơn vị gửi" name="unit" rules={[{ required: true, message: 'Hãy chọn đơn vị gửi.' }]}>
          <TreeSelect showSearch={parentSearch} treeDefaultExpandAll placeholder="Chọn hoặc gõ tên đơn vị" treeData={options} />
        </Form.Item>
        <Form.Item
          label="Tiêu đề"
          name="title"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Tiêu đề phải có ít nhất 5 ký tự.' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          label="Nội dung"
          name="description"
          extra={
            kind === 'proposal'
              ? 'Dịch vụ công đề xuất cung cấp trực tuyến: thủ tục hành chính liên quan, đối tượng sử dụng, mức độ đề xuất, lợi ích.'
              : 'Vướng mắc gặp phải: ở đâu, khi nào, ảnh hưởng thế nào, đề nghị xử lý.'
          }
          rules={[{ required: true, whitespace: true, min: 10, message: 'Nội dung phải có ít nhất 10 ký tự.' }]}
        >
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Form.Item
          label="Tệp đính kèm"
          htmlFor="request-attachments"
          validateStatus={filesProblem ? 'error' : undefined}
          help={filesProblem}
          extra={`Tối đa ${MAX_FILES} tệp: ảnh, PDF, Word, Excel. Mỗi tệp được tải lên và kiểm tra ngay khi chọn.`}
        >
          <Upload<{ id: string }>
            id="request-attachments"
            fileList={files}
            maxCount={MAX_FILES}
            multiple
            onChange={({ fileList }) => {
              setFiles(fileList.slice(0, MAX_FILES));
              setFilesProblem(undefined);
            }}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const asset = await uploadMedia(file as File);
                onSuccess?.({ id: asset.id });
              } catch (error) {
                message.error(error instanceof ApiProblem ? error.message : 'Không tải được tệp lên.');
                onError?.(error as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
              Chọn tệp
            </Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={send.isPending} disabled={uploading}>
            Gửi
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
