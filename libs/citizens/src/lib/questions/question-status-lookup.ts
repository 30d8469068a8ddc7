import { Injectable } from '@nestjs/common';
import { ContentItem } from '@cong/content';
import { TenantDatabase } from '@cong/platform-database';
import { RuleVersionRepository } from '@cong/rules';
import { Site } from '@cong/sites';
import { Unit } from '@cong/units';
import { answerDue } from './answer-deadline';
import { statusTokenHash } from './question-intake';
import { QUESTION_STATUS_LABELS } from './question-status';
import { Question, QuestionStatus } from './question.entity';
import { keyOfSite } from '../sites/citizen-site';
import { QuestionErrors } from './questions.errors';

export interface QuestionStatusView {
  reference: string;
  title: string;
  status: QuestionStatus;
  statusLabel: string;
  receivedOn: string;
  unit: string | null;
  due: string | null;
  answeredAt: Date | null;
  answer: { site: string; slug: string } | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The asker's view through their private link: the question's course, never anyone's contacts. */
@Injectable()
export class QuestionStatusLookup {
  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: RuleVersionRepository,
  ) {}

  async byToken(province: { id: string; timezone: string }, token: string): Promise<QuestionStatusView> {
    if (!TOKEN.test(token)) throw QuestionErrors.statusLinkUnknown();
    const found = await this.db.transaction(province.id, async (m) => {
      const question = await m.getRepository(Question).findOneBy({ tenantId: province.id, statusTokenHash: statusTokenHash(token) });
      if (!question) return null;
      const unit = question.unitId ? await m.getRepository(Unit).findOneBy({ tenantId: province.id, id: question.unitId }) : null;
      const item =
        question.status === 'answered' && question.answerItemId
          ? await m.getRepository(ContentItem).findOneBy({ tenantId: province.id, id: question.answerItemId, status: 'published' })
          : null;
      const site = item ? await m.getRepository(Site).findOneBy({ tenantId: province.id, id: item.siteId }) : null;
      return { question, unit, answer: item && site ? { site: keyOfSite(site), slug: item.slug } : null };
    });
    if (!found) throw QuestionErrors.statusLinkUnknown();
    const { question, unit, answer } = found;
    const due = answerDue(
      await this.rules.ruleSetInForceOn(province.id, question.receivedOn),
      unit,
      question.receivedOn,
      province.timezone,
    );
    return {
      reference: question.reference,
      title: question.title,
      status: question.status,
      statusLabel: QUESTION_STATUS_LABELS[question.status],
      receivedOn: question.receivedOn,
      unit: unit?.name ?? null,
      due,
      answeredAt: question.answeredAt,
      answer,
    };
  }
}
