import { Alert, App, Button, Descriptions, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';
import { formatDay } from '../format/dates';
import { useManagedSites } from '../polls/poll-hooks';
import { type CommentFilter, ConsultationComments } from './consultation-comments';
import { ExtendDialog } from './consultation-dialogs';
import { ConsultationForm } from './consultation-form';
import {
  type ConsultationDetail,
  dayText,
  provinceToday,
  useChangeConsultation,
  useConsultation,
  useConsultationRefresh,
  useWithdrawConsultation,
} from './consultation-hooks';
import { PhaseTag } from './consultation-phase';

/** A drawer of the screen: the whole width on a phone. */
function ConsultationDrawerFrame({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Drawer open onClose={onClose} width={wide ? 760 : '100%'} title={title} destroyOnHidden>
      {children}
    </Drawer>
  );
}

/** A new consultation written in a drawer; once the API takes it, it opens in its own. */
export function NewConsultationDrawer({
  site,
  onClose,
  onCreated,
}: {
  site?: string;
  onClose: () => void;
  onCreated: (c: ConsultationDetail) => void;
}) {
  return (
    <ConsultationDrawerFrame title="Lấy ý kiến dự thảo văn bản" onClose={onClose}>
      <ConsultationForm site={site} onSaved={onCreated} onCancel={onClose} />
    </ConsultationDrawerFrame>
  );
}

/**
 * One consultation for those who run it: the draft, its drafting unit and days; what its phase
 * allows (before it opens, anything; once open, end it today or extend it; until taken down, take
 * it down); and the comments to moderate, with the summary for the drafting agency.
 */
export function ConsultationDrawer({
  id,
  filter,
  onFilter,
  onClose,
}: {
  id: string;
  filter: CommentFilter;
  onFilter: (f: CommentFilter) => void;
  onClose: () => void;
}) {
  const consultation = useConsultation(id);
  const c = consultation.data;
  return (
    <ConsultationDrawerFrame title={c ? c.title : 'Góp ý dự thảo văn bản'} onClose={onClose}>
      {consultation.isError && <Alert type="error" showIcon message={consultation.error.message} />}
      {c ? <ConsultationDetailView consultation={c} filter={filter} onFilter={onFilter} /> : !consultation.isError && <Skeleton active />}
    </ConsultationDrawerFrame>
  );
}

function ConsultationDetailView({
  consultation: c,
  filter,
  onFilter,
}: {
  consultation: ConsultationDetail;
  filter: CommentFilter;
  onFilter: (f: CommentFilter) => void;
}) {
  const { modal, message } = App.useApp();
  const sites = useManagedSites();
  const change = useChangeConsultation(c.id);
  const withdraw = useWithdrawConsultation(c.id);
  const refresh = useConsultationRefresh();
  const [extending, setExtending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alert.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const refused = (error: unknown) => setProblem(error instanceof ApiProblem ? error.message : 'Chưa thực hiện được, vui lòng thử lại.');

  const endToday = () =>
    modal.confirm({
      title: 'Kết thúc lấy ý kiến hôm nay?',
      content: `Hôm nay (${provinceToday().format('DD/MM/YYYY')}) là ngày cuối cùng nhận góp ý. Các ý kiến đã nhận được giữ nguyên.`,
      okText: 'Kết thúc hôm nay',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => {
        setProblem(undefined);
        // An earlier last day than today ends it today (the API moves it); today itself says so plainly.
        change.mutate(
          { closesOn: dayText(provinceToday()) },
          { onSuccess: (saved) => void message.success(`Đã đặt ngày kết thúc: lấy ý kiến ${saved.period}.`), onError: refused },
        );
      },
    });
  const takeDown = () =>
    modal.confirm({
      title: 'Gỡ dự thảo lấy ý kiến xuống?',
      content:
        'Dự thảo không còn hiện trên cổng và không nhận góp ý nữa. Các ý kiến đã nhận vẫn được giữ để kiểm duyệt và tải bản tổng hợp. Không đưa lên lại được.',
      okText: 'Gỡ xuống',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => {
        setProblem(undefined);
        withdraw.mutate(undefined, { onSuccess: () => void message.success('Đã gỡ dự thảo lấy ý kiến xuống.'), onError: refused });
      },
    });

  const upcoming = c.phase === 'upcoming';
  return (
    <>
      <div ref={alert}>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={problem}
            closable
            onClose={() => setProblem(undefined)}
            style={{ marginBottom: 24 }}
          />
        )}
      </div>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'unit', label: 'Cơ quan chủ trì soạn thảo', children: c.unit.name },
            { key: 'site', label: 'Trang', children: sites.title(c.site) },
            {
              key: 'document',
              label: 'Tin bài mang dự thảo',
              children: <span style={{ overflowWrap: 'anywhere' }}>{c.document.title}</span>,
            },
            { key: 'phase', label: 'Trạng thái', children: <PhaseTag consultation={c} /> },
            { key: 'opens', label: 'Ngày bắt đầu', children: formatDay(c.opensOn) },
            { key: 'closes', label: 'Ngày kết thúc', children: formatDay(c.closesOn) },
            { key: 'articles', label: 'Số điều khoản', children: c.articles.length ? c.articles.length : 'Chỉ góp ý chung' },
          ]}
        />
        {c.summary && !upcoming && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
            {c.summary}
          </Typography.Paragraph>
        )}

        <section aria-labelledby="consultation-steps-title">
          <Typography.Title level={2} id="consultation-steps-title" style={{ fontSize: 18 }}>
            {upcoming ? 'Sửa dự thảo lấy ý kiến' : 'Thao tác'}
          </Typography.Title>
          {upcoming && (
            <>
              <Typography.Paragraph type="secondary">
                Chưa đến ngày bắt đầu: mọi nội dung còn sửa được. Khi đã bắt đầu, chỉ còn đổi được ngày kết thúc.
              </Typography.Paragraph>
              <ConsultationForm
                key={`${c.id}-${c.opensOn}-${c.closesOn}-${c.title}`}
                consultation={c}
                onSaved={() => setProblem(undefined)}
                onOpened={(words) => {
                  setProblem(words);
                  void refresh();
                }}
              />
            </>
          )}
          {c.phase === 'open' && (
            <Typography.Paragraph type="secondary">
              Đang lấy ý kiến: nội dung và các điều khoản không đổi được nữa; có thể kết thúc hôm nay, gia hạn hoặc gỡ xuống.
            </Typography.Paragraph>
          )}
          {c.phase === 'closed' && (
            <Typography.Paragraph type="secondary">
              Đã hết thời gian lấy ý kiến; các ý kiến đã công bố vẫn hiện trên cổng.
            </Typography.Paragraph>
          )}
          {c.phase === 'withdrawn' && (
            <Typography.Paragraph type="secondary">Dự thảo đã được gỡ khỏi cổng; các ý kiến vẫn được giữ.</Typography.Paragraph>
          )}
          {c.phase !== 'withdrawn' && (
            <Space wrap style={{ marginTop: upcoming ? 16 : 0 }}>
              {c.phase === 'open' && (
                <>
                  <Button onClick={endToday} loading={change.isPending}>
                    Kết thúc hôm nay
                  </Button>
                  <Button onClick={() => setExtending(true)}>Gia hạn</Button>
                </>
              )}
              <Button danger onClick={takeDown} loading={withdraw.isPending}>
                Gỡ xuống
              </Button>
            </Space>
          )}
        </section>

        {!upcoming && <ConsultationComments consultation={c} filter={filter} onFilter={onFilter} />}
        {extending && <ExtendDialog consultation={c} onClose={() => setExtending(false)} />}
      </Space>
    </>
  );
}
