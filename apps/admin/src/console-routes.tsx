import { Result, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AuditPage } from './audit/audit-page';
import { CompliancePage } from './compliance/compliance-page';
import { ConsultationsPage } from './consultations/consultations-page';
import { ContentListPage } from './content/content-list-page';
import { HomePage } from './home/home-page';
import { AppShell } from './layout/app-shell';
import { NotificationsPage } from './notifications/notifications-page';
import { OperatorRoutes } from './operator/operator-routes';
import { PollsPage } from './polls/polls-page';
import { QuestionsPage } from './questions/questions-page';
import { ForcedPasswordChangePage } from './session/change-password-page';
import { SignInPage } from './session/sign-in-page';
import { ForcedTwoFactorPage } from './session/two-factor-enrolment';
import { useSession } from './session/session-store';
import { TOKEN_PAGES, TokenPasswordPage, type TokenPurpose } from './session/token-password-page';
import { SectionsPage } from './sites/sections-page';
import { UnitRequestsPage } from './unit-requests/unit-requests-page';
import { OnlineServicesPage } from './online-services/online-services-page';
import { UnitProfilePage } from './units/unit-profile-page';
import { UnitsPage } from './units/units-page';
import { UsersPage } from './users/users-page';
import { RulesPage } from './rules/rules-page';
import { ReviewQueuePage } from './workflow/review-queue-page';

// The editor and the revisions carry the rich-text editor (TipTap, ProseMirror): loaded when first opened.
const ContentEditorPage = lazy(() => import('./content/content-editor-page').then((m) => ({ default: m.ContentEditorPage })));
const RevisionsPage = lazy(() => import('./content/revisions-page').then((m) => ({ default: m.RevisionsPage })));
// The user guides carry their Markdown and the screenshots' addresses: loaded when first opened.
const HelpPage = lazy(() => import('./help/help-page').then((m) => ({ default: m.HelpPage })));

/** The console's screens, once the province is known: sign-in first, then the forced password change. */
export function ConsoleRoutes() {
  const { tokens, province } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const tokenPage = (Object.keys(TOKEN_PAGES) as TokenPurpose[]).find((p) => TOKEN_PAGES[p].path === location.pathname);
  if (tokenPage) return <TokenPasswordPage purpose={tokenPage} onDone={() => navigate('/', { replace: true })} />;
  if (!tokens) return <SignInPage />;
  if (tokens.mustChangePassword) return <ForcedPasswordChangePage />;
  if (tokens.twoFactorEnrolmentRequired) return <ForcedTwoFactorPage />;
  if (province?.platform)
    return (
      <AppShell>
        <Suspense fallback={<Skeleton active />}>
          <OperatorRoutes help={<HelpPage operator />} />
        </Suspense>
      </AppShell>
    );
  return (
    <AppShell>
      <Suspense fallback={<Skeleton active />}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="noi-dung" element={<ContentListPage />} />
          <Route path="noi-dung/moi" element={<ContentEditorPage />} />
          <Route path="noi-dung/:id" element={<ContentEditorPage />} />
          <Route path="noi-dung/:id/phien-ban" element={<RevisionsPage />} />
          <Route path="duyet" element={<ReviewQueuePage />} />
          <Route path="thong-bao" element={<NotificationsPage />} />
          <Route path="hoi-dap" element={<QuestionsPage />} />
          <Route path="tham-do" element={<PollsPage />} />
          <Route path="gop-y-du-thao" element={<ConsultationsPage />} />
          <Route path="de-xuat-phan-anh" element={<UnitRequestsPage />} />
          <Route path="dich-vu-cong" element={<OnlineServicesPage />} />
          <Route path="chuyen-muc" element={<SectionsPage />} />
          <Route path="ho-so-don-vi" element={<UnitProfilePage />} />
          <Route path="tai-khoan" element={<UsersPage />} />
          <Route path="tuan-thu" element={<CompliancePage />} />
          <Route path="don-vi" element={<UnitsPage />} />
          <Route path="quy-tac" element={<RulesPage />} />
          <Route path="nhat-ky" element={<AuditPage />} />
          <Route path="huong-dan" element={<HelpPage />} />
          <Route
            path="*"
            element={<Result status="404" title="Không tìm thấy trang" extra={<Link to="/">Về trang chủ quản trị</Link>} />}
          />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
