import { Injectable } from '@nestjs/common';
import { ContentErrors, ContentItem, ContentPublisher, ContentStatus } from '@cong/content';
import { TenantDatabase } from '@cong/platform-database';
import { RuleSet, ruleSetFromDocument, RuleVersion, todayIn, Transition, Workflow } from '@cong/rules';
import { Unit, unitLineage } from '@cong/units';
import { LRUCache } from 'lru-cache';
import { EntityManager } from 'typeorm';
import { availableActions, decideTransition, workflowFor } from '../workflow-engine';
import { WorkflowTransition } from './workflow-transition.entity';
import { WorkflowErrors } from './workflow.errors';

/** Who acts: a person with their memberships, or the scheduler acting for whoever scheduled. */
export type WorkflowActor =
  | { kind: 'person'; id: string; label: string; memberships: { role: string; unitId: string | null }[] }
  | { kind: 'scheduler'; label: string };

export interface TransitionRequest {
  action: string;
  /** The item version the actor saw; another version is a 409 and nothing changes. */
  version: number;
  comment?: string;
  /** Scheduling: when to publish (required when the step enters a scheduled state). */
  publishAt?: Date;
  /** When to take the item down again (an embargo's end); with a schedule or a publication. */
  unpublishAt?: Date | null;
}

/** Where an item stands in its workflow, and what the caller may do from there. */
export interface ItemWorkflowView {
  itemId: string;
  workflow: { id: string; name: string; ruleVersion: number };
  state: { id: string; label: string; phase: string };
  status: ContentStatus;
  version: number;
  revision: number;
  publishAt: Date | null;
  unpublishAt: Date | null;
  actions: { action: string; to: string; label: string; commentRequired: boolean }[];
}

/** What happened, for listeners inside the transaction (notifications, royalties) and after it. */
export interface TransitionEvent {
  tenantId: string;
  item: ContentItem;
  transition: WorkflowTransition;
  workflow: Workflow;
  ruleVersion: number;
  fromPhase: string;
  toPhase: string;
  actor: WorkflowActor;
}
export type TransitionListener = (m: EntityManager, event: TransitionEvent) => Promise<void>;
export type AfterCommitListener = (event: TransitionEvent) => Promise<void>;

const STATUS_BY_PHASE: Record<string, ContentStatus> = {
  editing: 'draft',
  review: 'in_review',
  scheduled: 'scheduled',
  published: 'published',
  withdrawn: 'withdrawn',
  archived: 'archived',
};

/** The roles a membership list holds for a unit: province-wide ones, and unit roles at the unit or above it. */
export function rolesAt(memberships: { role: string; unitId: string | null }[], lineage: string[]): string[] {
  return [...new Set(memberships.filter((m) => m.unitId === null || lineage.includes(m.unitId)).map((m) => m.role))];
}

/**
 * Runs items through their province's workflows (the pure engine decides, this persists): one
 * transaction locks the item, checks the version the actor saw, decides, changes status through the
 * content publisher, records the step and bumps the version.
 *
 * Which rules: an item is bound to the workflow (and rule version) in force when it leaves an
 * editing state; it finishes that pass under them even if the province's rules change meanwhile.
 * Back in an editing state (returned, unscheduled) it is bound afresh on its next step.
 */
@Injectable()
export class ItemWorkflow {
  private readonly listeners: TransitionListener[] = [];
  private readonly afterCommit: AfterCommitListener[] = [];
  /** Rule versions never change once stored: parsed once. */
  private readonly ruleSets = new LRUCache<string, RuleSet>({ max: 200 });

  constructor(
    private readonly db: TenantDatabase,
    private readonly publisher: ContentPublisher,
  ) {}

  /** Runs inside the step's transaction: a failure undoes the step. */
  onTransition(listener: TransitionListener): void {
    this.listeners.push(listener);
  }

  /** Runs after the step committed (jobs, e-mail). */
  afterTransition(listener: AfterCommitListener): void {
    this.afterCommit.push(listener);
  }

