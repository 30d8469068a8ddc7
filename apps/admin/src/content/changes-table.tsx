import { Table } from 'antd';
import { TableRegion } from '../format/table-region';
import { emptyText } from '../format/empty-text';
import type { ReactNode } from 'react';
import type { Schemas } from '../api/client';

type Change = Schemas['RevisionChangeResponse'];

const PART_LABELS: Record<string, string> = {
  title: 'Tiêu đề',
  slug: 'Đường dẫn',
  summary: 'Tóm tắt',
  body: 'Nội dung',
  section: 'Chuyên mục',
};

/** `fields.steps[2].title` → the part of the edit it belongs to: `fields.steps`; `title` → `title`. */
export const partOf = (path: string) =>
  path
    .split(/[.[]/)
    .slice(0, path.startsWith('fields.') ? 2 : 1)
    .join('.');
const labelOf = (path: string) => PART_LABELS[path] ?? path.replace(/^fields\./, 'Trường ');

/** A value of the diff as a short text: HTML without its tags, long texts cut. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text =
    typeof value === 'string'
      ? value
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** What changed between two revisions, as the API's diff says, part by part. */
export function ChangesTable({ changes, loading, mark }: { changes: Change[]; loading?: boolean; mark?: (part: string) => ReactNode }) {
  return (
    <TableRegion label="Các thay đổi">
      <Table<Change>
        size="small"
        rowKey="path"
        pagination={false}
        loading={loading}
        dataSource={changes}
        locale={{ emptyText: emptyText('Không có thay đổi.') }}
        columns={[
          {
            title: 'Phần',
            dataIndex: 'path',
            width: 180,
            render: (path: string) => (
              <>
                {labelOf(path)} {mark?.(partOf(path))}
              </>
            ),
          },
          { title: 'Trước', dataIndex: 'before', render: shown },
          { title: 'Sau', dataIndex: 'after', render: shown },
        ]}
      />
    </TableRegion>
  );
}
