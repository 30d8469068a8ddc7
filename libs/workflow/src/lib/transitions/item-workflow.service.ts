import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Author, ContentEditor, ContentErrors, ContentItem, ContentPublisher, ContentStatus } from '@cong/content';
import { DomainError } from '@cong/platform-errors';
import { TenantDatabase } from '@cong/platform-database';
import {
  EDIT_LIVE_ACTION,
  liveEditorsOf,
  RESCHEDULE_ACTION,
  SECOND_REVIEW_ACTION,
  SECOND_REVIEW_LABEL,
  RuleSet,
  ruleSetFromDocument,
  RuleVersion,
  todayIn,
  Workflow,
} from '@cong/rules';
import { Unit, unitLineage } from '@cong/units';
import { LRUCache } from 'lru-cache';
import { EntityManager } from 'typeorm';
import { actionLabelIn, availableActions, decideTransition, workflowFor } from '../workflow-engine';
import { formatTenantTime } from '../scheduling/tenant-time';
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
  /** For listeners of the step (the royalty genre and points an approval awards, LC-3.1c). */
  details?: Record<string, unknown>;
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
  /** The same moments as the province reads them: `25/11/2026 08:00 (GMT+7)`. */
  publishAtLocal: string | null;
  unpublishAtLocal: string | null;
  /** What the caller may do; `label` is the verb to show ("Gửi duyệt", "Trả lại"). */
  actions: { action: string; to: string; toPhase: string; label: string; commentRequired: boolean; royalty?: RoyaltyOffer }[];
  /** Published past the usual review and not yet approved again ("2i"); null otherwise. */
  secondReview: SecondReviewPending | null;
}

/**
 * On a step that publishes an item whose channel pays royalties (LC-3.1c): the genres of the rate
 * table it may earn under, and the one it earns by default. The approver may choose another, and
 * points within a genre's range.
 */
export interface RoyaltyOffer {
  genres: { id: string; name: string; points: number; maxPoints: number }[];
  defaultGenre: string | null;
}

/** Who published an item past its review, why and when, and who may approve it afterwards. */
export interface SecondReviewPending {
  forcedBy: string;
  forcedById: string | null;
  reason: string | null;
  at: Date;
  roles: string[];
}

/** One step of an item's history, with what its action is called. */
export interface WorkflowStepView {
  id: string;
  itemId: string;
  workflowId: string;
  ruleVersion: number;
  action: string;
  /** The verb of the step as its rules named it ("Duyệt", "Gỡ xuống"; "Đổi lịch đăng" for a new time). */
  actionLabel: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  actorLabel: string;
  comment: string | null;
  revision: number;
  version: number;
  at: Date;
}

/** What happened, for listeners inside the transaction (notifications, royalties) and after it. */
export interface TransitionEvent {
  tenantId: string;
  item: ContentItem;
  transition: WorkflowTransition;
  workflow: Workflow;
  /** The rules of `ruleVersion` (the payments a step earns, say). */
  rules: RuleSet;
  ruleVersion: number;
  fromPhase: string;
  toPhase: string;
  /** What the step's action is called (its transition's label): "Gửi duyệt", "Trả lại", … */
  actionLabel: string;
  actor: WorkflowActor;
  /** What the actor said beyond the step itself, for listeners (e.g. the royalty genre on approval). */
  details: Record<string, unknown>;
}
export type TransitionListener = (m: EntityManager, event: TransitionEvent) => Promise<void>;
export type AfterCommitListener = (event: TransitionEvent) => Promise<void>;

