import { session } from '../session/session-store';

/** What an editor typed and has not saved yet, kept on this computer. */
export interface LocalDraft<V> {
  values: V;
  /** The revision the edit started from (undefined for a new item). */
  baseRevision?: number;
  savedAt: string;
}

const keyOf = (itemId: string | undefined) => `cong.admin.draft.${session.current().province?.code ?? '-'}.${itemId ?? 'new'}`;

/**
 * Local drafts: every change of the editor form is kept in localStorage, so that neither an
 * expired session, a closed tab nor a lost connection loses an edit. A save that the API took
 * removes it.
 */
export const localDrafts = {
  read<V>(itemId: string | undefined): LocalDraft<V> | undefined {
    const raw = localStorage.getItem(keyOf(itemId));
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as LocalDraft<V>;
    } catch {
      localStorage.removeItem(keyOf(itemId));
      return undefined;
    }
  },
  write<V>(itemId: string | undefined, values: V, baseRevision: number | undefined): void {
    const draft: LocalDraft<V> = { values, baseRevision, savedAt: new Date().toISOString() };
    try {
      localStorage.setItem(keyOf(itemId), JSON.stringify(draft));
    } catch {
      // Storage full or refused (private mode): the edit is still in the form.
    }
  },
  remove(itemId: string | undefined): void {
    localStorage.removeItem(keyOf(itemId));
  },
};
