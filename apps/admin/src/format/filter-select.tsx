import { Form, Select } from 'antd';

/** One filter of a list: a choice among options, "Tất cả" when none is chosen; `filter-<name>` its id. */
export function FilterSelect<Name extends string>({
  label,
  name,
  width,
  value,
  options,
  onChange,
}: {
  label: string;
  name: Name;
  width: number;
  value?: string;
  options: { value: string; label: string }[];
  onChange: (changes: Partial<Record<Name, string | undefined>>) => void;
}) {
  return (
    <Form.Item label={label} htmlFor={`filter-${name}`}>
      <Select
        id={`filter-${name}`}
        allowClear
        showSearch={options.length > 10}
        optionFilterProp="label"
        style={{ width }}
        value={value}
        onChange={(v: string | undefined) => onChange({ [name]: v } as Partial<Record<Name, string | undefined>>)}
        options={options}
        placeholder="Tất cả"
      />
    </Form.Item>
  );
}
