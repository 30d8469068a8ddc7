import { DomainError } from '@cong/platform-errors';
import { isUUID } from 'class-validator';

/** Where a newest-first page ended: the sort instant and the id that breaks ties. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeCursor(p: KeysetPosition): string {
  return Buffer.from(`${p.at.toISOString()}|${p.id}`).toString('base64url');
}

/**
 * The position a cursor of ours names; anything else is a 400 under `code` (never a query that
 * fails in the database).
 */
export function decodeCursor(cursor: string, code: string): KeysetPosition {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !isUUID(id) || Number.isNaN(date.getTime())) {
    throw new DomainError(code, 'bad_request', 'Con trỏ phân trang không hợp lệ.', [
      { field: 'cursor', message: 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).' },
    ]);
  }
  return { at: date, id };
}

/** The cursor of the page after `items`, or null when this page was the last. */
export function nextCursor<T>(items: T[], limit: number, positionOf: (item: T) => KeysetPosition): string | null {
  return items.length === limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
}
