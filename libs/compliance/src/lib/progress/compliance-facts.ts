import { CALENDAR_DATE, DateRange, QUESTION_CLOCK } from '@cong/rules';
import { Injectable } from '@nestjs/common';
import { QuestionFacts } from '@cong/citizens';
import { TenantDatabase } from '@cong/platform-database';
import { unitSubtree } from '@cong/units';
import { DateTime } from 'luxon';
import { DeadlineFact, PublicationFact, UnitFact } from '../evaluators/facts';

/** The instants a range of the province's dates covers: [start 00:00, end 00:00) in its zone. */
export function instantsOf(range: DateRange, timezone: string): { from: Date; to: Date } {
  return {
    from: DateTime.fromISO(range.start, { zone: timezone }).toJSDate(),
    to: DateTime.fromISO(range.end, { zone: timezone }).toJSDate(),
  };
}

/**
 * What the evaluators judge, read from the province's content:
 * - units: active ones;
 * - publications: items published in the range that stayed up. Published, or archived after
 *   being published; a withdrawn item was taken down as wrong and does not count;
 * - deadline facts: items of a type with their date fields, published or not.
 */
@Injectable()
export class ComplianceFacts {
  constructor(
    private readonly db: TenantDatabase,
    private readonly questions: QuestionFacts,
  ) {}

  units(tenantId: string): Promise<UnitFact[]> {
    return this.db.transaction(tenantId, (m) =>
      m.query(`SELECT code, kind FROM units_unit WHERE tenant_id = $1 AND active ORDER BY code`, [tenantId]),
    );
  }

  /** Unit code → name, every unit (reports name units that have since closed too). */
  async unitNames(tenantId: string): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.db.transaction(tenantId, (m) =>
      m.query(`SELECT code, name FROM units_unit WHERE tenant_id = $1`, [tenantId]),
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The codes of the units at or below `roots` (how far a unit role reaches). */
  async unitCodesWithin(tenantId: string, roots: string[]): Promise<string[]> {
    return this.db.transaction(tenantId, async (m) => (await unitSubtree(m, tenantId, roots)).map((u) => u.code));
  }

  async publications(tenantId: string, range: DateRange, timezone: string): Promise<PublicationFact[]> {
    const { from, to } = instantsOf(range, timezone);
    const rows: { id: string; unit: string; type: string; channel: string; published_at: Date }[] = await this.db.transaction(
      tenantId,
      (m) =>
        m.query(
          `SELECT c.id, u.code AS unit, c.type, c.channel, c.published_at FROM content_item c JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
         WHERE c.tenant_id = $1 AND c.status IN ('published', 'archived') AND c.published_at >= $2 AND c.published_at < $3
         ORDER BY c.published_at`,
          [tenantId, from, to],
        ),
    );
    return rows.map((r) => ({ itemId: r.id, unit: r.unit, type: r.type, channel: r.channel, publishedAt: r.published_at }));
  }

  /**
   * Items of `type` whose `field` date lies in the range (the clock of a deadline starts there). A
   * faq deadline from `receivedOn` is judged on citizens' questions: each question, the day it
   * arrived, and the day its answer (the faq item) was published.
   */
  async deadlineFacts(tenantId: string, type: string, field: string, range: DateRange): Promise<DeadlineFact[]> {
    if (type === 'faq' && field === QUESTION_CLOCK) {
      return (await this.questions.received(tenantId, range)).map((q) => ({
        itemId: q.questionId,
        unit: q.unit,
        type,
        channel: q.channel,
        dates: { [QUESTION_CLOCK]: q.receivedOn },
        publishedAt: q.answeredAt,
      }));
    }
    const rows: {
      id: string;
      unit: string;
      type: string;
      channel: string;
      fields: Record<string, string>;
      status: string;
      published_at: Date | null;
    }[] = await this.db.transaction(tenantId, (m) =>
      m.query(
        `SELECT c.id, u.code AS unit, c.type, c.channel, c.fields, c.status, c.published_at FROM content_item c JOIN units_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
         WHERE c.tenant_id = $1 AND c.type = $2 AND c.status <> 'withdrawn' AND c.fields->>$3 >= $4 AND c.fields->>$3 < $5`,
        [tenantId, type, field, range.start, range.end],
      ),
    );
    return rows.map((r) => ({
      itemId: r.id,
      unit: r.unit,
      type: r.type,
      channel: r.channel,
      dates: Object.fromEntries(Object.entries(r.fields ?? {}).filter(([, v]) => typeof v === 'string' && CALENDAR_DATE.test(v))),
      publishedAt: r.status === 'published' || r.status === 'archived' ? r.published_at : null,
    }));
  }
}