/** The workflow governing an item's next step, the rules it comes from, and the item's state in it. */
interface Bound {
  rules: RuleSet;
  workflow: Workflow;
  ruleVersion: number;
  state: string;
}

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
    editor: ContentEditor,
  ) {
    editor.onApprovedEdit((m, edit) => this.editLive(m, edit));
  }

  /**
   * An edit of a published or scheduled item goes live without another review: only the roles
   * its workflow lets edit live may make it (`editPublished`, by default those who may publish);
   * anyone else is refused and the save undone. A permitted edit is a step of the history.
   */
  private async editLive(
    m: EntityManager,
    { before, after, author, timezone, note }: { before: ContentItem; after: ContentItem; author: Author; timezone: string; note?: string },
  ): Promise<void> {
    const ctx = new StepContext(m, before.tenantId, timezone);
    const bound = await this.binding(ctx, before);
    const roles = rolesAt(author.memberships ?? [], await ctx.lineage(before.unitId));
    const allowed = liveEditorsOf(bound.workflow);
    if (!roles.some((r) => allowed.includes(r)))
      throw WorkflowErrors.liveEditRefused(bound.workflow.states.find((s) => s.id === bound.state)!.label, allowed);
    const repo = m.getRepository(WorkflowTransition);
    await repo.save(
      repo.create({
        tenantId: before.tenantId,
        itemId: before.id,
        workflowId: bound.workflow.id,
        ruleVersion: bound.ruleVersion,
        action: EDIT_LIVE_ACTION,
        fromState: bound.state,
        toState: bound.state,
        actorId: author.id,
        actorLabel: author.label,
        comment: note ?? `Bản ${after.revision} thay bản ${before.revision}`,
        revision: after.revision,
        version: after.version,
      }),
    );
  }

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
      const ctx = new StepContext(m, tenantId, timezone);
      return this.viewOf(ctx, await this.item(m, tenantId, itemId, false), actor);
    });
  }

  /**
   * Views of many items in one transaction (review queues): the unit tree is read once; items out
   * of the actor's reach are left out.
   */
  async viewsOf(tenantId: string, timezone: string, actor: WorkflowActor, items: ContentItem[]): Promise<ItemWorkflowView[]> {
    return this.db.transaction(tenantId, async (m) => {
      const ctx = new StepContext(m, tenantId, timezone);
      await ctx.preloadUnits();
      const views: ItemWorkflowView[] = [];
      for (const item of items) {
        const view = await this.viewOf(ctx, item, actor).catch((error: unknown) => {
          if (error instanceof DomainError && error.kind === 'not_found') return null;
          throw error;
        });
        if (view) views.push(view);
      }
      return views;
    });
  }

  private async viewOf(ctx: StepContext, item: ContentItem, actor: WorkflowActor): Promise<ItemWorkflowView> {
    const bound = await this.binding(ctx, item);
    const roles = await this.rolesOf(ctx, actor, item);
    const state = bound.workflow.states.find((s) => s.id === bound.state)!;
    const secondReview = await this.pendingSecondReview(ctx.m, ctx.tenantId, item);
    const phaseOf = (id: string) => bound.workflow.states.find((s) => s.id === id)!.phase;
    const royalty = royaltyOffer(bound.rules, item);
    const actions = availableActions(bound.workflow, bound.state, roles).map((t) => ({
      action: t.action,
      to: t.to,
      toPhase: phaseOf(t.to),
      label: t.label,
      commentRequired: t.commentRequired || !!t.secondReview?.length,
      ...(royalty && phaseOf(t.to) === 'published' && phaseOf(bound.state) !== 'published' ? { royalty } : {}),
    }));
    if (secondReview && mayReviewAgain(secondReview, actor, roles))
      actions.push({
        action: SECOND_REVIEW_ACTION,
        to: bound.state,
        toPhase: state.phase,
        label: SECOND_REVIEW_LABEL,
        commentRequired: false,
      });
    return {
      itemId: item.id,
      workflow: { id: bound.workflow.id, name: bound.workflow.name, ruleVersion: bound.ruleVersion },
      state: { id: state.id, label: state.label, phase: state.phase },
      status: item.status,
      version: item.version,
      revision: item.revision,
      publishAt: item.publishAt,
      unpublishAt: item.unpublishAt,
      publishAtLocal: formatTenantTime(item.publishAt, ctx.timezone),
      unpublishAtLocal: formatTenantTime(item.unpublishAt, ctx.timezone),
      actions,
      secondReview,
    };
  }

  /**
   * Whether the item was published by a step that asks for a second review (its rule's
   * `secondReview`) with no second review since. Read from the history, which is append-only, so
   * the flag can neither be set nor cleared but by a recorded step.
   */
  private async pendingSecondReview(m: EntityManager, tenantId: string, item: ContentItem): Promise<SecondReviewPending | null> {
    if (item.status !== 'published') return null;
    const steps = await m
      .getRepository(WorkflowTransition)
      .find({ where: { tenantId, itemId: item.id }, order: { version: 'DESC' }, take: 100 });
    for (const step of steps) {
      if (step.action === SECOND_REVIEW_ACTION) return null;
      const workflow = (await this.rulesOfVersion(m, tenantId, step.ruleVersion)).workflows.find((w) => w.id === step.workflowId);
      const rule = workflow?.transitions.find((t) => t.action === step.action && t.from.includes(step.fromState));
      if (rule?.secondReview?.length)
        return { forcedBy: step.actorLabel, forcedById: step.actorId, reason: step.comment, at: step.at, roles: rule.secondReview };
    }
    return null;
  }

  /** The item's steps, oldest first, each named as the rule version that governed it names its action. */
  history(tenantId: string, itemId: string, actor: WorkflowActor): Promise<WorkflowStepView[]> {
    return this.db.transaction(tenantId, async (m) => {
      await this.rolesOf(new StepContext(m, tenantId, ''), actor, await this.item(m, tenantId, itemId, false));
      const steps = await m.getRepository(WorkflowTransition).find({ where: { tenantId, itemId }, order: { version: 'ASC' } });
      const views: WorkflowStepView[] = [];
      for (const step of steps) {
        const workflow = (await this.rulesOfVersion(m, tenantId, step.ruleVersion)).workflows.find((w) => w.id === step.workflowId);
        const {
          id,
          itemId: of,
          workflowId,
          ruleVersion,
          action,
          fromState,
          toState,
          actorId,
          actorLabel,
          comment,
          revision,
          version,
          at,
        } = step;
        views.push({
          id,
          itemId: of,
          workflowId,
          ruleVersion,
          action,
          actionLabel: actionLabelIn(workflow, action, fromState),
          fromState,
          toState,
          actorId,
          actorLabel,
          comment,
          revision,
          version,
          at,
        });
      }
      return views;
    });
  }

  /** One step; see the class comment. Returns the step recorded. */
  transition(tenantId: string, timezone: string, itemId: string, actor: WorkflowActor, req: TransitionRequest): Promise<TransitionEvent> {
    return this.committed(tenantId, async (m) => {
      const item = await this.item(m, tenantId, itemId, true);
      const ctx = new StepContext(m, tenantId, timezone);
      // Out of reach answers like missing, before the item's version or state is told.
      const roles = await this.rolesOf(ctx, actor, item);
      if (item.version !== req.version) throw WorkflowErrors.staleVersion(req.version, item.version);
      const bound = await this.binding(ctx, item);
      if (req.action === SECOND_REVIEW_ACTION) {
        // The 2i: another person with one of the step's review roles approves what went up unreviewed.
        const pending = await this.pendingSecondReview(m, tenantId, item);
        if (!pending)
          throw WorkflowErrors.refused(
            'no_such_action',
            `"${SECOND_REVIEW_ACTION}" chỉ dùng cho tin bài đã đăng vượt quy trình và chưa được duyệt lại`,
          );
        if (!roles.some((r) => pending.roles.includes(r)))
          throw WorkflowErrors.refused('role_refused', `"${SECOND_REVIEW_ACTION}" cần một trong các vai trò ${pending.roles.join(', ')}`);
        if (!mayReviewAgain(pending, actor, roles)) throw WorkflowErrors.secondReviewBySamePerson(pending.forcedBy);
        return this.record(m, tenantId, item, bound, actor, req, bound.state, { publishAt: item.publishAt, unpublishAt: item.unpublishAt });
      }
      const outcome = decideTransition(bound.workflow, bound.state, req.action, roles, req.comment);
      if (!outcome.ok) throw WorkflowErrors.refused(outcome.refusal, outcome.message);
      return this.record(m, tenantId, item, bound, actor, req, outcome.to, this.checkedSchedule(outcome.phase, req));
    });
  }

  /**
   * What the scheduler does when an item's time comes (`publish`: a scheduled item; `unpublish`: an
   * embargo's end). It takes the workflow's own step out of the item's state into a published (or
   * withdrawn) state, with that step's authority. Nothing due (rescheduled, cancelled, done
   * already): null, and nothing changes — so a job that runs twice, or late, is harmless.
   */
  runSchedule(
    tenantId: string,
    timezone: string,
    itemId: string,
    kind: 'publish' | 'unpublish',
    now = new Date(),
  ): Promise<TransitionEvent | null> {
    return this.committed(tenantId, async (m) => {
      const item = await this.item(m, tenantId, itemId, true).catch(() => null);
      if (!item) return null;
      const due =
        kind === 'publish'
          ? item.status === 'scheduled' && item.publishAt && item.publishAt <= now
          : item.status === 'published' && item.unpublishAt && item.unpublishAt <= now;
      if (!due) return null;
      const ctx = new StepContext(m, tenantId, timezone);
      const bound = await this.binding(ctx, item);
      const target = kind === 'publish' ? 'published' : 'withdrawn';
      const step = bound.workflow.transitions.find(
        (t) => t.from.includes(bound.state) && bound.workflow.states.find((s) => s.id === t.to)?.phase === target,
      );
      if (!step)
        throw WorkflowErrors.refused(
          'no_such_action',
          `quy trình ${bound.workflow.id} không có bước nào từ ${bound.state} đến một trạng thái ${target}`,
        );
      const comment = kind === 'unpublish' ? 'Hết thời hạn đăng: gỡ theo lịch đã đặt.' : undefined;
      const actor: WorkflowActor = { kind: 'scheduler', label: kind === 'publish' ? 'Đăng theo lịch' : 'Gỡ theo lịch' };
      const outcome = decideTransition(bound.workflow, bound.state, step.action, step.roles, comment);
      if (!outcome.ok) throw WorkflowErrors.refused(outcome.refusal, outcome.message);
      const keep = { publishAt: null, unpublishAt: kind === 'publish' ? item.unpublishAt : null };
      return this.record(m, tenantId, item, bound, actor, { action: step.action, version: item.version, comment }, outcome.to, keep);
    });
  }

  /**
   * Moves a scheduled item's time (and its embargo's end). Those who may take the item out of its
   * scheduled state may; recorded in the history as `reschedule`.
   */
  reschedule(
    tenantId: string,
    timezone: string,
    itemId: string,
    actor: WorkflowActor,
    req: { version: number; publishAt: Date; unpublishAt?: Date | null; comment?: string },
  ): Promise<TransitionEvent> {
    return this.committed(tenantId, async (m) => {
      const item = await this.item(m, tenantId, itemId, true);
      const ctx = new StepContext(m, tenantId, timezone);
      // Out of reach answers like missing, before the item's version or state is told.
      const roles = await this.rolesOf(ctx, actor, item);
      if (item.version !== req.version) throw WorkflowErrors.staleVersion(req.version, item.version);
      const bound = await this.binding(ctx, item);
      if (item.status !== 'scheduled')
        throw WorkflowErrors.refused(
          'no_such_action',
          `"reschedule" chỉ dùng cho tin bài đã hẹn giờ (tin bài đang ở trạng thái ${bound.state})`,
        );
      const allowed = [...new Set(bound.workflow.transitions.filter((t) => t.from.includes(bound.state)).flatMap((t) => t.roles))];
      if (!roles.some((r) => allowed.includes(r)))
        throw WorkflowErrors.refused('role_refused', `"reschedule" cần một trong các vai trò ${allowed.join(', ')}`);
      const schedule = this.checkedSchedule('scheduled', { action: RESCHEDULE_ACTION, ...req });
      return this.record(m, tenantId, item, bound, actor, { action: RESCHEDULE_ACTION, ...req }, bound.state, schedule);
    });
  }

  /** Runs a step's transaction, then tells the public side and the after-commit listeners. */
  private async committed<T extends TransitionEvent | null>(tenantId: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    const event = await this.db.transaction(tenantId, work);
    if (!event) return event;
    if (event.fromPhase === 'published' || event.toPhase === 'published') await this.publisher.changed(tenantId, event.item);
    for (const listener of this.afterCommit) await listener(event);
    return event;
  }

  /** Persists a decided step: status through the publisher, the item's workflow columns, the history row, the listeners. */
  private async record(
    m: EntityManager,
    tenantId: string,
    item: ContentItem,
    bound: Bound,
    actor: WorkflowActor,
    req: TransitionRequest,
    to: string,
    schedule: { publishAt: Date | null; unpublishAt: Date | null },
  ): Promise<TransitionEvent> {
    const phaseOf = (state: string) => bound.workflow.states.find((s) => s.id === state)!.phase;
    const [fromPhase, toPhase] = [phaseOf(bound.state), phaseOf(to)];
    const actorRef = { id: actor.kind === 'person' ? actor.id : null, label: actor.label };
    const changed =
      toPhase === fromPhase
        ? { ...item }
        : await this.publisher.record(m, actorRef, tenantId, item, {
            status: STATUS_BY_PHASE[toPhase],
            reason: toPhase === 'withdrawn' ? req.comment : undefined,
          });
    const columns = {
      version: item.version + 1,
      workflowId: bound.workflow.id,
      workflowState: to,
      workflowRuleVersion: bound.ruleVersion,
      ...schedule,
    };
    Object.assign(changed, columns);
    await m.getRepository(ContentItem).update({ tenantId, id: item.id }, columns);
    const repo = m.getRepository(WorkflowTransition);
    const transition = await repo.save(
      repo.create({
        tenantId,
        itemId: item.id,
        workflowId: bound.workflow.id,
        ruleVersion: bound.ruleVersion,
        action: req.action,
        fromState: bound.state,
        toState: to,
        actorId: actorRef.id,
        actorLabel: actor.label,
        comment: req.comment?.trim() || null,
        revision: item.revision,
        version: columns.version,
      }),
    );
    const actionLabel = actionLabelIn(bound.workflow, req.action, bound.state);
    const event: TransitionEvent = {
      tenantId,
      item: changed,
      transition,
      workflow: bound.workflow,
      rules: bound.rules,
      ruleVersion: bound.ruleVersion,
      fromPhase,
      toPhase,
      actionLabel,
      actor,
      details: req.details ?? {},
    };
    for (const listener of this.listeners) await listener(m, event);
    return event;
  }

  private checkedSchedule(phase: string, req: TransitionRequest): { publishAt: Date | null; unpublishAt: Date | null } {
    const now = Date.now();
    if (phase === 'scheduled') {
      if (!req.publishAt) throw WorkflowErrors.scheduleInvalid('publishAt', 'Bước hẹn giờ cần có `publishAt`.');
      if (req.publishAt.getTime() <= now)
        throw WorkflowErrors.scheduleInvalid('publishAt', '`publishAt` phải là một thời điểm trong tương lai.');
    } else if (req.publishAt) {
      throw WorkflowErrors.scheduleInvalid('publishAt', 'Chỉ ghi `publishAt` cho bước chuyển sang trạng thái hẹn giờ.');
    }
    const unpublishAt = phase === 'scheduled' || phase === 'published' ? (req.unpublishAt ?? null) : null;
    if (req.unpublishAt && !(phase === 'scheduled' || phase === 'published')) {
      throw WorkflowErrors.scheduleInvalid('unpublishAt', 'Chỉ ghi `unpublishAt` cho bước hẹn giờ hoặc đăng.');
    }
    if (unpublishAt && unpublishAt.getTime() <= Math.max(now, req.publishAt?.getTime() ?? 0)) {
      throw WorkflowErrors.scheduleInvalid('unpublishAt', '`unpublishAt` phải sau thời điểm đăng.');
    }
    return { publishAt: phase === 'scheduled' ? req.publishAt! : null, unpublishAt };
  }

  private async item(m: EntityManager, tenantId: string, id: string, lock: boolean): Promise<ContentItem> {
    if (!isUUID(id)) throw ContentErrors.notFound();
    const query = m.getRepository(ContentItem).createQueryBuilder('c').where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id });
    const item = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!item) throw ContentErrors.notFound();
    return item;
  }

  /**
   * The workflow governing the item's next step: the one it is bound to while it is past editing,
   * else the one the rules in force today bind its channel, type and unit kind to.
   */
  private async binding(ctx: StepContext, item: ContentItem): Promise<Bound> {
    const { m, tenantId } = ctx;
    if (item.workflowId && item.workflowRuleVersion && item.workflowState) {
      const rules = await this.rulesOfVersion(m, tenantId, item.workflowRuleVersion);
      const workflow = rules.workflows.find((w) => w.id === item.workflowId);
      const state = workflow?.states.find((s) => s.id === item.workflowState);
      if (workflow && state && state.phase !== 'editing')
        return { rules, workflow, ruleVersion: item.workflowRuleVersion, state: state.id };
    }
    const inForce = await ctx.rulesInForce();
    if (!inForce) throw WorkflowErrors.noRules();
    const rules = this.parsed(tenantId, inForce);
    const unitKind = await ctx.unitKind(item.unitId);
    let workflow: Workflow;
    try {
      workflow = workflowFor(rules, item.channel, item.type, unitKind);
    } catch {
      // The rules' cross-checks bind every channel, type and kind; a gap is the rules' to fix, not a 500.
      throw WorkflowErrors.noWorkflow(item.channel, item.type, unitKind, inForce.version);
    }
    const state = item.workflowState && workflow.states.some((s) => s.id === item.workflowState) ? item.workflowState : workflow.initial;
    return { rules, workflow, ruleVersion: inForce.version, state };
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
  private async rolesOf(ctx: StepContext, actor: WorkflowActor, item: ContentItem): Promise<string[]> {
    if (actor.kind !== 'person') return [];
    const roles = rolesAt(actor.memberships, await ctx.lineage(item.unitId));
    if (roles.length === 0) throw ContentErrors.notFound();
    return roles;
  }
}

