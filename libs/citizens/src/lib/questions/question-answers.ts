import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { Site } from '@cong/sites';
import { Tenant, TenantDomain } from '@cong/tenancy';
import { ItemWorkflow, TransitionEvent } from '@cong/workflow';
import { EntityManager } from 'typeorm';
import { CitizenMail } from '../mail/citizen-mail';
import { QuestionEvent } from './question-event.entity';
import { Question } from './question.entity';

/**
 * Follows each answer through its workflow: published, its question is answered (on the day of
 * publication, which the deadline judges) and the asker is told by e-mail with the link; taken
 * down, the question is open again until an answer is back up.
 */
@Injectable()
export class QuestionAnswers {
  private readonly answered = new WeakSet<TransitionEvent>();

  constructor(
    workflow: ItemWorkflow,
    private readonly db: TenantDatabase,
    private readonly mail: CitizenMail,
  ) {
    workflow.onTransition((m, event) => this.follow(m, event));
    workflow.afterTransition((event) => this.tell(event));
  }

  private async follow(m: EntityManager, event: TransitionEvent): Promise<void> {
    const { item, tenantId, transition } = event;
    if (item.type !== 'faq' || event.fromPhase === event.toPhase) return;
    const questions = m.getRepository(Question);
    const question = await questions.findOne({ where: { tenantId, answerItemId: item.id }, lock: { mode: 'pessimistic_write' } });
    if (!question) return;
    const step = {
      tenantId,
      questionId: question.id,
      at: transition.at ?? new Date(),
      actorId: transition.actorId,
      actorLabel: transition.actorLabel,
    };
    if (event.toPhase === 'published' && question.status !== 'answered') {
      question.status = 'answered';
      question.answeredAt = item.publishedAt ?? step.at;
      question.closedAt = step.at;
      await questions.save(question);
      await m.getRepository(QuestionEvent).insert({ ...step, action: 'answered' });
      this.answered.add(event);
    } else if (event.fromPhase === 'published' && question.status === 'answered') {
      question.status = 'answering';
      question.answeredAt = null;
      question.closedAt = null;
      await questions.save(question);
      await m.getRepository(QuestionEvent).insert({ ...step, action: 'answer_withdrawn', reason: transition.comment });
    }
  }

  private async tell(event: TransitionEvent): Promise<void> {
    if (!this.answered.has(event)) return;
    const { tenantId, item } = event;
    const found = await this.db.transaction(tenantId, async (m) => {
      const question = await m.getRepository(Question).findOneBy({ tenantId, answerItemId: item.id });
      if (!question?.email || question.contactsErasedAt) return null;
      // One connection: one query at a time.
      const site = await m.getRepository(Site).findOneByOrFail({ tenantId, id: item.siteId });
      const tenant = await m.getRepository(Tenant).findOneByOrFail({ id: tenantId });
      const domain = await m.getRepository(TenantDomain).findOneBy({ tenantId, isPrimary: true });
      return { question, site, tenant, domain };
    });
    if (!found) return;
    const { question, site, tenant, domain } = found;
    const origin = site.domain ? `https://${site.domain}` : `https://${domain?.domain ?? ''}`;
    const link = site.domain ? `${origin}/${item.slug}` : `${origin}${site.path === '/' ? '' : site.path}/${item.slug}`;
    await this.mail.answered({ to: question.email!, name: question.askerName ?? '' }, tenant, question, link);
  }
}