  async view(tenantId: string, timezone: string, itemId: string, actor: WorkflowActor): Promise<ItemWorkflowView> {
    return this.db.transaction(tenantId, async (m) => {
      const item = await this.item(m, tenantId, itemId, false);
      const bound = await this.binding(m, tenantId, timezone, item);
      const roles = await this.rolesOf(m, tenantId, actor, item);
      const state = bound.workflow.states.find((s) => s.id === bound.state)!;
      return {
        itemId: item.id,
        workflow: { id: bound.workflow.id, name: bound.workflow.name, ruleVersion: bound.ruleVersion },
        state: { id: state.id, label: state.label, phase: state.phase },
        status: item.status,
        version: item.version,
        revision: item.revision,
        publishAt: item.publishAt,
        unpublishAt: item.unpublishAt,
        actions: availableActions(bound.workflow, bound.state, roles).map((t) => ({
          action: t.action,
          to: t.to,
          label: t.label ?? bound.workflow.states.find((s) => s.id === t.to)!.label,
          commentRequired: t.commentRequired,
        })),
      };
    });
  }

  history(tenantId: string, itemId: string, actor: WorkflowActor): Promise<WorkflowTransition[]> {
    return this.db.transaction(tenantId, async (m) => {
      await this.rolesOf(m, tenantId, actor, await this.item(m, tenantId, itemId, false));
      return m.getRepository(WorkflowTransition).find({ where: { tenantId, itemId }, order: { version: 'ASC' } });
    });
  }

  /** One step; see the class comment. Returns the step recorded. */
  async transition(tenantId: string, timezone: string, itemId: string, actor: WorkflowActor, req: TransitionRequest): Promise<TransitionEvent> {
    const event = await this.db.transaction(tenantId, async (m) => {
      const item = await this.item(m, tenantId, itemId, true);
      if (item.version !== req.version) throw WorkflowErrors.staleVersion(req.version, item.version);
      const bound = await this.binding(m, tenantId, timezone, item);
      const roles = actor.kind === 'scheduler' ? this.schedulerRoles(bound.workflow, bound.state, req.action) : await this.rolesOf(m, tenantId, actor, item);
      const outcome = decideTransition(bound.workflow, bound.state, req.action, roles, req.comment);
      if (!outcome.ok) throw WorkflowErrors.refused(outcome.refusal, outcome.message);
      const fromPhase = bound.workflow.states.find((s) => s.id === bound.state)!.phase;
      const schedule = this.checkedSchedule(outcome.phase, req);

      const changed = await this.publisher.record(m, { id: actor.kind === 'person' ? actor.id : null, label: actor.label }, tenantId, item, {
        status: STATUS_BY_PHASE[outcome.phase],
        reason: outcome.phase === 'withdrawn' ? req.comment?.trim() : undefined,
      });
      const version = item.version + 1;
      Object.assign(changed, {
        version,
        workflowId: bound.workflow.id,
        workflowState: outcome.to,
        workflowRuleVersion: bound.ruleVersion,
        publishAt: schedule.publishAt,
        unpublishAt: schedule.unpublishAt,
      });
      await m.getRepository(ContentItem).update(
        { tenantId, id: item.id },
        { version, workflowId: bound.workflow.id, workflowState: outcome.to, workflowRuleVersion: bound.ruleVersion, publishAt: schedule.publishAt, unpublishAt: schedule.unpublishAt },
      );
      const transition = await m.getRepository(WorkflowTransition).save(
        m.getRepository(WorkflowTransition).create({
          tenantId,
          itemId: item.id,
          workflowId: bound.workflow.id,
          ruleVersion: bound.ruleVersion,
          action: req.action,
          fromState: bound.state,
          toState: outcome.to,
          actorId: actor.kind === 'person' ? actor.id : null,
          actorLabel: actor.label,
          comment: req.comment?.trim() || null,
          revision: item.revision,
          version,
        }),
      );
      const happened: TransitionEvent = { tenantId, item: changed, transition, workflow: bound.workflow, ruleVersion: bound.ruleVersion, fromPhase, toPhase: outcome.phase, actor };
      for (const listener of this.listeners) await listener(m, happened);
      return happened;
    });
    if (event.fromPhase === 'published' || event.toPhase === 'published') await this.publisher.changed(tenantId, event.item);
    for (const listener of this.afterCommit) await listener(event);
    return event;
  }

  /** The scheduler acts with the authority of the transition it takes (someone entitled scheduled it). */
  private schedulerRoles(workflow: Workflow, state: string, action: string): string[] {
    return workflow.transitions.find((t: Transition) => t.action === action && t.from.includes(state))?.roles ?? [];
  }