/**
 * What one transaction looks up, once: the rule version in force today, and the unit tree (read
 * whole when many items are looked at, else one unit at a time).
 */
class StepContext {
  private inForce?: Promise<RuleVersion | null>;
  private units?: Map<string, { parentId: string | null; kind: string }>;

  constructor(
    readonly m: EntityManager,
    readonly tenantId: string,
    readonly timezone: string,
  ) {}

  rulesInForce(): Promise<RuleVersion | null> {
    this.inForce ??= this.m
      .getRepository(RuleVersion)
      .createQueryBuilder('v')
      .where('v.tenant_id = :tenantId AND v.effective_from <= :date', { tenantId: this.tenantId, date: todayIn(this.timezone) })
      .orderBy('v.effective_from', 'DESC')
      .addOrderBy('v.version', 'DESC')
      .getOne();
    return this.inForce;
  }

  async preloadUnits(): Promise<void> {
    const units = await this.m.getRepository(Unit).find({ where: { tenantId: this.tenantId }, select: ['id', 'parentId', 'kind'] });
    this.units = new Map(units.map((u) => [u.id, { parentId: u.parentId, kind: u.kind }]));
  }

  async unitKind(unitId: string): Promise<string> {
    const known = this.units?.get(unitId);
    if (known) return known.kind;
    return (await this.m.getRepository(Unit).findOneByOrFail({ tenantId: this.tenantId, id: unitId })).kind;
  }

