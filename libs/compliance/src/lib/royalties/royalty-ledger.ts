import { Injectable } from '@nestjs/common';
import { DomainError } from '@cong/platform-errors';
import { todayIn } from '@cong/rules';
import { ItemWorkflow, TransitionEvent } from '@cong/workflow';
import { EntityManager } from 'typeorm';
import { RoyaltyEntitlement } from './royalty-entitlement.entity';
import { RoyaltyChoice, royaltyFor } from './royalty-rate';

/**
 * Records royalty entitlements (LC-3.1c) as contributions are published: inside the publishing
 * step's transaction, so an item is published with its entitlement or not at all. The approver may
 * name the genre and points (`royalty` with the step); otherwise the table's default for the type.
 */
@Injectable()
export class RoyaltyLedger {
  constructor(workflow: ItemWorkflow) {
    workflow.onTransition((m, event) => this.record(m, event));
  }

  private async record(m: EntityManager, event: TransitionEvent): Promise<void> {
    const table = event.rules.payments?.royalties;
    const choice = event.details.royalty as RoyaltyChoice | undefined;
    if (event.toPhase !== 'published' || event.fromPhase === 'published') return;
    if (!table) {
      if (choice)
        throw new DomainError('ROYALTY_CHOICE_INVALID', 'validation', 'Tỉnh này không quy định nhuận bút.', [
          { field: 'royalty', message: 'Tỉnh này không trả nhuận bút: bỏ `royalty`.' },
        ]);
      return;
    }
    const { item, tenantId } = event;
    const publishedOn = todayIn(event.rules.timezone, item.publishedAt ?? new Date());
    const earned = royaltyFor(table, { type: item.type, channel: item.channel, publishedOn }, choice ?? {});
    if (!earned) return;
    await m
      .createQueryBuilder()
      .insert()
      .into(RoyaltyEntitlement)
      .values({
        tenantId,
        itemId: item.id,
        authorId: item.createdBy,
        unitId: item.unitId,
        channel: item.channel,
        ...earned,
        publishedOn,
        ruleVersion: event.ruleVersion,
        approvedBy: event.transition.actorLabel,
      })
      .orIgnore() // published again after a take-down: the first entitlement stands
      .execute();
  }
}
