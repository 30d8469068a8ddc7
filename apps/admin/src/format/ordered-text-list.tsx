import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';

/**
 * A list of short texts in an order that matters (a poll's options, a draft's articles): each row
 * can be moved up or down or removed, a row added at the end. The whole list's errors (the API's
 * word, e.g. duplicates) are read out under it. `noun` names a row in the buttons: "phương án".
 */
export function OrderedTextList({
  name,
  id,
  noun,
  heading,
  hint,
  min = 0,
  max,
  rules = [],
  placeholder,
}: {
  name: string;
  /** For the group's label and its errors' element. */
  id: string;
  noun: string;
  heading: ReactNode;
  hint?: ReactNode;
  min?: number;
  max: number;
  /** Beyond "not empty". */
  rules?: Rule[];
  placeholder?: string;
}) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }, { errors }) => (
        <div role="group" aria-labelledby={`${id}-label`} style={{ marginBottom: 24 }}>
          <div id={`${id}-label`} style={{ paddingBottom: 8 }}>
            {heading}
          </div>
          {hint && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {hint}
            </Typography.Paragraph>
          )}
          <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {fields.map((field, i) => (
              <li key={field.key} style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
                <Form.Item
                  name={field.name}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                  rules={[{ required: true, whitespace: true, message: `Hãy nhập ${noun} hoặc bỏ dòng này.` }, ...rules]}
                >
                  <Input
                    aria-label={`${Noun} ${i + 1}`}
                    aria-describedby={errors.length ? `${id}-errors` : undefined}
                    status={errors.length ? 'error' : undefined}
                    placeholder={i === 0 ? placeholder : undefined}
                    maxLength={300}
                  />
                </Form.Item>
                <Button
                  icon={<ArrowUpOutlined />}
                  aria-label={`Đưa ${noun} ${i + 1} lên`}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                />
                <Button
                  icon={<ArrowDownOutlined />}
                  aria-label={`Đưa ${noun} ${i + 1} xuống`}
                  disabled={i === fields.length - 1}
                  onClick={() => move(i, i + 1)}
                />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`Bỏ ${noun} ${i + 1}`}
                  disabled={fields.length <= min}
                  onClick={() => remove(field.name)}
                />
              </li>
            ))}
          </ol>
          <div role="alert" id={`${id}-errors`}>
            {errors.map((error, i) => (
              <div key={i}>
                <Typography.Text type="danger">{error}</Typography.Text>
              </div>
            ))}
          </div>
          <Button icon={<PlusOutlined />} disabled={fields.length >= max} onClick={() => add('')} style={{ marginTop: 4 }}>
            Thêm {noun}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