  private checkedSchedule(phase: string, req: TransitionRequest): { publishAt: Date | null; unpublishAt: Date | null } {
    const now = Date.now();
    if (phase === 'scheduled') {
      if (!req.publishAt) throw WorkflowErrors.scheduleInvalid('publishAt', 'a scheduled step needs publishAt');
      if (req.publishAt.getTime() <= now) throw WorkflowErrors.scheduleInvalid('publishAt', 'publishAt must be in the future');
    } else if (req.publishAt) {
      throw WorkflowErrors.scheduleInvalid('publishAt', 'publishAt is only for a step into a scheduled state');
    }
    const unpublishAt = phase === 'scheduled' || phase === 'published' ? (req.unpublishAt ?? null) : null;
    if (req.unpublishAt && !(phase === 'scheduled' || phase === 'published')) {
      throw WorkflowErrors.scheduleInvalid('unpublishAt', 'unpublishAt is only for a step that schedules or publishes');
    }
    if (unpublishAt && unpublishAt.getTime() <= Math.max(now, req.publishAt?.getTime() ?? 0)) {
      throw WorkflowErrors.scheduleInvalid('unpublishAt', 'unpublishAt must come after the publication');
    }
    return { publishAt: phase === 'scheduled' ? req.publishAt! : null, unpublishAt };
  }

  private async item(m: EntityManager, tenantId: string, id: string, lock: boolean): Promise<ContentItem> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw ContentErrors.notFound();
    const query = m.getRepository(ContentItem).createQueryBuilder('c').where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id });
    const item = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!item) throw ContentErrors.notFound();
    return item;
  }

  /**
   * The workflow governing the item's next step: the one it is bound to while it is past editing,
   * else the one the rules in force today bind its channel, type and unit kind to.
   */
  private async binding(m: EntityManager, tenantId: string, timezone: string, item: ContentItem): Promise<{ workflow: Workflow; ruleVersion: number; state: string }> {
    if (item.workflowId && item.workflowRuleVersion && item.workflowState) {
      const rules = await this.rulesOfVersion(m, tenantId, item.workflowRuleVersion);
      const workflow = rules.workflows.find((w) => w.id === item.workflowId);
      const state = workflow?.states.find((s) => s.id === item.workflowState);
      if (workflow && state && state.phase !== 'editing') return { workflow, ruleVersion: item.workflowRuleVersion, state: state.id };
    }
    const inForce = await m
      .getRepository(RuleVersion)
      .createQueryBuilder('v')
      .where('v.tenant_id = :tenantId AND v.effective_from <= :date', { tenantId, date: todayIn(timezone) })
      .orderBy('v.effective_from', 'DESC')
      .addOrderBy('v.version', 'DESC')
      .getOne();
    if (!inForce) throw WorkflowErrors.noRules();
    const rules = this.parsed(tenantId, inForce);
    const unit = await m.getRepository(Unit).findOneByOrFail({ tenantId, id: item.unitId });
    const workflow = workflowFor(rules, item.channel, item.type, unit.kind);
    const state = item.workflowState && workflow.states.some((s) => s.id === item.workflowState) ? item.workflowState : workflow.initial;
    return { workflow, ruleVersion: inForce.version, state };
  }

  private async rulesOfVersion(m: EntityManager, tenantId: string, version: number): Promise<RuleSet> {
    const cached = this.ruleSets.get(`${tenantId}/${version}`);
    if (cached) return cached;
    const stored = await m.getRepository(RuleVersion).findOneByOrFail({ tenantId, version });
    return this.parsed(tenantId, stored);
  }

  private parsed(tenantId: string, version: RuleVersion): RuleSet {
    const key = `${tenantId}/${version.version}`;
    let rules = this.ruleSets.get(key);
    if (!rules) {
      rules = ruleSetFromDocument(version.document);
      this.ruleSets.set(key, rules);
    }
    return rules;
  }

  /** The actor's roles at the item's unit. None at all: the item is out of reach, so "not found" (its existence is not confirmed). */
  private async rolesOf(m: EntityManager, tenantId: string, actor: WorkflowActor, item: ContentItem): Promise<string[]> {
    if (actor.kind !== 'person') return [];
    const roles = rolesAt(actor.memberships, await unitLineage(m, tenantId, item.unitId));
    if (roles.length === 0) throw ContentErrors.notFound();
    return roles;
  }
}
