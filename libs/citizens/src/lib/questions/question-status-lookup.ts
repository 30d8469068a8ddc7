import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { RuleVersionRepository } from '@cong/rules';
import { Site } from '@cong/sites';
import { Unit } from '@cong/units';
import { answerDue } from './answer-deadline';
import { statusTokenHash } from './question-intake';
import { QUESTION_STATUS_LABELS } from './question-status';
import { Question, QuestionStatus } from './question.entity';
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
      const answer: { site_id: string; slug: string }[] =
        question.status === 'answered' && question.answerItemId
          ? await m.query(`SELECT site_id, slug FROM content_item WHERE tenant_id = $1 AND id = $2 AND status = 'published'`, [
              province.id,
              question.answerItemId,
            ])
          : [];
      const site = answer[0] ? await m.getRepository(Site).findOneBy({ tenantId: province.id, id: answer[0].site_id }) : null;
      return {
        question,
        unit,
        answer: answer[0] && site ? { site: site.kind === 'portal' ? 'portal' : site.path.slice(1), slug: answer[0].slug } : null,
      };
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
