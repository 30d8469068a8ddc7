import { Injectable, Logger } from '@nestjs/common';
import { Notification, Notifier } from '@cong/notifications';
import { unitLineage } from '@cong/units';
import { EntityManager } from 'typeorm';
import { ItemWorkflow, TransitionEvent } from '../transitions/item-workflow.service';

/**
 * Who hears of a step (in-app, and by e-mail when SMTP is set):
 * - entering review: everyone who may act on the item from there (at its unit or province-wide);
 * - published, returned or taken down: its author, unless the author took the step.
 */
@Injectable()
export class WorkflowNotices {
  private readonly logger = new Logger(WorkflowNotices.name);
  private readonly written = new WeakMap<TransitionEvent, Notification[]>();

  constructor(
    workflow: ItemWorkflow,
    private readonly notifier: Notifier,
  ) {
    workflow.onTransition((m, event) => this.write(m, event));
    workflow.afterTransition((event) => this.mail(event));
  }

  private async write(m: EntityManager, event: TransitionEvent): Promise<void> {
    const { tenantId, item, transition, workflow, actionLabel } = event;
    const actorId = transition.actorId;
    const subject = { type: 'content_item', id: item.id };
    const state = workflow.states.find((s) => s.id === transition.toState)!;
    const notices: Notification[] = [];
    if (event.toPhase === 'review' && event.fromPhase !== 'review') {
      const roles = [...new Set(workflow.transitions.filter((t) => t.from.includes(state.id)).flatMap((t) => t.roles))];
      const reviewers = (await this.notifier.holders(m, tenantId, roles, await unitLineage(m, tenantId, item.unitId))).filter(
        (id) => id !== actorId,
      );
      notices.push(
        ...(await this.notifier.notify(m, tenantId, reviewers, {
          kind: 'workflow.awaiting_review',
          title: `Tin bài chờ xử lý: ${item.title}`,
          body: `${transition.actorLabel} — ${actionLabel}: tin bài "${item.title}" (nay: ${state.label}).`,
          subject,
        })),
      );
    }
    const author = item.createdBy && item.createdBy !== actorId ? [item.createdBy] : [];
    if (event.toPhase === 'published' && event.fromPhase !== 'published') {
      notices.push(
        ...(await this.notifier.notify(m, tenantId, author, {
          kind: 'workflow.published',
          title: `Tin bài đã được đăng: ${item.title}`,
          body: `${transition.actorLabel} — ${actionLabel}: tin bài "${item.title}" đã được đăng.`,
          subject,
        })),
      );
    } else if (event.toPhase === 'editing' && event.fromPhase === 'review') {
      notices.push(
        ...(await this.notifier.notify(m, tenantId, author, {
          kind: 'workflow.returned',
          title: `Tin bài bị trả lại: ${item.title}`,
          body: `${transition.actorLabel} — ${actionLabel}: tin bài "${item.title}" (nay: ${state.label}). Lý do: ${transition.comment ?? ''}`,
          subject,
        })),
      );
    } else if (event.toPhase === 'withdrawn' && event.fromPhase === 'published') {
      notices.push(
        ...(await this.notifier.notify(m, tenantId, author, {
          kind: 'workflow.taken_down',
          title: `Tin bài bị gỡ: ${item.title}`,
          body: `${transition.actorLabel} — ${actionLabel}: tin bài "${item.title}" đã bị gỡ. Lý do: ${transition.comment ?? ''}`,
          subject,
        })),
      );
    }
    if (notices.length) this.written.set(event, notices);
  }

  /** The e-mails go out after the step committed; a queue failure leaves the in-app notices. */
  private async mail(event: TransitionEvent): Promise<void> {
    const notices = this.written.get(event);
    if (!notices) return;
    try {
      await this.notifier.mail(notices);
    } catch (error) {
      this.logger.warn({ itemId: event.item.id, err: (error as Error).message }, 'Could not queue notification e-mails');
    }
  }
}
