import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DiffOutlined,
  GlobalOutlined,
  ClusterOutlined,
  CloudServerOutlined,
  IdcardOutlined,
  FileSearchOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  PieChartOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ok } from '../api/client';
import { roleLabel } from '../format/labels';
import { NotificationBell } from '../notifications/notification-bell';
import { ChangePasswordForm } from '../session/change-password-page';
import { TwoFactorDisable } from '../session/two-factor-disable';
import { TwoFactorEnrolment } from '../session/two-factor-enrolment';
import { session, useSession } from '../session/session-store';
import { useMe } from '../session/lookups';
import { usePollRoles } from '../polls/poll-hooks';
import { useConsultationRoles } from '../consultations/consultation-hooks';
import { useQuestionRoles } from '../questions/question-hooks';
import { useUnitRequestRoles } from '../unit-requests/unit-request-hooks';
import { useServiceRoles } from '../online-services/service-hooks';

const SECTIONS = [
  { key: '/', icon: <HomeOutlined />, label: 'Trang chủ' },
  { key: '/noi-dung', icon: <FileTextOutlined />, label: 'Nội dung' },
  { key: '/duyet', icon: <AuditOutlined />, label: 'Chờ duyệt' },
  { key: '/thong-bao', icon: <NotificationOutlined />, label: 'Thông báo' },
];
/** For those who read citizens' questions (every province role; unit roles see their units' ones). */
const QUESTIONS = { key: '/hoi-dap', icon: <QuestionCircleOutlined />, label: 'Hỏi đáp' };
/** For those who run opinion polls (`polls.manage`: the IT centre, the editorial board, unit heads). */
const POLLS = { key: '/tham-do', icon: <PieChartOutlined />, label: 'Thăm dò ý kiến' };
/** For those who run consultations on draft documents (`consultations.manage`: the IT centre, the editorial board, unit heads). */
const CONSULTATIONS = { key: '/gop-y-du-thao', icon: <FileDoneOutlined />, label: 'Góp ý dự thảo' };

/** For every province role (`unitRequests.read`): units' proposals of online services and problem reports (NA-8.5). */
const UNIT_REQUESTS = { key: '/de-xuat-phan-anh', icon: <SolutionOutlined />, label: 'Đề xuất, phản ánh' };

/** For every province role (`onlineServices.read`): the registry of online public services (LC-2.1.3). */
const ONLINE_SERVICES = { key: '/dich-vu-cong', icon: <CloudServerOutlined />, label: 'Dịch vụ công trực tuyến' };

/** For unit heads and the IT centre: their sub-sites' navigation and their units' public profiles. */
const MANAGING = [
  { key: '/chuyen-muc', icon: <ApartmentOutlined />, label: 'Chuyên mục' },
  { key: '/ho-so-don-vi', icon: <IdcardOutlined />, label: 'Hồ sơ đơn vị' },
];

/** For the IT centre alone: the province's accounts, units, rules and compliance. */
const ADMINISTERING = [
  { key: '/tai-khoan', icon: <TeamOutlined />, label: 'Tài khoản' },
  { key: '/don-vi', icon: <ClusterOutlined />, label: 'Đơn vị' },
  { key: '/quy-tac', icon: <SettingOutlined />, label: 'Quy tắc' },
  { key: '/tuan-thu', icon: <BarChartOutlined />, label: 'Tuân thủ' },
  { key: '/nhat-ky', icon: <FileSearchOutlined />, label: 'Nhật ký' },
];

/** For national operators: the provinces, their comparison and the trail of cross-province access. */
const OPERATING = [
  { key: '/quoc-gia', icon: <GlobalOutlined />, label: 'Các tỉnh' },
  { key: '/quoc-gia/so-sanh-quy-tac', icon: <DiffOutlined />, label: 'So sánh quy tắc' },
  { key: '/quoc-gia/so-sanh-tuan-thu', icon: <BarChartOutlined />, label: 'So sánh tuân thủ' },
  { key: '/quoc-gia/nhat-ky-truy-cap', icon: <FileSearchOutlined />, label: 'Nhật ký truy cập' },
];

/** For everyone, last: the user guides (NA-7.2e), the reader's own role first. */
const HELP = { key: '/huong-dan', icon: <ReadOutlined />, label: 'Hướng dẫn sử dụng' };
const OPERATOR_HELP = { ...HELP, key: '/quoc-gia/huong-dan' };

/** Which menu entry a path belongs to: the longest section prefix. */
const sectionOf = (path: string) =>
  [
    ...SECTIONS,
    QUESTIONS,
    POLLS,
    CONSULTATIONS,
    UNIT_REQUESTS,
    ONLINE_SERVICES,
    ...MANAGING,
    ...ADMINISTERING,
    ...OPERATING,
    HELP,
    OPERATOR_HELP,
  ]
    .map((s) => s.key)
    .filter((key) => key === '/' || path === key || path.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)[0];

