import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { StatusTag } from '../format/status-tag';
import { api, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';
import { ChangesTable, partOf } from './changes-table';
import { draftOf, type EditorValues, valuesOf } from './editor-values';

type Item = Schemas['ContentResponse'];

/** The value of one part (`title`, `fields.steps`) in an edit as the API saves it. */
function partValue(d: ReturnType<typeof draftOf>, part: string): unknown {
  if (part.startsWith('fields.')) return d.fields[part.slice('fields.'.length)];
  return (d as Record<string, unknown>)[part];
}

/**
 * A save refused because someone saved after the revision this edit started from (409): what
 * they changed, and three knowing choices — merge (their changes where I changed nothing), keep
 * mine over theirs, or drop mine for theirs.
 */
export function ConflictDialog({
  itemId,
  startedFrom,
  mine,
  sectionSlugOf,
  onClose,
  onMerged,
  onOverwrite,
  onDiscard,
}: {
  itemId: string;
  startedFrom: number;
  mine: EditorValues;
  /** The slug of a section of the item's site, by id (revisions name sections by id). */
  sectionSlugOf: (id: string) => string | null;
  onClose: () => void;
  onMerged: (merged: EditorValues, latest: Item) => void;
  onOverwrite: (latest: Item) => void;
  onDiscard: (latest: Item) => void;
}) {
  const state = useQuery({
    queryKey: ['content', 'conflict', itemId, startedFrom],
    gcTime: 0,
    queryFn: async () => {
      const latest = await ok(api.GET('/api/v1/content/{id}', { params: { path: { id: itemId } } }));
      const changes = await ok(
        api.GET('/api/v1/content/{id}/diff', { params: { path: { id: itemId }, query: { from: startedFrom, to: latest.revision } } }),
      );
      const start = await ok(api.GET('/api/v1/content/{id}/revisions/{n}', { params: { path: { id: itemId, n: startedFrom } } }));
      return { latest, changes, start };
    },
  });
  const latest = state.data?.latest;
  const changes = state.data?.changes ?? [];
  const minePart = draftOf(mine);
  const start = state.data?.start;
  /** Whether my edit changed this part since the revision it started from. */
  const iChanged = (part: string): boolean => {
    if (!start) return true;
    if (part === 'section') return (mine.section ?? null) !== (start.sectionId ? sectionSlugOf(start.sectionId) : null);
    const startPart = draftOf({
      title: start.title,
      summary: start.summary ?? '',
      body: start.bodyHtml,
      fields: start.fields,
    });
    return JSON.stringify(partValue(minePart, part) ?? null) !== JSON.stringify(partValue(startPart, part) ?? null);
  };

  /** Parts they changed: mine where I changed it too (the edit differs from what they saved), else theirs. */
  const merge = () => {
    if (!latest) return;
    const theirs = valuesOf(latest);
    const theirDraft = draftOf(theirs);
    const merged: EditorValues = { ...mine, fields: { ...(mine.fields ?? {}) } };
    for (const part of new Set(changes.map((c) => partOf(c.path)))) {
      if (iChanged(part)) continue;
      if (part.startsWith('fields.')) merged.fields![part.slice(7)] = theirDraft.fields[part.slice(7)];
      else if (part === 'section') merged.section = theirs.section;
      else if (part !== 'slug') (merged as Record<string, unknown>)[part] = (theirs as Record<string, unknown>)[part];
    }
    onMerged(merged, latest);
  };

  return (
    <Modal open title="Tin bài đã được người khác sửa" onCancel={onClose} footer={null} width={820} destroyOnHidden>
      {state.isError && <Alert type="error" showIcon message={state.error.message} />}
      {latest && (
        <>
          <Typography.Paragraph>
            Bạn bắt đầu sửa từ phiên bản {startedFrom}. Sau đó, tin bài đã được lưu đến phiên bản {latest.revision} (lúc{' '}
            {formatInstant(latest.updatedAt)}). Chưa có gì bị ghi đè. Những thay đổi của họ:
          </Typography.Paragraph>
          <ChangesTable changes={changes} mark={(part) => iChanged(part) && <StatusTag tone="warning">bạn cũng sửa</StatusTag>} />
          <Space wrap style={{ marginTop: 16 }}>
            <Button type="primary" onClick={merge}>
              Gộp: lấy phần họ sửa mà tôi không sửa
            </Button>
            <Button danger onClick={() => onOverwrite(latest)}>
              Ghi đè bằng bản của tôi
            </Button>
            <Button onClick={() => onDiscard(latest)}>Bỏ bản của tôi, dùng bản mới nhất</Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
