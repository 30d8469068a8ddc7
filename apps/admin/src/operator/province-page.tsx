import { Alert, Breadcrumb, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { InForceTab } from '../rules/in-force-tab';
import { provinceRules } from '../rules/rules-source';
import { VersionsTab } from '../rules/versions-tab';
import { useProvinces } from './provinces';

/** One province's rules for operators: in force on any date, the versions and what changed between two. */
export function ProvincePage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const provinces = useProvinces();
  const province = provinces.data?.find((p) => p.code === code);
  const source = provinceRules(code);
  const tab = params.get('the') === 'phien-ban' ? 'phien-ban' : 'hieu-luc';
  return (
    <section aria-labelledby="province-title">
      <Breadcrumb items={[{ title: <Link to="/quoc-gia">Các tỉnh</Link> }, { title: province?.name ?? code }]} />
      <Typography.Title level={1} id="province-title" style={{ fontSize: 24 }}>
        Quy tắc của {province?.name ?? code}
      </Typography.Title>
      {!province && provinces.isSuccess && <Alert type="warning" showIcon message={`Không có tỉnh mang mã "${code}".`} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ the: key }, { replace: true })}
        items={[
          { key: 'hieu-luc', label: 'Đang có hiệu lực', children: <InForceTab source={source} /> },
          { key: 'phien-ban', label: 'Các phiên bản', children: <VersionsTab source={source} /> },
        ]}
      />
    </section>
  );
}