  /** The unit and every unit above it. */
  async lineage(unitId: string): Promise<string[]> {
    if (!this.units) return unitLineage(this.m, this.tenantId, unitId);
    const chain: string[] = [];
    for (let id: string | null = unitId; id && chain.length < 64; id = this.units.get(id)?.parentId ?? null) chain.push(id);
    return chain;
  }
}

/** A second review is someone else's: one of the review roles, and not the person who published. */
function mayReviewAgain(pending: SecondReviewPending, actor: WorkflowActor, roles: string[]): boolean {
  return actor.kind === 'person' && actor.id !== pending.forcedById && roles.some((r) => pending.roles.includes(r));
}

/** The genres an item may earn under (those listing its type, or listing none), when its channel pays. */
function royaltyOffer(rules: RuleSet, item: ContentItem): RoyaltyOffer | undefined {
  const table = rules.payments?.royalties;
  if (!table || !((table.shareByChannel[item.channel as 'portal' | 'subsite'] ?? 0) > 0)) return undefined;
  const fitting = table.genres.filter((g) => !g.contentTypes || g.contentTypes.includes(item.type));
  if (fitting.length === 0) return undefined;
  // The default is the royalty ledger's: the first genre listing the type, else the first listing none.
  const byDefault = fitting.find((g) => g.contentTypes?.includes(item.type)) ?? fitting.find((g) => !g.contentTypes);
  return {
    genres: fitting.map((g) => ({ id: g.id, name: g.name, points: g.points, maxPoints: g.maxPoints ?? g.points })),
    defaultGenre: byDefault?.id ?? null,
  };
}
