import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { DateRange } from '@cong/rules';
import { Site } from '@cong/sites';
import { Unit } from '@cong/units';
import { In } from 'typeorm';

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
      const questions: { id: string; unit_id: string; site_id: string; received_on: string; answered_at: Date | null }[] = await m.query(
        `SELECT id, unit_id, site_id, to_char(received_on, 'YYYY-MM-DD') AS received_on, answered_at
           FROM citizens_question
          WHERE tenant_id = $1 AND unit_id IS NOT NULL AND status NOT IN ('declined', 'spam') AND received_on >= $2 AND received_on < $3
          ORDER BY received_on, id`,
        [tenantId, range.start, range.end],
      );
      if (questions.length === 0) return [];
      // Units and sites through their own libraries' entities.
      const units = new Map(
        (await m.getRepository(Unit).findBy({ tenantId, id: In([...new Set(questions.map((q) => q.unit_id))]) })).map((u) => [
          u.id,
          u.code,
        ]),
      );
      const portals = new Set(
        (await m.getRepository(Site).findBy({ tenantId, id: In([...new Set(questions.map((q) => q.site_id))]) }))
          .filter((s) => s.kind === 'portal')
          .map((s) => s.id),
      );
      return questions.map((q) => ({
        questionId: q.id,
        unit: units.get(q.unit_id)!,
        channel: portals.has(q.site_id) ? ('portal' as const) : ('subsite' as const),
        receivedOn: q.received_on,
        answeredAt: q.answered_at,
      }));
    });
  }
}
