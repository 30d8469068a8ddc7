import { Alert, App, Button, Descriptions, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';
import { ExtendDialog } from './poll-dialogs';
import { PollForm } from './poll-form';
import { type Poll, useChangePoll, useManagedSites, usePoll, usePollRefresh, useWithdrawPoll } from './poll-hooks';
import { PhaseTag } from './poll-phase';
import { PollResults } from './poll-results';

/** A drawer of the screen: the whole width on a phone. */
function PollDrawerFrame({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Drawer open onClose={onClose} width={wide ? 720 : '100%'} title={title} destroyOnHidden>
      {children}
    </Drawer>
  );
}

/** A new poll written in a drawer; once the API takes it, the poll opens in its own. */
export function NewPollDrawer({ site, onClose, onCreated }: { site?: string; onClose: () => void; onCreated: (poll: Poll) => void }) {
  return (
    <PollDrawerFrame title="Tạo cuộc thăm dò ý kiến" onClose={onClose}>
      <PollForm site={site} onSaved={onCreated} onCancel={onClose} />
    </PollDrawerFrame>
  );
}

/**
 * One poll for those who run it: where and when, how citizens answer, its results; and what may
 * still be done, which depends on its phase: before it opens, anything (the form); once open, end it
 * now or later; until it is taken down, take it down.
 */
export function PollDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const poll = usePoll(id);
  const p = poll.data;
  return (
    <PollDrawerFrame title={p ? p.question : 'Cuộc thăm dò ý kiến'} onClose={onClose}>
      {poll.isError && <Alert type="error" showIcon message={poll.error.message} />}
      {p ? <PollDetail poll={p} /> : !poll.isError && <Skeleton active />}
    </PollDrawerFrame>
  );
}

function PollDetail({ poll }: { poll: Poll }) {
  const { modal, message } = App.useApp();
  const sites = useManagedSites();
  const change = useChangePoll(poll.id);
  const withdraw = useWithdrawPoll(poll.id);
  const [extending, setExtending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const refresh = usePollRefresh();
  const alert = useRef<HTMLDivElement>(null);
  // A refusal is said at the top of the drawer, brought into view (and read out: role alert).
  useEffect(() => {
    if (problem) alert.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const refused = (error: unknown) => setProblem(error instanceof ApiProblem ? error.message : 'Chưa thực hiện được, vui lòng thử lại.');

  const endNow = () =>
    modal.confirm({
      title: 'Kết thúc cuộc thăm dò ngay?',
      content:
        'Cuộc thăm dò đóng ngay bây giờ: không nhận thêm phiếu, và kết quả được công bố cho mọi người xem trên cổng. Các phiếu đã bình chọn được giữ nguyên.',
      okText: 'Kết thúc ngay',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => {
        setProblem(undefined);
        // A past end ends it now (the API moves it to the moment it takes the change).
        change.mutate(
          { closesAt: new Date().toISOString() },
          { onSuccess: () => void message.success('Đã kết thúc cuộc thăm dò.'), onError: refused },
        );
      },
    });
  const takeDown = () =>
    modal.confirm({
      title: 'Gỡ cuộc thăm dò xuống?',
      content:
        'Cuộc thăm dò không còn hiện trên cổng và không nhận phiếu nữa. Các phiếu đã bình chọn và kết quả vẫn được giữ để xem và tải về. Không đưa lên lại được.',
      okText: 'Gỡ xuống',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => {
        setProblem(undefined);
        withdraw.mutate(undefined, { onSuccess: () => void message.success('Đã gỡ cuộc thăm dò xuống.'), onError: refused });
      },
    });

  const upcoming = poll.phase === 'upcoming';
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
            { key: 'site', label: 'Trang', children: sites.title(poll.site) },
            { key: 'phase', label: 'Trạng thái', children: <PhaseTag poll={poll} /> },
            { key: 'opens', label: 'Bắt đầu', children: poll.opensAtText },
            { key: 'closes', label: 'Kết thúc', children: poll.closesAtText },
            {
              key: 'choice',
              label: 'Hình thức',
              children:
                poll.choice === 'single'
                  ? 'Chọn một phương án'
                  : poll.maxChoices
                    ? `Chọn nhiều phương án (tối đa ${poll.maxChoices})`
                    : 'Chọn nhiều phương án',
            },
            {
              key: 'results',
              label: 'Công bố kết quả',
              children: poll.resultsShown === 'after_vote' ? 'Ngay sau khi bình chọn' : 'Khi cuộc thăm dò kết thúc',
            },
          ]}
        />
        {poll.description && !upcoming && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
            {poll.description}
          </Typography.Paragraph>
        )}

        {!upcoming && <PollResults poll={poll} />}

        <section aria-labelledby="poll-steps-title">
          <Typography.Title level={2} id="poll-steps-title" style={{ fontSize: 18 }}>
            {upcoming ? 'Sửa cuộc thăm dò' : 'Thao tác'}
          </Typography.Title>
          {upcoming && (
            <>
              <Typography.Paragraph type="secondary">
                Cuộc thăm dò chưa mở: mọi nội dung còn sửa được. Khi đã mở, chỉ còn đổi được thời điểm kết thúc.
              </Typography.Paragraph>
              <PollForm
                key={`${poll.id}-${poll.opensAt}-${poll.closesAt}`}
                poll={poll}
                onSaved={() => setProblem(undefined)}
                onOpened={(words) => {
                  // It opened meanwhile: the drawer turns to what an open poll allows.
                  setProblem(words);
                  void refresh();
                }}
              />
            </>
          )}
          {poll.phase === 'open' && (
            <Typography.Paragraph type="secondary">
              Cuộc thăm dò đang mở: câu hỏi và các phương án không đổi được nữa; có thể kết thúc sớm, gia hạn hoặc gỡ xuống.
            </Typography.Paragraph>
          )}
          {poll.phase === 'closed' && (
            <Typography.Paragraph type="secondary">Cuộc thăm dò đã kết thúc; kết quả đang được công bố trên cổng.</Typography.Paragraph>
          )}
          {poll.phase === 'withdrawn' && (
            <Typography.Paragraph type="secondary">
              Cuộc thăm dò đã được gỡ khỏi cổng; các phiếu và kết quả vẫn được giữ.
            </Typography.Paragraph>
          )}
          <Space wrap style={{ marginTop: upcoming ? 16 : 0 }}>
            {poll.phase === 'open' && (
              <>
                <Button onClick={endNow} loading={change.isPending}>
                  Kết thúc ngay
                </Button>
                <Button onClick={() => setExtending(true)}>Gia hạn</Button>
              </>
            )}
            {poll.phase !== 'withdrawn' && (
              <Button danger onClick={takeDown} loading={withdraw.isPending}>
                Gỡ xuống
              </Button>
            )}
          </Space>
        </section>
        {extending && <ExtendDialog poll={poll} onClose={() => setExtending(false)} />}
      </Space>
    </>
  );
}
