import { Alert, Button, Checkbox, Form, Table, Typography } from 'antd';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { FilterSelect } from '../format/filter-select';
import { QUESTION_STATUS_LABELS } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { useUrlFilters } from '../format/url-filters';
import { useMe, useUnits } from '../session/lookups';
import { codesActedFor } from '../units/unit-tree';
import { DueDate } from '../format/due-date';
import { QuestionDrawer } from './question-drawer';
import { type QuestionStatus, type QuestionSummary, useQuestionList } from './question-hooks';

/** The filters and the question open, in the address: `?trang-thai=new&don-vi=so-tu-phap&qua-han=1&cau-hoi=<id>`. */
const PARAMS = { status: 'trang-thai', unit: 'don-vi', overdue: 'qua-han', open: 'cau-hoi' } as const;

/**
 * Citizens' questions (hỏi đáp trực tuyến) within my reach, newest first: province-wide roles see
 * every one, unit roles those sent to their units and below (the API decides). Filtered by status,
 * unit and "past the answer deadline"; a question opens in a drawer with its history and the steps
 * I may take.
 */
export function QuestionsPage() {
  const { filter, set } = useUrlFilters(PARAMS);
  const me = useMe();
  const units = useUnits();
  const list = useQuestionList({
    status: filter.status as QuestionStatus | undefined,
    unit: filter.unit,
    overdue: filter.overdue ? true : undefined,
  });
  const questions = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filter.status || filter.unit || filter.overdue);

  // A unit role chooses among its units and those below them; a province-wide role among all.
  const all = units.data ?? [];
  const memberships = me.data?.memberships ?? [];
  const reach = codesActedFor(
    all,
    memberships.map((m) => m.unitId ?? null),
  );
  const unitOptions = all
    .filter((u) => u.active && (reach === 'all' || reach.has(u.code)))
    .map((u) => ({ value: u.code, label: u.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

  return (
    <section aria-labelledby="questions-title">
      <Typography.Title level={1} id="questions-title" style={{ fontSize: 24, margin: 0 }}>
        Hỏi đáp trực tuyến
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        Câu hỏi của công dân gửi qua cổng thông tin và các chuyên trang. Thông tin liên hệ của người hỏi không bao giờ được công bố.
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label="Lọc câu hỏi">
        <FilterSelect
          label="Trạng thái"
          name="status"
          width={240}
          value={filter.status}
          onChange={set}
          options={Object.entries(QUESTION_STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <FilterSelect label="Đơn vị" name="unit" width={240} value={filter.unit} onChange={set} options={unitOptions} />
        <Form.Item>
          <Checkbox checked={Boolean(filter.overdue)} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}>
            Chỉ câu hỏi quá hạn trả lời
          </Checkbox>
        </Form.Item>
      </Form>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <TableRegion label="Danh sách câu hỏi">
        <Table<QuestionSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={questions}
          pagination={false}
          rowClassName={(q) => (q.overdue ? 'cong-overdue' : '')}
          locale={{ emptyText: emptyText(filtered ? 'Không có câu hỏi nào khớp bộ lọc.' : 'Chưa có câu hỏi nào.') }}
          columns={[
            {
              title: 'Mã',
              dataIndex: 'reference',
              width: 130,
              render: (ref: string) => <span style={{ whiteSpace: 'nowrap' }}>{ref}</span>,
            },
            {
              title: 'Tiêu đề',
              dataIndex: 'title',
              // On a phone the table scrolls sideways in its region rather than squeezing the titles to a word a line.
              onCell: () => ({ style: { minWidth: 220 } }),
              render: (title: string, q) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => set({ open: q.id })}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: 'Đơn vị',
              dataIndex: 'unit',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (unit: QuestionSummary['unit']) => unit?.name ?? <Typography.Text type="secondary">Chưa chuyển</Typography.Text>,
            },
            { title: 'Ngày nhận', dataIndex: 'receivedOn', width: 120, render: formatDay },
            { title: 'Hạn trả lời', dataIndex: 'due', width: 130, render: (_, q) => <DueDate due={q.due} overdue={q.overdue} /> },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 190,
              render: (status: string, q) => (
                <StatusTag tone={QUESTION_STATUS_LABELS[status]?.tone ?? 'neutral'}>{q.statusLabel}</StatusTag>
              ),
            },
          ]}
        />
      </TableRegion>
      {list.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
      {filter.open && <QuestionDrawer key={filter.open} id={filter.open} onClose={() => set({ open: undefined })} />}
    </section>
  );
}