/** The frame of every screen: the province and the user above, the sections beside (a drawer on phones). */
export function AppShell({ children }: { children: ReactNode }) {
  const { province } = useSession();
  const me = useMe();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const [disablingTwoFactor, setDisablingTwoFactor] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const manages = me.data?.roles.some((r) => r === 'unit_head' || r === 'tenant_admin') ?? false;
  const administers = me.data?.roles.includes('tenant_admin') ?? false;
  const { reads: readsQuestions } = useQuestionRoles();
  const { manages: runsPolls } = usePollRoles();
  const { manages: runsConsultations } = useConsultationRoles();
  const { reads: readsUnitRequests } = useUnitRequestRoles();
  const { reads: readsServices } = useServiceRoles();
  // On a phone the sections open from a button of the header, in a drawer.
  const wide = Grid.useBreakpoint().md ?? true;
  const menu = (
    <nav aria-label="Các mục quản trị">
      <Menu
        mode="inline"
        selectedKeys={[sectionOf(location.pathname)]}
        items={
          province?.platform
            ? [...OPERATING, OPERATOR_HELP]
            : [
                ...SECTIONS.slice(0, 3),
                ...(readsQuestions ? [QUESTIONS] : []),
                ...(runsPolls ? [POLLS] : []),
                ...(runsConsultations ? [CONSULTATIONS] : []),
                ...(readsUnitRequests ? [UNIT_REQUESTS] : []),
                ...(readsServices ? [ONLINE_SERVICES] : []),
                ...SECTIONS.slice(3),
                ...(manages ? MANAGING : []),
                ...(administers ? ADMINISTERING : []),
                HELP,
              ]
        }
        onClick={({ key }) => {
          navigate(key);
          setMenuOpen(false);
        }}
      />
    </nav>
  );

  const signOut = async () => {
    await ok(api.POST('/api/v1/auth/logout')).catch(() => undefined);
    session.signedOut();
  };
  const reportExposed = () =>
    modal.confirm({
      title: 'Báo mật khẩu bị lộ?',
      content:
        'Mọi phiên đăng nhập của bạn, kể cả phiên này, sẽ kết thúc ngay. Trung tâm CNTT của tỉnh được báo để cấp lại mật khẩu (NA-9).',
      okText: 'Báo mật khẩu bị lộ',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: async () => {
        await ok(api.POST('/api/v1/auth/password/exposed'));
        session.signedOut('password-exposed');
      },
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="cong-skip" href="#main">
        Bỏ qua, tới nội dung chính
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16, background: '#0b57a4', color: '#fff' }}>
        {!wide && <Button icon={<MenuOutlined />} aria-label="Mở danh mục" aria-expanded={menuOpen} onClick={() => setMenuOpen(true)} />}
        <Typography.Text strong style={{ color: '#fff', flex: 1, minWidth: 0 }} ellipsis>
          Quản trị — {province?.name}
        </Typography.Text>
        {!province?.platform && <NotificationBell />}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'who',
                disabled: true,
                label: (
                  <span>
                    {me.data?.displayName}
                    <br />
                    <small>{me.data?.roles.map(roleLabel).join(', ')}</small>
                  </span>
                ),
              },
              { type: 'divider' },
              { key: 'password', label: 'Đổi mật khẩu', onClick: () => setChangingPassword(true) },
              me.data?.twoFactorEnabled
                ? { key: 'two-factor-off', label: 'Tắt xác thực hai bước', onClick: () => setDisablingTwoFactor(true) }
                : { key: 'two-factor', label: 'Bật xác thực hai bước', onClick: () => setEnrolling(true) },
              { key: 'exposed', label: 'Báo mật khẩu bị lộ', danger: true, onClick: reportExposed },
              { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void signOut() },
            ],
          }}
        >
          <Button icon={<UserOutlined />} aria-label={`Tài khoản: ${me.data?.displayName ?? ''}`}>
            <span className="cong-hide-narrow">{me.data?.displayName}</span>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider theme="light" width={200}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, minWidth: 0 }}>
          {children}
        </Layout.Content>
      </Layout>
      <Drawer title="Danh mục" placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} width={260}>
        {menu}
      </Drawer>
      <Modal title="Bật xác thực hai bước" open={enrolling} onCancel={() => setEnrolling(false)} footer={null} destroyOnHidden>
        <TwoFactorEnrolment onDone={() => setEnrolling(false)} />
      </Modal>
      <Modal
        title="Tắt xác thực hai bước"
        open={disablingTwoFactor}
        onCancel={() => setDisablingTwoFactor(false)}
        footer={null}
        destroyOnHidden
      >
        <TwoFactorDisable onDone={() => setDisablingTwoFactor(false)} />
      </Modal>
      <Modal title="Đổi mật khẩu" open={changingPassword} onCancel={() => setChangingPassword(false)} footer={null} destroyOnHidden>
        <ChangePasswordForm forced={false} onDone={() => setChangingPassword(false)} />
      </Modal>
    </Layout>
  );
}
