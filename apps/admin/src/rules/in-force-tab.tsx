import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { dayjs, formatDay, formatInstant, provinceZone } from '../format/dates';
import type { RulesSource } from './rules-source';
import { YamlEditor } from './yaml-editor';

/** The rules in force today or on a chosen date: the version, who applied it, and its tenant.yaml. */
export function InForceTab({ source }: { source: RulesSource }) {
  const [on, setOn] = useState<string | undefined>(undefined);
  const rules = useQuery({ queryKey: [...source.key, 'in-force', on], queryFn: () => source.inForce(on), retry: false });
  const today = dayjs().tz(provinceZone()).format('YYYY-MM-DD');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="rules-on">Có hiệu lực vào ngày</label>
        <DatePicker
          id="rules-on"
          format="DD/MM/YYYY"
          allowClear
          placeholder={`Hôm nay (${formatDay(today)})`}
          value={on ? dayjs(on, 'YYYY-MM-DD') : null}
          onChange={(d) => setOn(d ? d.format('YYYY-MM-DD') : undefined)}
        />
      </Space>
      {rules.isError && <Alert type="warning" showIcon message={rules.error.message} />}
      {rules.data && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'v', label: 'Phiên bản', children: rules.data.version },
              { key: 'from', label: 'Có hiệu lực từ', children: formatDay(rules.data.effectiveFrom) },
              { key: 'by', label: 'Người áp dụng', children: rules.data.appliedBy },
              { key: 'at', label: 'Áp dụng lúc', children: formatInstant(rules.data.appliedAt as unknown as string) },
              { key: 'note', label: 'Ghi chú', children: rules.data.note ?? '—' },
            ]}
          />
          <YamlEditor
            id="rules-in-force-source"
            label={`tenant.yaml của phiên bản ${rules.data.version}`}
            value={rules.data.source}
            readOnly
          />
        </>
      )}
    </Space>
  );
}
