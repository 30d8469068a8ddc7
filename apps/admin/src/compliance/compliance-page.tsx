import { Skeleton, Tabs, Typography } from 'antd';
import { useCatalogue } from './compliance-queries';
import { EmulationTab } from './emulation-tab';
import { ReportsTab } from './reports-tab';
import { ResultsTab } from './results-tab';
import { RoyaltiesTab } from './royalties-tab';
import { useSearchState } from './search-state';
import { VolumeStatementsTab } from './volume-statements-tab';

/**
 * The IT centre's view of compliance: results per unit and period, the periodic reports, the
 * certified volume statements (NA-10.1), the royalty statements (LC-3.1c) and the emulation scores
 * (LC-3.4). Only what the province's rules have is shown; the open tab lives in the address.
 */
export function CompliancePage() {
  const [params, set] = useSearchState();
  const catalogue = useCatalogue();
  const tabs = [
    { key: 'ket-qua', label: 'Kết quả', children: <ResultsTab /> },
    catalogue.reports?.length ? { key: 'bao-cao', label: 'Báo cáo', children: <ReportsTab reports={catalogue.reports} /> } : null,
    catalogue.volumeKind
      ? { key: 'khoi-luong', label: 'Khối lượng thông tin', children: <VolumeStatementsTab kind={catalogue.volumeKind} /> }
      : null,
    catalogue.royalties ? { key: 'nhuan-but', label: 'Nhuận bút', children: <RoyaltiesTab /> } : null,
    catalogue.emulationKind
      ? { key: 'thi-dua', label: 'Điểm thi đua', children: <EmulationTab firstKind={catalogue.emulationKind} /> }
      : null,
  ].filter((t) => t !== null);
  const asked = params.get('muc') ?? 'ket-qua';
  const stillAsking = Object.values(catalogue).some((v) => v === undefined);
  const active = tabs.some((t) => t.key === asked) ? asked : 'ket-qua';

  return (
    <section aria-labelledby="compliance-title">
      <Typography.Title level={1} id="compliance-title" style={{ fontSize: 24, marginTop: 0 }}>
        Tuân thủ
      </Typography.Title>
      {/* A tab named in the address waits for the API to say whether the rules have it. */}
      {asked !== active && stillAsking ? (
        <Skeleton active />
      ) : (
        <Tabs activeKey={active} onChange={(key) => set({ muc: key === 'ket-qua' ? undefined : key })} items={tabs} destroyOnHidden />
      )}
    </section>
  );
}
