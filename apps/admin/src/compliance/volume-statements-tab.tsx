import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { typeLabel } from '../format/labels';
import { StatusTag } from '../format/status-tag';
import { TableRegion } from '../format/table-region';
import { complianceQueries } from './compliance-queries';
import { FilterBar, PeriodPicker } from './period-picker';
import { hasEnded, inclusiveRange, lastEnded, periodLabel, periodOf, type PeriodKind, provinceToday } from './periods';
import { useSearchState } from './search-state';

type Line = Schemas['VolumeLineResponse'];
type Statement = Schemas['VolumeStatementListEntry'];

function LinesTable({ lines, label }: { lines: Line[]; label: string }) {
  return (
    <TableRegion label={label}>
      <Table<Line>
        size="small"
        rowKey={(l) => `${l.unit}|${l.type}`}
        dataSource={lines}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: emptyText('Không có tin bài nào được tính trong kỳ này.') }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Loại tin bài', dataIndex: 'type', render: typeLabel },
          { title: 'Số lượng', dataIndex: 'count', align: 'right' },
        ]}
      />
    </TableRegion>
  );
}

/**
 * NA-10.1: the volume of information each unit provided in a period, as the basis for payment.
 * The draft as it stands; certified once the period is over (then frozen); a certified statement
 * is corrected by a new one that names it, with a reason.
 */
export function VolumeStatementsTab({ kind }: { kind: PeriodKind }) {
  const [params, set] = useSearchState();
  const { message } = App.useApp();
  const client = useQueryClient();
  const today = provinceToday();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('ky-khoi-luong') ?? '') ? params.get('ky-khoi-luong')! : lastEnded(kind, today).start;
  const range = periodOf(kind, date);
  const label = periodLabel(kind, range);
  const ended = hasEnded(range, today);
  const draft = useQuery(complianceQueries.volumeDraft(range.start));
  const statements = useQuery(complianceQueries.volumeStatements(range.start, range.end));
  const chain = statements.data ?? [];
  const current = chain.find((s) => !s.correctedById);
  const [correcting, setCorrecting] = useState<Statement | null>(null);

  const refresh = () => void client.invalidateQueries({ queryKey: ['compliance', 'volume-statements'] });
  const certify = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/compliance/volume-statements', { body: { date: range.start } })),
    onSuccess: () => {
      refresh();
      message.success(`Đã xác nhận khối lượng thông tin ${label}.`);
    },
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FilterBar>
        <PeriodPicker kinds={[kind]} kind={kind} date={date} label="Kỳ thanh toán" onChange={(_, d) => set({ 'ky-khoi-luong': d })} />
      </FilterBar>
      <section aria-labelledby="volume-draft-title">
        <Typography.Title level={3} id="volume-draft-title" style={{ fontSize: 16 }}>
          Số liệu hiện tại: {label} ({inclusiveRange(range)})
        </Typography.Title>
        {draft.isError && <Alert type="error" showIcon message={draft.error.message} />}
        {draft.isLoading && <Skeleton active />}
        {draft.data && (
          <>
            <Typography.Paragraph>
              Tổng cộng {draft.data.total} tin bài
              {!ended && ' — kỳ chưa kết thúc, số liệu còn thay đổi; chỉ xác nhận được khi kỳ đã kết thúc'}.
            </Typography.Paragraph>
            <LinesTable lines={draft.data.lines} label={`Khối lượng thông tin ${label}`} />
          </>
        )}
        {certify.isError && <Alert type="error" showIcon role="alert" message={certify.error.message} style={{ marginTop: 16 }} />}
        {!current && (
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            disabled={!ended || !draft.data || statements.isLoading}
            loading={certify.isPending}
            onClick={() => certify.mutate()}
          >
            Xác nhận khối lượng {label}
          </Button>
        )}
      </section>
      <section aria-labelledby="volume-certified-title">
        <Typography.Title level={3} id="volume-certified-title" style={{ fontSize: 16 }}>
          Bảng kê đã xác nhận
        </Typography.Title>
        {statements.isError && <Alert type="error" showIcon message={statements.error.message} />}
        <TableRegion label="Bảng kê đã xác nhận">
          <Table<Statement>
            size="small"
            rowKey="id"
            loading={statements.isLoading}
            dataSource={[...chain].reverse()}
            pagination={false}
            locale={{ emptyText: emptyText('Kỳ này chưa có bảng kê nào được xác nhận.') }}
            expandable={{
              expandedRowRender: (s) => <LinesTable lines={s.lines} label={`Bảng kê xác nhận lúc ${formatInstant(s.certifiedAt)}`} />,
            }}
            columns={[
              { title: 'Xác nhận lúc', dataIndex: 'certifiedAt', render: formatInstant },
              { title: 'Người xác nhận', dataIndex: 'certifiedBy' },
              { title: 'Tổng số tin bài', dataIndex: 'total', align: 'right' },
              {
                title: 'Tình trạng',
                render: (_, s) =>
                  s.correctedById ? (
                    <StatusTag tone="neutral">Đã được điều chỉnh</StatusTag>
                  ) : (
                    <StatusTag tone="good">Đang áp dụng</StatusTag>
                  ),
              },
              {
                title: 'Điều chỉnh',
                render: (_, s) =>
                  s.correctsId
                    ? `Điều chỉnh bảng kê ngày ${formatInstant(chain.find((c) => c.id === s.correctsId)?.certifiedAt)}: ${s.reason ?? ''}`
                    : '—',
              },
              {
                title: 'Thao tác',
                render: (_, s) =>
                  s.correctedById ? null : (
                    <Button onClick={() => setCorrecting(s)} aria-label={`Điều chỉnh bảng kê xác nhận lúc ${formatInstant(s.certifiedAt)}`}>
                      Điều chỉnh
                    </Button>
                  ),
              },
            ]}
          />
        </TableRegion>
      </section>
      {correcting && (
        <CorrectionDialog
          statement={correcting}
          periodName={label}
          onClose={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            refresh();
            message.success(`Đã lập bảng kê điều chỉnh ${label}.`);
          }}
        />
      )}
    </Space>
  );
}

