import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { DateRange } from '@cong/rules';

/** A question as a deadline judges it: its unit, where it was asked, the day it arrived, when its answer went up. */
export interface QuestionClockFact {
  questionId: string;
  unit: string;
  channel: 'portal' | 'subsite';
  receivedOn: string;
  answeredAt: Date | null;
}

/**
 * What compliance reads of citizens' questions: those routed to a unit and not declined or spam,
 * received in the range. Unrouted questions belong to no unit yet; the desk lists them as overdue.
 */
@Injectable()
export class QuestionFacts {
  constructor(private readonly db: TenantDatabase) {}

  received(tenantId: string, range: DateRange): Promise<QuestionClockFact[]> {
    return this.db.transaction(tenantId, async (m) => {
      const rows: { id: string; unit: string; kind: string; received_on: string; answered_at: Date | null }[] = await m.query(
        `SELECT q.id, u.code AS unit, s.kind, to_char(q.received_on, 'YYYY-MM-DD') AS received_on, q.answered_at
           FROM citizens_question q
           JOIN units_unit u ON u.tenant_id = q.tenant_id AND u.id = q.unit_id
           JOIN sites_site s ON s.tenant_id = q.tenant_id AND s.id = q.site_id
          WHERE q.tenant_id = $1 AND q.status NOT IN ('declined', 'spam') AND q.received_on >= $2 AND q.received_on < $3
          ORDER BY q.received_on, q.id`,
        [tenantId, range.start, range.end],
      );
      return rows.map((r) => ({
        questionId: r.id,
        unit: r.unit,
        channel: r.kind === 'portal' ? ('portal' as const) : ('subsite' as const),
        receivedOn: r.received_on,
        answeredAt: r.answered_at,
      }));
    });
  }
}
