import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { AccessLogPage } from './access-log-page';
import { ComplianceComparisonPage } from './compliance-comparison-page';
import { ProvincePage } from './province-page';
import { ProvincesPage } from './provinces-page';
import { RulesComparisonPage } from './rules-comparison-page';

/** The national operators' screens, under /admin/quoc-gia; `help`: their user guide. */
export function OperatorRoutes({ help }: { help: ReactNode }) {
  return (
    <Routes>
      <Route path="quoc-gia" element={<ProvincesPage />} />
      <Route path="quoc-gia/tinh/:code" element={<ProvincePage />} />
      <Route path="quoc-gia/so-sanh-quy-tac" element={<RulesComparisonPage />} />
      <Route path="quoc-gia/so-sanh-tuan-thu" element={<ComplianceComparisonPage />} />
      <Route path="quoc-gia/nhat-ky-truy-cap" element={<AccessLogPage />} />
      <Route path="quoc-gia/huong-dan" element={help} />
      <Route
        path="*"
        element={<Result status="404" title="Không tìm thấy trang" extra={<Link to="/quoc-gia">Về danh sách tỉnh</Link>} />}
      />
    </Routes>
  );
}
