import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Select, Skeleton, Space, Table, Typography } from 'antd';
import { api, type Schemas } from '../api/client';
import { formatDay } from '../format/dates';
import { emptyText } from '../format/empty-text';
import { TableRegion } from '../format/table-region';
import { complianceQueries } from './compliance-queries';
import { DownloadButtons } from '../format/download';
import { channelLabel, decimal, money, share } from './figures';
import { FilterBar, fieldWidth } from './period-picker';
import { monthLabel, provinceToday, recentMonths } from './periods';
import { useSearchState } from './search-state';

type Statement = Schemas['RoyaltyStatementResponse'];

/**
 * LC-3.1c: the month's royalty statement (nhuận bút) for contributions approved and published:
 * per unit, per author, and every line so each amount can be checked; downloads as XLSX and CSV.
 */
export function RoyaltiesTab() {
  const [params, set] = useSearchState();
  const today = provinceToday();
  const months = recentMonths(today);
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('thang') ?? '') ? params.get('thang')! : recentMonths(today, true)[0];
  if (!months.includes(month)) months.push(month);
  const statement = useQuery(complianceQueries.royalties(month));
  const file = (format: 'xlsx' | 'csv') =>
    api.GET('/api/v1/compliance/royalties', { params: { query: { month, format } }, parseAs: 'blob' });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <FilterBar>
        <Select
          aria-label="Tháng"
          value={month}
          style={fieldWidth(200)}
          onChange={(m: string) => set({ thang: m })}
          options={months.map((m) => ({ value: m, label: `Tháng ${monthLabel(m)}` }))}
        />
        <DownloadButtons call={file} fallbackName={(format) => `nhuan-but-${month}.${format}`} disabled={!statement.data} />
      </FilterBar>
      {statement.isError && <Alert type="error" showIcon message={statement.error.message} />}
      {statement.isLoading && <Skeleton active />}
      {statement.data && <StatementView statement={statement.data} />}
    </Space>
  );
}

function StatementView({ statement }: { statement: Statement }) {
  const name = `Bảng kê nhuận bút tháng ${monthLabel(statement.month)}`;
  return (
    <>
      <section aria-labelledby="royalty-title">
        <Typography.Title level={3} id="royalty-title" style={{ fontSize: 18 }}>
          {name}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'basis',
              label: 'Căn cứ',
              children: `Quyết định ${statement.legalBasis.document} (${statement.legalBasis.requirement})`,
            },
            { key: 'issued', label: 'Ngày lập', children: formatDay(statement.issuedOn) },
            { key: 'items', label: 'Số tin bài', children: statement.total.items },
            { key: 'amount', label: 'Tổng tiền', children: money(statement.total.amount) },
          ]}
        />
      </section>
      <section aria-labelledby="royalty-units-title">
        <Typography.Title level={4} id="royalty-units-title" style={{ fontSize: 16 }}>
          Theo đơn vị
        </Typography.Title>
        <TableRegion label="Nhuận bút theo đơn vị">
          <Table
            size="small"
            rowKey="unit"
            dataSource={statement.units}
            pagination={false}
            locale={{ emptyText: emptyText('Tháng này chưa có tin bài nào được hưởng nhuận bút.') }}
            columns={[
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Số tin bài', dataIndex: 'items', align: 'right' },
              { title: 'Số điểm', dataIndex: 'points', align: 'right', render: decimal },
              { title: 'Thành tiền', dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </TableRegion>
      </section>
      <section aria-labelledby="royalty-authors-title">
        <Typography.Title level={4} id="royalty-authors-title" style={{ fontSize: 16 }}>
          Theo tác giả
        </Typography.Title>
        <TableRegion label="Nhuận bút theo tác giả">
          <Table
            size="small"
            rowKey={(a) => `${a.author}|${a.unit}`}
            dataSource={statement.authors}
            pagination={false}
            locale={{ emptyText: emptyText('Chưa có tác giả nào.') }}
            columns={[
              { title: 'Tác giả', dataIndex: 'authorName' },
              { title: 'Tài khoản', dataIndex: 'author' },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Số tin bài', dataIndex: 'items', align: 'right' },
              { title: 'Số điểm', dataIndex: 'points', align: 'right', render: decimal },
              { title: 'Thành tiền', dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </TableRegion>
      </section>
      <section aria-labelledby="royalty-lines-title">
        <Typography.Title level={4} id="royalty-lines-title" style={{ fontSize: 16 }}>
          Từng tin bài
        </Typography.Title>
        <TableRegion label="Nhuận bút từng tin bài">
          <Table
            size="small"
            rowKey="itemId"
            dataSource={statement.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: emptyText('Chưa có tin bài nào.') }}
            columns={[
              { title: 'Tác giả', dataIndex: 'authorName' },
              { title: 'Tin bài', dataIndex: 'title' },
              { title: 'Ngày đăng', dataIndex: 'publishedOn', render: formatDay },
              { title: 'Thể loại', dataIndex: 'genreName' },
              { title: 'Kênh đăng', dataIndex: 'channel', render: channelLabel },
              { title: 'Số điểm', dataIndex: 'points', align: 'right', render: decimal },
              {
                title: 'Giá trị 1 điểm',
                align: 'right',
                render: (_, l) => <span title={l.unitValueBasis ?? undefined}>{money(l.unitValue)}</span>,
              },
              { title: 'Tỷ lệ hưởng', dataIndex: 'share', align: 'right', render: share },
              { title: 'Thành tiền', dataIndex: 'amount', align: 'right', render: money },
            ]}
          />
        </TableRegion>
      </section>
    </>
  );
}
