import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, List, Row, Skeleton, Space, Typography } from 'antd';
import { emptyText } from '../format/empty-text';
import { Link } from 'react-router';
import { api, ok } from '../api/client';
import { ageInDays, formatDay, formatInstant } from '../format/dates';
import { typeLabel } from '../format/labels';
import { INBOX_KEY } from '../notifications/notification-bell';
import { useMe, useUnits } from '../session/lookups';
import { useOverdueCount, useQuestionRoles } from '../questions/question-hooks';
import { useOverdueIncomingCount, useUnitRequestRoles } from '../unit-requests/unit-request-hooks';
import { ObligationsOverview, UnitObligations } from './obligations';

/** Where I stand today: my units' obligations of this period, what waits for me, what is new. */
export function HomePage() {
  const me = useMe();
  const units = useUnits();
  const progress = useQuery({ queryKey: ['compliance', 'progress'], queryFn: () => ok(api.GET('/api/v1/compliance/progress')) });
  const queue = useQuery({ queryKey: ['workflow', 'queue'], queryFn: () => ok(api.GET('/api/v1/workflow/queue')) });
  const inbox = useQuery({
    queryKey: [...INBOX_KEY, 'recent'],
    queryFn: () => ok(api.GET('/api/v1/notifications', { params: { query: { limit: 5 } } })),
  });
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  // The API answers the units within my reach: my units and those below them, or all for a province-wide role.
  const shown = progress.data?.units ?? [];
  const provinceWide = me.data?.memberships.some((m) => !m.unitId) ?? false;
  // Citizens' questions of my units past their answer deadline: said only when there are some.
  const overdue = useOverdueCount(useQuestionRoles().reads).data;
  // Units' requests my units (or, province-wide, anyone) are to answer, past their due day.
  const lateRequests = useOverdueIncomingCount(useUnitRequestRoles().reads).data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Xin chào, {me.data?.displayName}
      </Typography.Title>
      {overdue && overdue.count > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`${overdue.more ? `Hơn ${overdue.count}` : overdue.count} câu hỏi của công dân đã quá hạn trả lời.`}
          action={<Link to="/hoi-dap?qua-han=1">Xem các câu hỏi quá hạn</Link>}
        />
      )}
      {lateRequests && lateRequests.count > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`${lateRequests.more ? `Hơn ${lateRequests.count}` : lateRequests.count} đề xuất, phản ánh của đơn vị đã quá hạn trả lời.`}
          action={<Link to="/de-xuat-phan-anh?hop=den&qua-han=1">Xem các yêu cầu quá hạn</Link>}
        />
      )}
      <section aria-labelledby="obligations-title">
        <Typography.Title level={2} id="obligations-title" style={{ fontSize: 20 }}>
          Nhiệm vụ kỳ này {progress.data && <small style={{ fontWeight: 400 }}>(tính đến {formatDay(progress.data.asOf)})</small>}
        </Typography.Title>
        {progress.isError && <Alert type="error" showIcon message={progress.error.message} />}
        {progress.isLoading && <Skeleton active />}
        {provinceWide ? (
          <ObligationsOverview units={shown} nameOf={unitName} />
        ) : (
          <Row gutter={[16, 16]}>
            {shown.map((u) => (
              <Col key={u.unit} xs={24} lg={12}>
                <UnitObligations name={unitName(u.unit)} entries={u.entries} />
              </Col>
            ))}
          </Row>
        )}
        {progress.data && shown.length === 0 && <Typography.Text>Bạn chưa phụ trách đơn vị nào có chỉ tiêu.</Typography.Text>}
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Chờ tôi xử lý</h2>} extra={<Link to="/duyet">Xem tất cả</Link>}>
            {queue.isError && <Alert type="error" showIcon message={queue.error.message} />}
            <List
              loading={queue.isLoading}
              dataSource={(queue.data?.items ?? []).slice(0, 5)}
              locale={{ emptyText: emptyText('Không có tin bài nào chờ bạn.') }}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/noi-dung/${i.id}`}>{i.title}</Link>}
                    description={`${typeLabel(i.type)} · ${i.stateLabel} · ${ageInDays(i.updatedAt)} ngày`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Thông báo mới</h2>} extra={<Link to="/thong-bao">Xem tất cả</Link>}>
            <List
              loading={inbox.isLoading}
              dataSource={inbox.data?.items ?? []}
              locale={{ emptyText: emptyText('Chưa có thông báo.') }}
              renderItem={(n) => (
                <List.Item>
                  <List.Item.Meta
                    title={<span style={{ fontWeight: n.readAt ? 400 : 700 }}>{n.title}</span>}
                    description={formatInstant(n.createdAt)}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
