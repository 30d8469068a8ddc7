import { Table, Typography } from 'antd';
import { percent } from '../compliance/figures';
import { DownloadButtons } from '../format/download';
import { emptyText } from '../format/empty-text';
import { TableRegion } from '../format/table-region';
import { type Poll, resultsFile } from './poll-hooks';

type Count = NonNullable<Poll['results']>['counts'][number];

/**
 * The results as those who run the poll always see them: each option's votes and its share of the
 * voters (a bar beside the figure, which says it in words), the number of voters, and the same as
 * an XLSX or CSV file.
 */
export function PollResults({ poll }: { poll: Poll }) {
  const results = poll.results;
  return (
    <section aria-labelledby="poll-results-title">
      <Typography.Title level={2} id="poll-results-title" style={{ fontSize: 18 }}>
        Kết quả
      </Typography.Title>
      {results ? (
        <>
          <Typography.Paragraph>
            Số người tham gia: <strong>{results.voters.toLocaleString('vi-VN')}</strong>
            {poll.choice === 'multiple' && (
              <Typography.Text type="secondary">
                {' '}
                (mỗi người chọn được nhiều phương án: tỷ lệ tính trên số người tham gia, tổng có thể quá 100 %)
              </Typography.Text>
            )}
          </Typography.Paragraph>
          <TableRegion label="Kết quả theo phương án">
            <Table<Count>
              className="cong-results"
              rowKey="optionId"
              size="small"
              pagination={false}
              dataSource={results.counts}
              locale={{ emptyText: emptyText('Chưa có phương án nào.') }}
              columns={[
                { title: 'Phương án', dataIndex: 'label', onCell: () => ({ style: { minWidth: 120, overflowWrap: 'anywhere' } }) },
                { title: 'Số lượt chọn', dataIndex: 'votes', width: 90, align: 'right', render: (n: number) => n.toLocaleString('vi-VN') },
                {
                  title: 'Tỷ lệ người tham gia',
                  dataIndex: 'percent',
                  width: 200,
                  render: (share: number) => (
                    <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      <span style={{ minWidth: 56, textAlign: 'right', whiteSpace: 'nowrap' }}>{percent(share)}</span>
                      <span className="cong-bar cong-hide-narrow" aria-hidden>
                        <span style={{ width: `${Math.min(100, share)}%` }} />
                      </span>
                    </span>
                  ),
                },
              ]}
            />
          </TableRegion>
          <div style={{ marginTop: 12 }}>
            <DownloadButtons
              call={(format) => resultsFile(poll.id, format)}
              fallbackName={(format) => `ket-qua-tham-do-${poll.id.slice(0, 8)}.${format}`}
            />
          </div>
        </>
      ) : (
        <Typography.Text type="secondary">Kết quả chưa có.</Typography.Text>
      )}
    </section>
  );
}
