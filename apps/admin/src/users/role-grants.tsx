import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import type { Schemas } from '../api/client';
import { ROLE_LABELS } from '../format/labels';
import { useUnits } from '../session/lookups';

export type RoleGrant = Schemas['RoleGrantDto'];

/** Roles held in a unit (and the units below it); the others are the province's. */
export const UNIT_ROLES: readonly string[] = ['unit_head', 'unit_editor'];
const GRANTABLE = ['unit_editor', 'unit_head', 'editorial_board', 'editorial_council', 'tenant_admin'] as const;

/** The roles of an account, one row each: the role, and for a unit role its unit. */
export function RoleGrantsField({ name = 'roles' }: { name?: string }) {
  const units = useUnits();
  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.code, label: u.name }));
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>Vai trò</legend>
          {rows.map((row, index) => (
            <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item name={[row.name, 'role']} rules={[{ required: true, message: 'Hãy chọn vai trò.' }]} style={{ marginBottom: 8 }}>
                <Select
                  aria-label={`Vai trò ${index + 1}`}
                  style={{ width: 230 }}
                  options={GRANTABLE.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  UNIT_ROLES.includes(getFieldValue([name, row.name, 'role'])) ? (
                    <Form.Item
                      name={[row.name, 'unit']}
                      rules={[{ required: true, message: 'Vai trò này cần một đơn vị.' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Select
                        aria-label={`Đơn vị của vai trò ${index + 1}`}
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 260 }}
                        options={unitOptions}
                        placeholder="Chọn đơn vị"
                      />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={`Bỏ vai trò ${index + 1}`} onClick={() => remove(row.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ role: 'unit_editor' })}>
            Thêm vai trò
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

/** The grants as the API takes them: a province role names no unit. */
export const grantsOf = (rows: RoleGrant[] | undefined): RoleGrant[] =>
  (rows ?? []).map((r) => (UNIT_ROLES.includes(r.role) ? { role: r.role, unit: r.unit } : { role: r.role }));
