import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formPathOf } from '../content/type-fields';
import { useMe, useUnits } from '../session/lookups';

type Profile = Schemas['UnitProfileRequest'];

/** A list of people or divisions: each entry its card, add and remove. */
function Entries({ name, label, children }: { name: string; label: string; children: (row: number) => React.ReactNode }) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              title={`${label} ${index + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                <Button
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`Xoá ${label.toLowerCase()} ${index + 1}`}
                  onClick={() => remove(row.name)}
                />
              }
            >
              {children(row.name)}
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})}>
            Thêm {label.toLowerCase()}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * A unit's public profile (NA-5.1): functions and duties, leaders, addresses and the phones of the
 * divisions that deal with citizens, as the portal's unit page shows them. The unit's head edits
 * it (and those of the units below), the IT centre any unit's.
 */
export function UnitProfilePage() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const units = useUnits();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Profile>();
  const heads = me.data?.memberships.filter((m) => m.role === 'unit_head' || m.role === 'tenant_admin') ?? [];
  const everyUnit = heads.some((m) => m.role === 'tenant_admin');
  const mine = (units.data ?? []).filter((u) => u.active && (everyUnit || heads.some((m) => m.unitId === u.id)));
  const code = params.get('don-vi') ?? mine[0]?.code;
  const unit = useQuery({
    queryKey: ['units', code],
    queryFn: () => ok(api.GET('/api/v1/units/{code}', { params: { path: { code: code! } } })),
    enabled: Boolean(code),
  });
  useEffect(() => {
    if (unit.data) form.setFieldsValue({ divisions: [], leaders: [], fieldsOfActivity: [], ...unit.data.profile });
  }, [unit.data, form]);
  const save = useMutation({
    mutationFn: (profile: Profile) => ok(api.PUT('/api/v1/units/{code}/profile', { params: { path: { code: code! } }, body: profile })),
    onSuccess: (saved) => {
      client.setQueryData(['units', code], saved);
      message.success('Đã lưu hồ sơ đơn vị.');
    },
    onError: (error) => {
      message.error(error instanceof ApiProblem ? error.message : 'Không lưu được.');
      if (error instanceof ApiProblem)
        form.setFields(error.fields.map((f) => ({ name: formPathOf(f.field.replace(/^profile\./, '')) as never, errors: [f.message] })));
    },
  });

  return (
    <section aria-labelledby="profile-title">
      <Typography.Title level={1} id="profile-title" style={{ fontSize: 24 }}>
        Hồ sơ đơn vị
      </Typography.Title>
      {units.data && mine.length === 0 && <Alert type="info" showIcon message="Bạn không phụ trách hồ sơ đơn vị nào." />}
      {mine.length > 1 && (
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="profile-unit">Đơn vị</label>
          <Select
            id="profile-unit"
            style={{ width: 280 }}
            showSearch
            optionFilterProp="label"
            value={code}
            onChange={(v) => setParams({ 'don-vi': v }, { replace: true })}
            options={mine.map((u) => ({ value: u.code, label: u.name }))}
          />
        </Space>
      )}
      {unit.isError && <Alert type="error" showIcon message={unit.error.message} />}
      {code && unit.isLoading && <Skeleton active />}
      {unit.data && (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 880 }}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {unit.data.name}
          </Typography.Title>
          <Form.Item label="Chức năng" name="functions">
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item label="Nhiệm vụ, quyền hạn" name="duties">
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Form.Item label="Lĩnh vực hoạt động" name="fieldsOfActivity" extra="Gõ rồi nhấn Enter để thêm từng lĩnh vực.">
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Địa chỉ" name="address">
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Điện thoại" name="phone">
                <Input type="tel" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}>
                <Input type="email" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Trang web" name="website">
                <Input type="url" maxLength={300} placeholder="https://" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            Lãnh đạo
          </Typography.Title>
          <Entries name="leaders" label="Lãnh đạo">
            {(row) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="Họ và tên" name={[row, 'name']} rules={[{ required: true, message: 'Hãy nhập họ và tên.' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Chức vụ" name={[row, 'title']} rules={[{ required: true, message: 'Hãy nhập chức vụ.' }]}>
                    <Input placeholder="Giám đốc" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Điện thoại" name={[row, 'phone']}>
                    <Input type="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Thư điện tử" name={[row, 'email']}>
                    <Input type="email" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Entries>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            Phòng, bộ phận
          </Typography.Title>
          <Entries name="divisions" label="Bộ phận">
            {(row) => (
              <>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item label="Tên" name={[row, 'name']} rules={[{ required: true, message: 'Hãy nhập tên bộ phận.' }]}>
                      <Input placeholder="Bộ phận một cửa" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label="Điện thoại" name={[row, 'phone']}>
                      <Input type="tel" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item label="Nhiệm vụ" name={[row, 'duties']}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name={[row, 'handlesCitizens']} valuePropName="checked">
                  <Checkbox>Trực tiếp giải quyết công việc với người dân, tổ chức (hiện trên cổng)</Checkbox>
                </Form.Item>
              </>
            )}
          </Entries>
          <div style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu hồ sơ
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
