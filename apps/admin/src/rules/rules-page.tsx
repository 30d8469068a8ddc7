import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { InForceTab } from './in-force-tab';
import { RuleFilesTab } from './rule-files-tab';
import { ownRules } from './rules-source';
import { VersionsTab } from './versions-tab';

const TABS = { 'hieu-luc': 'Đang có hiệu lực', 'phien-ban': 'Các phiên bản', sua: 'Sửa tệp quy tắc' } as const;
type Tab = keyof typeof TABS;

/**
 * The province's rules for its IT centre: what is in force on a date, the versions with who applied
 * them and what changed, and tenant.yaml and units.yaml to edit, check and apply. The tab and the
 * versions compared live in the address.
 */
export function RulesPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = (params.get('the') as Tab | null) ?? 'hieu-luc';
  const show = (next: Tab, extra: Record<string, string> = {}) => setParams({ the: next, ...extra }, { replace: true });

  return (
    <section aria-labelledby="rules-title">
      <Typography.Title level={1} id="rules-title" style={{ fontSize: 24, marginTop: 0 }}>
        Quy tắc của tỉnh
      </Typography.Title>
      <Tabs
        activeKey={tab in TABS ? tab : 'hieu-luc'}
        onChange={(key) => show(key as Tab)}
        items={[
          { key: 'hieu-luc', label: TABS['hieu-luc'], children: <InForceTab source={ownRules} /> },
          { key: 'phien-ban', label: TABS['phien-ban'], children: <VersionsTab source={ownRules} /> },
          {
            key: 'sua',
            label: TABS.sua,
            children: <RuleFilesTab onApplied={(version) => show('phien-ban', { tu: String(version - 1), den: String(version) })} />,
          },
        ]}
      />
    </section>
  );
}