/** A correction: the figures as they stand now, certified anew, naming the statement it corrects, with a reason. */
function CorrectionDialog({
  statement,
  periodName,
  onClose,
  onDone,
}: {
  statement: Statement;
  periodName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const correct = useMutation({
    mutationFn: (v: { reason: string }) =>
      ok(
        api.POST('/api/v1/compliance/volume-statements', {
          body: { date: statement.periodStart, corrects: statement.id, reason: v.reason.trim() },
        }),
      ),
    onSuccess: onDone,
    onError: (error) => {
      // The API names the field it refused; its Vietnamese message goes under it.
      if (error instanceof ApiProblem && error.fields.length)
        form.setFields(error.fields.map((f) => ({ name: f.field as 'reason', errors: [error.message] })));
    },
  });
  return (
    <Modal title={`Điều chỉnh bảng kê ${periodName}`} open onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        Bảng kê mới lấy số liệu như hiện nay ({statement.total} tin bài trong bảng kê đang áp dụng). Bảng kê cũ được giữ nguyên và ghi là đã
        được điều chỉnh.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => correct.mutate(v)}>
        {correct.isError && !(correct.error instanceof ApiProblem && correct.error.fields.length) && (
          <Alert type="error" showIcon role="alert" message={correct.error.message} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          label="Lý do điều chỉnh"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 3, message: 'Hãy ghi lý do điều chỉnh (ít nhất 3 ký tự).' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={correct.isPending}>
            Lập bảng kê điều chỉnh
          </Button>
          <Button onClick={onClose}>Huỷ</Button>
        </Space>
      </Form>
    </Modal>
  );
}
