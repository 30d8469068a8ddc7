import { Card, List, Progress, Space, Table, Typography } from 'antd';
import { TableRegion } from '../format/table-region';
import type { Schemas } from '../api/client';
import { formatDay, weekdayOf } from '../format/dates';
import { typeLabel } from '../format/labels';
import { StatusTag, type Tone } from '../format/status-tag';

type Entry = Schemas['ProgressEntryResponse'];
type Quota = Schemas['QuotaResultResponse'];
type Schedule = Schemas['ScheduleResultResponse'];
type Deadline = Schemas['DeadlineResultResponse'];

export const OBLIGATION_STATUS: Record<Entry['status'], { label: string; tone: Tone }> = {
  met: { label: 'Đã đạt', tone: 'good' },
  on_track: { label: 'Đang thực hiện', tone: 'info' },
  behind: { label: 'Chậm', tone: 'bad' },
};

export const DEADLINE: Record<Deadline['status'], { label: string; tone: Tone }> = {
  on_time: { label: 'Đúng hạn', tone: 'good' },
  late: { label: 'Trễ hạn', tone: 'bad' },
  missing: { label: 'Chưa đăng', tone: 'bad' },
  pending: { label: 'Sắp đến hạn', tone: 'warning' },
  no_clock: { label: 'Không tính hạn', tone: 'neutral' },
};

const period = (e: { period?: Schemas['DateRangeResponse'] }) =>
  e.period ? `${formatDay(e.period.start)} – ${formatDay(e.period.end)}` : '';

function QuotaBar({ quota }: { quota: Quota }) {
  const percent = quota.required ? Math.min(100, Math.round((quota.counted / quota.required) * 100)) : 100;
  return (
    <Progress
      percent={percent}
      status={quota.met ? 'success' : 'active'}
      // Dark figures: the bar's own green and blue text fall short of 4.5:1.
      format={() => <span style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{`${quota.counted}/${quota.required}`}</span>}
      aria-label={`Đã đăng ${quota.counted} trên ${quota.required}`}
    />
  );
}

/** LC-2.3a's days (Mon/Wed/Fri): each required day of the week (or of a longer period), posted or not. */
export function WeekStrip({ schedule, label = 'Các ngày phải đăng trong tuần' }: { schedule: Schedule; label?: string }) {
  const counted = new Map(schedule.days.map((d) => [d.date, d.counted]));
  const missed = new Set(schedule.missedDays);
  return (
    <ul className="cong-week" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {schedule.requiredDays.map((day) => {
        const n = counted.get(day) ?? 0;
        const state = n > 0 ? 'met' : missed.has(day) ? 'missed' : 'ahead';
        const words = state === 'met' ? `đã đăng ${n}` : state === 'missed' ? 'chưa đăng' : 'chưa đến';
        return (
          <li key={day} className={`cong-day cong-day-${state}`}>
            <strong>{weekdayOf(day)}</strong>
            <br />
            {formatDay(day).slice(0, 5)}
            <br />
            <span>{words}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Deadlines({ deadlines }: { deadlines: Deadline[] }) {
  const open = deadlines.filter((d) => d.status !== 'on_time' && d.status !== 'no_clock');
  if (open.length === 0) return <Typography.Text>Không có hạn nào sắp đến hoặc đã trễ.</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={open}
      renderItem={(d) => (
        <List.Item>
          <Space wrap>
            <StatusTag tone={DEADLINE[d.status].tone}>{DEADLINE[d.status].label}</StatusTag>
            <span>
              {typeLabel(d.contentType)} — hạn {formatDay(d.due)}
              {d.status === 'late' && `, trễ ${d.daysLate} ngày`}
            </span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One unit's obligations of this period, rule by rule, as the API judged them. */
export function UnitObligations({ name, entries }: { name: string; entries: Entry[] }) {
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{name}</h3>} size="small">
      {entries.length === 0 && <Typography.Text>Đơn vị không có chỉ tiêu nào trong kỳ này.</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {entries.map((e) => (
          <div key={e.rule}>
            <Space wrap style={{ marginBottom: 4 }}>
              <StatusTag tone={OBLIGATION_STATUS[e.status].tone}>{OBLIGATION_STATUS[e.status].label}</StatusTag>
              <Typography.Text strong>{e.summary}</Typography.Text>
              <Typography.Text type="secondary">
                {e.requirement}
                {e.period && ` · ${period(e)}`}
              </Typography.Text>
            </Space>
            {e.kind === 'quota' && <QuotaBar quota={e.detail as Quota} />}
            {e.kind === 'schedule' && <WeekStrip schedule={e.detail as Schedule} />}
            {e.kind === 'deadline' && <Deadlines deadlines={e.detail as Deadline[]} />}
          </div>
        ))}
      </Space>
    </Card>
  );
}

/** Every unit at a glance, for the province-wide roles: one row a unit, one tag a rule. */
export function ObligationsOverview({ units, nameOf }: { units: Schemas['UnitProgressResponse'][]; nameOf: (code: string) => string }) {
  const behind = (u: Schemas['UnitProgressResponse']) => u.entries.filter((e) => e.status === 'behind').length;
  const rows = [...units].sort((a, b) => behind(b) - behind(a) || nameOf(a.unit).localeCompare(nameOf(b.unit), 'vi'));
  return (
    <TableRegion label="Chỉ tiêu của các đơn vị">
      <Table
        size="small"
        rowKey="unit"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unit', width: 220, render: nameOf },
          {
            title: 'Chỉ tiêu',
            dataIndex: 'entries',
            render: (entries: Entry[]) =>
              entries.length === 0 ? (
                '—'
              ) : (
                <Space wrap size={[4, 4]}>
                  {entries.map((e) => (
                    <span key={e.rule} title={`${e.requirement}: ${e.summary}`}>
                      <StatusTag tone={OBLIGATION_STATUS[e.status].tone}>
                        {OBLIGATION_STATUS[e.status].label}: {e.summary}
                      </StatusTag>
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </TableRegion>
  );
}
