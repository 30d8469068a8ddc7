import { Injectable } from '@nestjs/common';
import { ContentItem } from '@cong/content';
import { TenantDatabase } from '@cong/platform-database';
import { unitSubtree } from '@cong/units';
import { SECOND_REVIEW_ACTION } from '@cong/rules';
import { Brackets } from 'typeorm';
import { ItemWorkflow, WorkflowActor } from '../transitions/item-workflow.service';

export interface QueueEntry {
  id: string;
  title: string;
  type: string;
  channel: string;
  state: string;
  stateLabel: string;
  version: number;
  updatedAt: Date;
  publishAt: Date | null;
  /** The actions open to the caller, each with the verb to show. */
  actions: { action: string; label: string }[];
}

export interface ReviewQueueView {
  counts: { workflow: string; state: string; label: string; count: number }[];
  items: QueueEntry[];
}

/** Items looked at for one queue, newest change first (the queue shows what is actionable among them). */
const CANDIDATES = 500;
/** The council appraises what went up recently (LC-3.3); a 2i is owed within this too. */
const RECENTLY_PUBLISHED_DAYS = 7;

/**
 * What awaits my action: items in review or scheduled, items returned to me, and — for
 * province-wide roles that may take items down — what was published in the last week; each kept
 * only if the workflow gives one of my roles (at the item's unit) an action on it. Counted per state.
 */
@Injectable()
export class ReviewQueue {
  constructor(
    private readonly db: TenantDatabase,
    private readonly workflow: ItemWorkflow,
  ) {}

  async for(tenantId: string, timezone: string, actor: Extract<WorkflowActor, { kind: 'person' }>): Promise<ReviewQueueView> {
    const provinceWide = actor.memberships.some((m) => m.unitId === null);
    const since = new Date(Date.now() - RECENTLY_PUBLISHED_DAYS * 24 * 3600 * 1000);
    const candidates = await this.db.transaction(tenantId, async (m) => {
      // A unit role acts only on items of its units and the units below them: only those are
      // candidates, so other units' traffic cannot push its own items out of the newest ones.
      const reach = provinceWide
        ? null
        : (
            await unitSubtree(
              m,
              tenantId,
              actor.memberships.map((ms) => ms.unitId!),
            )
          ).map((u) => u.id);
      const query = m
        .getRepository(ContentItem)
        .createQueryBuilder('c')
        .where('c.tenant_id = :tenantId', { tenantId })
        .andWhere(
          new Brackets((w) => {
            w.where(`c.status IN ('in_review', 'scheduled')`).orWhere(
              `c.status = 'draft' AND c.workflow_state IS NOT NULL AND c.created_by = :me`,
              { me: actor.id },
            );
            // Province-wide roles appraise what went up lately; everyone may owe a 2i (filtered below).
            w.orWhere(`c.status = 'published' AND c.published_at > :since`, { since });
          }),
        );
      if (reach)
        query.andWhere(
          new Brackets((w) =>
            w.where('c.unit_id IN (:...reach)', { reach: reach.length ? reach : [null] }).orWhere('c.created_by = :me', { me: actor.id }),
          ),
        );
      return query.orderBy('c.updated_at', 'DESC').take(CANDIDATES).getMany();
    });
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const items: QueueEntry[] = [];
    const counts = new Map<string, { workflow: string; state: string; label: string; count: number }>();
    for (const view of await this.workflow.viewsOf(tenantId, timezone, actor, candidates)) {
      if (view.actions.length === 0) continue;
      const item = byId.get(view.itemId)!;
      // A unit role sees a published item only when it owes it a second review.
      if (item.status === 'published' && !provinceWide && !view.actions.some((a) => a.action === SECOND_REVIEW_ACTION)) continue;
      items.push({
        id: item.id,
        title: item.title,
        type: item.type,
        channel: item.channel,
        state: view.state.id,
        stateLabel: view.state.label,
        version: view.version,
        updatedAt: item.updatedAt,
        publishAt: view.publishAt,
        actions: view.actions.map((a) => ({ action: a.action, label: a.label })),
      });
      const key = `${view.workflow.id}/${view.state.id}`;
      const count = counts.get(key) ?? { workflow: view.workflow.id, state: view.state.id, label: view.state.label, count: 0 };
      count.count++;
      counts.set(key, count);
    }
    return { counts: [...counts.values()], items };
  }
}
