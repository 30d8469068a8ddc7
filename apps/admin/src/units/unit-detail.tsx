import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Select, Skeleton, Space, Table, TreeSelect, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiProblem, type Schemas } from '../api/client';
import { emptyText } from '../format/empty-text';
import { roleLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { fieldErrors, useChangeUnit, useDeactivateUnit, useSetTeamLeader, useTeam, useUnitKinds } from './unit-hooks';
import { parentOptions, parentSearch, subtreeOf, type Unit } from './unit-tree';

type Member = Schemas['TeamMemberView'];

interface Changes {
  name: string;
  kind: string;
  parent?: string | null;
}

/**
 * One unit for the IT centre: what it is and where it sits, its information team with the leader
 * responsible for it (NA-8.1, LC-3.1a), and the changes: rename, kind, move, deactivate.
 */
export function UnitDetail({
  unit,
  units,
  onAddBelow,
  onMoved,
}: {
  unit: Unit;
  units: Unit[];
  onAddBelow: () => void;
  onMoved: (parent: string | null) => void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Changes>();
  const change = useChangeUnit();
  const kinds = useUnitKinds();
  const deactivate = useDeactivateUnit();
  const nameOf = (code: string | null | undefined) => units.find((u) => u.code === code)?.name ?? code;
  const below = units.filter((u) => u.parent === unit.code && u.active);

  const save = (v: Changes) => {
    const parent = v.parent ?? null;
    const body: Schemas['UpdateUnitRequest'] = {};
    if (v.name.trim() !== unit.name) body.name = v.name.trim();
    if (v.kind !== unit.kind) body.kind = v.kind;
    if (parent !== (unit.parent ?? null)) body.parent = parent;
    if (Object.keys(body).length === 0) return void message.info('Không có thay đổi nào để lưu.');
    change.mutate(
      { code: unit.code, body },
      {
        onSuccess: () => {
          message.success('Đã lưu đơn vị.');
          if (body.parent !== undefined) onMoved(parent);
        },
        onError: (error) => {
          form.setFields(fieldErrors(error));
          message.error(error instanceof ApiProblem ? error.message : 'Chưa lưu được.');
        },
      },
    );
  };
  const confirmDeactivate = () =>
    modal.confirm({
      title: `Ngừng hoạt động ${unit.name}?`,
      content:
        'Đơn vị không bị xoá: nội dung, tài khoản và lịch sử của nó vẫn giữ nguyên, nhưng nó không còn được chọn làm đơn vị cấp trên. Đơn vị còn đơn vị trực thuộc đang hoạt động thì chưa ngừng được.',
      okText: 'Ngừng hoạt động',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () =>
        deactivate.mutate(unit.code, {
          onSuccess: () => message.success(`Đã ngừng hoạt động ${unit.name}.`),
        }),
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: 'Mã', children: unit.code },
          { key: 'kind', label: 'Loại', children: kinds.label(unit.kind) },
          { key: 'parent', label: 'Trực thuộc', children: unit.parent ? nameOf(unit.parent) : 'Cấp cao nhất' },
          {
            key: 'status',
            label: 'Trạng thái',
            children: unit.active ? (
              <StatusTag tone="good">Đang hoạt động</StatusTag>
            ) : (
              <StatusTag tone="warning">Ngừng hoạt động</StatusTag>
            ),
          },
          { key: 'below', label: 'Đơn vị trực thuộc', children: below.length ? below.map((u) => u.name).join(', ') : 'Không có' },
          {
            key: 'source',
            label: 'Nguồn',
            children: unit.managedBy === 'rules' ? 'Tệp đơn vị của tỉnh (units.yaml)' : 'Thêm trên trang quản trị',
          },
        ]}
      />
      {unit.managedBy === 'rules' && (
        <Alert
          type="info"
          showIcon
          message="Đơn vị có trong tệp đơn vị của tỉnh: lần áp dụng tệp sau sẽ đặt lại tên, loại, đơn vị cấp trên và trạng thái như trong tệp."
        />
      )}

      <Team unit={unit} />

      {unit.active && (
        <section aria-labelledby="unit-change">
          <Typography.Title level={2} id="unit-change" style={{ fontSize: 18 }}>
            Sửa, chuyển đơn vị
          </Typography.Title>
          <Form<Changes>
            form={form}
            layout="vertical"
            initialValues={{ name: unit.name, kind: unit.kind, parent: unit.parent ?? undefined }}
            onFinish={save}
          >
            <Form.Item
              label="Tên đơn vị"
              name="name"
              rules={[{ required: true, whitespace: true, min: 2, message: 'Hãy nhập tên đơn vị.' }]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Hãy chọn loại đơn vị.' }]}>
              <Select showSearch optionFilterProp="label" options={kinds.options} />
            </Form.Item>
            <Form.Item
              label="Trực thuộc"
              name="parent"
              extra="Chọn đơn vị cấp trên mới để chuyển đơn vị (cùng các đơn vị trực thuộc nó). Để trống: cấp cao nhất."
            >
              <TreeSelect
                allowClear
                showSearch={parentSearch}
                treeDefaultExpandAll
                treeData={parentOptions(units, subtreeOf(units, unit.code))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              Lưu thay đổi
            </Button>
          </Form>
        </section>
      )}

      {unit.active && (
        <section aria-labelledby="unit-more">
          <Typography.Title level={2} id="unit-more" style={{ fontSize: 18 }}>
            Thêm, ngừng hoạt động
          </Typography.Title>
          {deactivate.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              message="Chưa ngừng hoạt động được"
              description={deactivate.error instanceof ApiProblem ? deactivate.error.message : 'Hãy thử lại.'}
            />
          )}
          <Space wrap>
            <Button icon={<PlusOutlined aria-hidden />} onClick={onAddBelow}>
              Thêm đơn vị trực thuộc
            </Button>
            <Button danger loading={deactivate.isPending} onClick={confirmDeactivate}>
              Ngừng hoạt động
            </Button>
          </Space>
        </section>
      )}
    </Space>
  );
}

/** NA-8.1, LC-3.1a: the unit's heads and editors, and the head named to lead its information team. */
function Team({ unit }: { unit: Unit }) {
  const { message } = App.useApp();
  const team = useTeam(unit.code);
  const leader = useSetTeamLeader(unit.code);
  const members = team.data?.members ?? [];
  const heads = [...new Map(members.filter((m) => m.role === 'unit_head').map((m) => [m.userId, m])).values()];
  const leading = members.find((m) => m.leader);

  return (
    <section aria-labelledby="unit-team">
      <Typography.Title level={2} id="unit-team" style={{ fontSize: 18 }}>
        Tổ thông tin
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Lãnh đạo và biên tập viên của đơn vị. Người phụ trách tổ thông tin phải là một lãnh đạo của đơn vị.
      </Typography.Paragraph>
      {team.isError && <Alert type="error" showIcon message={team.error.message} />}
      {team.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {team.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            Người phụ trách: <strong>{leading ? leading.displayName : 'chưa giao'}</strong>
          </Typography.Text>
          {unit.active && heads.length > 0 && (
            <Space wrap>
              <label htmlFor={`unit-leader-${unit.code}`}>Người phụ trách tổ thông tin</label>
              <Select
                id={`unit-leader-${unit.code}`}
                style={{ width: 280, maxWidth: '100%' }}
                allowClear
                placeholder="Chưa giao"
                value={(leader.isPending ? leader.variables : team.data.leaderId) ?? undefined}
                loading={leader.isPending}
                options={heads.map((m) => ({ value: m.userId, label: m.displayName }))}
                onChange={(userId?: string) =>
                  leader.mutate(userId ?? null, {
                    onSuccess: () => message.success(userId ? 'Đã giao người phụ trách tổ thông tin.' : 'Đã bỏ người phụ trách.'),
                    onError: (error) => message.error(error instanceof ApiProblem ? error.message : 'Chưa lưu được.'),
                  })
                }
              />
            </Space>
          )}
          {unit.active && heads.length === 0 && (
            <Typography.Text type="secondary">Đơn vị chưa có lãnh đạo (vai trò Lãnh đạo đơn vị) để giao phụ trách.</Typography.Text>
          )}
          <TableRegion label={`Tổ thông tin của ${unit.name}`}>
            <Table<Member>
              rowKey={(m) => `${m.userId}:${m.role}`}
              size="small"
              pagination={false}
              dataSource={members}
              locale={{ emptyText: emptyText('Chưa có ai giữ vai trò ở đơn vị này.') }}
              columns={[
                {
                  title: 'Họ và tên',
                  dataIndex: 'displayName',
                  render: (displayName: string, m) => <Link to={`/tai-khoan?tai-khoan=${m.userId}`}>{displayName}</Link>,
                },
                { title: 'Tên đăng nhập', dataIndex: 'username' },
                { title: 'Vai trò', dataIndex: 'role', render: roleLabel },
                {
                  title: 'Phụ trách tổ',
                  dataIndex: 'leader',
                  render: (isLeader: boolean) => (isLeader ? <StatusTag tone="info">Phụ trách</StatusTag> : ''),
                },
              ]}
            />
          </TableRegion>
        </Space>
      )}
    </section>
  );
}
