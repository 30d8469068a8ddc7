import { App, Button, Drawer, Form, Grid, Input, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fieldErrors, FormProblem, unplacedProblem } from '../format/form-problems';
import { useUnits } from '../session/lookups';
import { parentSearch, unitsActedFor } from '../units/unit-tree';
import {
  type OnlineService,
  type ServiceLevel,
  useChangeService,
  useProcedures,
  useRegisterService,
  useServiceRoles,
} from './service-hooks';

interface Values {
  unit?: string;
  name?: string;
  code?: string;
  level: ServiceLevel;
  url?: string;
  procedure?: string;
}

/** What a new entry starts from: a unit's answered proposal (its unit, its title) when it comes from one. */
export interface ServiceDraft {
  unit?: string;
  name?: string;
  request?: { id: string; number: string };
}

/**
 * An entry of the registry written in a drawer: a new registration (the unit it is for: mine and
 * those below, any for the IT centre), or the entry corrected. The name, the code on the National
 * Public Service Portal, the level, the link, and the unit's published procedure it serves (found
 * by words); the proposal it came from, when it comes from one.
 */
export function ServiceFormDrawer({
  service,
  draft,
  onClose,
  onSaved,
}: {
  service?: OnlineService;
  draft?: ServiceDraft;
  onClose: () => void;
  onSaved: (service: OnlineService) => void;
}) {
  const wide = Grid.useBreakpoint().md ?? true;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const units = useUnits();
  const roles = useServiceRoles();
  const register = useRegisterService();
  const change = useChangeService(service?.id ?? '');
  const save = service ? change : register;
  // The fields this form shows: a refusal naming another (the proposal, or the unit of an entry being corrected) is said above it.
  const fields = [...(service ? [] : ['unit']), 'name', 'code', 'level', 'url', 'procedure'];
  const { options, only } = unitsActedFor(units.data ?? [], roles.registeringUnits);
  const unit = (Form.useWatch('unit', form) as string | undefined) ?? service?.unit.code;
  const [words, setWords] = useState('');
  const procedures = useProcedures(unit, words);
  // One unit to register for: chosen already, once the units are known.
  useEffect(() => {
    if (!service && only && !form.getFieldValue('unit')) form.setFieldValue('unit', only);
  }, [service, only, form]);

  const procedureOptions = [
    ...(service?.procedure ? [{ value: service.procedure.id, label: service.procedure.title }] : []),
    ...(procedures.data?.items ?? []).filter((i) => i.id !== service?.procedure?.id).map((i) => ({ value: i.id, label: i.title })),
  ];

  const submit = (v: Values) => {
    const values = {
      name: v.name?.trim() ?? '',
      code: v.code?.trim() || null,
      level: v.level,
      url: v.url?.trim() || null,
      procedure: v.procedure ?? null,
    };
    const done = {
      onSuccess: (s: OnlineService) => {
        message.success(service ? `Đã lưu "${s.name}".` : `Đã đăng ký "${s.name}", chờ Hội đồng biên tập xem xét.`);
        onSaved(s);
      },
      onError: (error: unknown) => form.setFields(fieldErrors(error)),
    };
    if (service) change.mutate(values, done);
    else register.mutate({ ...values, unit: v.unit!, ...(draft?.request ? { request: draft.request.id } : {}) }, done);
  };

  return (
    <Drawer
      open
      onClose={onClose}
      width={wide ? 720 : '100%'}
      title={service ? `Sửa: ${service.name}` : 'Đăng ký dịch vụ công trực tuyến'}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          service
            ? {
                name: service.name,
                code: service.code ?? undefined,
                level: service.level,
                url: service.url ?? undefined,
                procedure: service.procedure?.id,
              }
            : { level: 'full', unit: draft?.unit, name: draft?.name }
        }
      >
        <FormProblem text={unplacedProblem(save.error, fields)} />
        {draft?.request && (
          <Typography.Paragraph>
            Từ đề xuất <strong>{draft.request.number}</strong> của đơn vị.
          </Typography.Paragraph>
        )}
        {service ? (
          <Typography.Paragraph>
            Đơn vị: <strong>{service.unit.name}</strong>
          </Typography.Paragraph>
        ) : (
          <Form.Item label="Đơn vị cung cấp" name="unit" rules={[{ required: true, message: 'Hãy chọn đơn vị cung cấp dịch vụ.' }]}>
            <TreeSelect showSearch={parentSearch} treeDefaultExpandAll placeholder="Chọn hoặc gõ tên đơn vị" treeData={options} />
          </Form.Item>
        )}
        <Form.Item
          label="Tên dịch vụ"
          name="name"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Tên dịch vụ phải có ít nhất 5 ký tự.' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Mức độ" name="level" rules={[{ required: true, message: 'Hãy chọn mức độ.' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'full', label: 'Toàn trình' },
              { value: 'partial', label: 'Một phần' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Mã trên Cổng Dịch vụ công quốc gia"
          name="code"
          extra="Ví dụ 1.004567; để trống khi dịch vụ chưa có mã."
          rules={[{ pattern: /^[0-9A-Za-z][0-9A-Za-z.-]{1,39}$/, message: 'Mã chỉ gồm chữ, số, dấu chấm và gạch ngang, tối đa 40 ký tự.' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label="Địa chỉ dịch vụ"
          name="url"
          extra="Nơi người dân sử dụng dịch vụ (Cổng Dịch vụ công quốc gia hoặc của tỉnh). Bắt buộc trước khi được chấp thuận."
          rules={[{ type: 'url', message: 'Địa chỉ phải là một địa chỉ web đầy đủ (https://…).' }]}
        >
          <Input type="url" placeholder="https://" maxLength={500} />
        </Form.Item>
        <Form.Item
          label="Thủ tục hành chính"
          name="procedure"
          extra="Thủ tục đã đăng của đơn vị mà dịch vụ thực hiện; trang của thủ tục sẽ dẫn tới dịch vụ."
        >
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={setWords}
            loading={procedures.isFetching}
            placeholder={unit ? 'Gõ để tìm thủ tục' : 'Chọn đơn vị trước'}
            disabled={!unit}
            options={procedureOptions}
            notFoundContent={procedures.isFetching ? 'Đang tìm…' : 'Không có thủ tục nào đã đăng khớp.'}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {service ? 'Lưu' : 'Đăng ký'}
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
