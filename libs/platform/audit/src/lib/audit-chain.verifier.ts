import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Where a chain stops holding: the first entry whose link or content does not match. */
export interface AuditChainBreak {
  /** The entry at which the break shows (for entries deleted at the end: the last one left, or null). */
  entryId: string | null;
  seq: number | null;
  occurredAt: Date | null;
  kind: 'content_changed' | 'entries_missing' | 'link_broken' | 'tail_missing';
  /** What differs, for the person reading the report. */
  detail: string;
}

export type AuditChainReport =
  { ok: true; entries: number; headSeq: number; headHash: string | null } | { ok: false; entries: number; broken: AuditChainBreak };

interface ChainRow {
  id: string;
  seq: string;
  occurred_at: Date;
  prev_hash: Buffer;
  hash: Buffer;
  recomputed: Buffer;
}

const GENESIS = Buffer.alloc(32);
const BATCH = 1000;

const hex = (b: Buffer | null) => (b ? b.toString('hex') : '(none)');

/**
 * Walks one chain of the audit log in order and recomputes every hash with the database's own
 * digest function — the one the trigger used — so that a verification never disagrees with the
 * writer about how an entry is serialised. Runs in the caller's transaction: a province's for its
 * chain (row-level security shows it only its own), the operator path for the platform chain.
 */
@Injectable()
export class AuditChainVerifier {
  async verify(m: EntityManager, tenantId: string | null): Promise<AuditChainReport> {
    const chain = tenantId ?? 'platform';
    const [head] = (await m.query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE chain = $1`, [chain])) as {
      last_seq: string;
      last_hash: Buffer;
    }[];
    let expectedSeq = 1;
    let prev: { id: string; hash: Buffer; seq: number; occurredAt: Date } | null = null;
    let entries = 0;
    for (;;) {
      // `=` and `IS NULL` rather than IS NOT DISTINCT FROM, which no index serves: the walk uses (tenant_id, seq).
      const rows = (await m.query(
        `SELECT e.id, e.seq, e.occurred_at, e.prev_hash, e.hash, audit_entry_digest(e.prev_hash, e) AS recomputed
           FROM audit_entry e
          WHERE ${tenantId ? 'e.tenant_id = $1' : 'e.tenant_id IS NULL AND $1::uuid IS NULL'} AND e.seq >= $2
          ORDER BY e.seq LIMIT ${BATCH}`,
        [tenantId, expectedSeq],
      )) as ChainRow[];
      for (const row of rows) {
        const seq = Number(row.seq);
        const at = { entryId: row.id, seq, occurredAt: row.occurred_at };
        if (seq !== expectedSeq) {
          const missing = seq - expectedSeq === 1 ? `seq ${expectedSeq}` : `seq ${expectedSeq}–${seq - 1}`;
          return {
            ok: false,
            entries,
            broken: {
              ...at,
              kind: 'entries_missing',
              detail: `${seq - expectedSeq} entr${seq - expectedSeq === 1 ? 'y' : 'ies'} before this one missing (${missing}): deleted`,
            },
          };
        }
        const expectedPrev = prev?.hash ?? GENESIS;
        if (!row.prev_hash.equals(expectedPrev)) {
          const before = prev ? `entry ${prev.id} (seq ${prev.seq})` : 'the start of the chain';
          return {
            ok: false,
            entries,
            broken: {
              ...at,
              kind: 'link_broken',
              detail: `prev_hash ${hex(row.prev_hash)} is not the hash of ${before}, ${hex(expectedPrev)}: that entry's hash was rewritten`,
            },
          };
        }
        if (!row.hash.equals(row.recomputed)) {
          return {
            ok: false,
            entries,
            broken: {
              ...at,
              kind: 'content_changed',
              detail: `content no longer matches its hash: stored ${hex(row.hash)}, recomputed ${hex(row.recomputed)}`,
            },
          };
        }
        prev = { id: row.id, hash: row.hash, seq, occurredAt: row.occurred_at };
        expectedSeq = seq + 1;
        entries++;
      }
      if (rows.length < BATCH) break;
    }
    const headSeq = head ? Number(head.last_seq) : 0;
    const last = { entryId: prev?.id ?? null, seq: prev?.seq ?? null, occurredAt: prev?.occurredAt ?? null };
    if (headSeq > entries) {
      const detail = `the chain's head says ${headSeq} entries, the log ends at seq ${entries}: the newest ${headSeq - entries} were deleted`;
      return { ok: false, entries, broken: { ...last, kind: 'tail_missing', detail } };
    }
    if (headSeq < entries || (head && !head.last_hash.equals(prev?.hash ?? GENESIS))) {
      const detail = `the chain's head (seq ${headSeq}, ${hex(head?.last_hash ?? null)}) is not the newest entry (seq ${entries}, ${hex(prev?.hash ?? null)}): written or rewritten past the trigger`;
      return { ok: false, entries, broken: { ...last, kind: 'link_broken', detail } };
    }
    return { ok: true, entries, headSeq, headHash: head ? head.last_hash.toString('hex') : null };
  }
}
