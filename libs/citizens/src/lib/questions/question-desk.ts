import { Injectable } from '@nestjs/common';
import { actorOf, CAPABILITIES, Capability, holdsFor, Principal } from '@cong/accounts';
import { ContentEditor } from '@cong/content';
import { decodeCursor, encodeCursor, TenantDatabase } from '@cong/platform-database';
import { RuleSet, ruleSetFromDocument, RuleVersionRepository, todayIn } from '@cong/rules';
import { Site } from '@cong/sites';
import { Unit, unitLineage, unitSubtree } from '@cong/units';
import { EntityManager, In } from 'typeorm';
import { answerDue } from './answer-deadline';
import { QuestionAttachments } from './question-attachments';
import { QUESTION_ACTION_LABELS, QuestionAction, QuestionEvent } from './question-event.entity';
import { Question, QuestionStatus } from './question.entity';
import { DeskAction, QUESTION_STATUS_LABELS } from './question-status';
import { keyOfSite } from '../sites/citizen-site';
import { QuestionErrors } from './questions.errors';

export interface Province {
  id: string;
  timezone: string;
}

export interface QuestionFilter {
  status?: QuestionStatus;
  /** A unit code. */
  unit?: string;
  /** Only open questions past their answer deadline. */
  overdue?: boolean;
  /** A reference (`261203-K7Q2MX`), or words of the title or question, accents and case ignored. */
  q?: string;
  limit: number;
  cursor?: string;
}

export interface QuestionSummary {
  id: string;
  reference: string;
  title: string;
  status: QuestionStatus;
  statusLabel: string;
  site: string;
  unit: { code: string; name: string } | null;
  receivedAt: Date;
  receivedOn: string;
  /** The last day to answer on time (the province's `faq` deadline from `receivedOn`), or null without one. */
  due: string | null;
  /** Open and past `due`. */
  overdue: boolean;
  answerItemId: string | null;
}

export interface QuestionStep {
  at: Date;
  action: QuestionAction;
  actionLabel: string;
  actor: string;
  fromUnit: string | null;
  toUnit: string | null;
  reason: string | null;
}

export interface QuestionDetail extends QuestionSummary {
  body: string;
  askerName: string | null;
  showName: boolean;
  email: string | null;
  phone: string | null;
  consentedAt: Date;
  spamReason: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  contactsErasedAt: Date | null;
  /** The file sent with the question (downloaded from `…/attachment`), or null. */
  attachment: { filename: string; mime: string; size: number } | null;
  history: QuestionStep[];
  actions: DeskAction[];
}

export interface AnswerDraft {
  answer: string;
  /** The question as it will be published (officials may take personal details out); default as asked. */
  question?: string;
  title?: string;
  /** A section slug of the site the question was asked on. */
  section?: string;
}

const OPEN: QuestionStatus[] = ['new', 'assigned', 'answering'];
/** Open questions read per page when only the overdue ones are wanted (due dates are computed in the province's calendar). */
const OVERDUE_SCAN = 500;

/**
 * The officials' side of citizens' questions: the desk lists what is within reach (province-wide
 * roles: every question; unit roles: those sent to their units and below), routes questions to a
 * unit or on to another with a reason, declines or marks spam with a reason, and drafts the
 * answer as a faq item of the question's unit, which then goes through the faq workflow.
 */
@Injectable()
export class QuestionDesk {
  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: RuleVersionRepository,
    private readonly editor: ContentEditor,
    private readonly attachments: QuestionAttachments,
  ) {}

  async list(p: Principal, province: Province, filter: QuestionFilter): Promise<{ items: QuestionSummary[]; nextCursor: string | null }> {
    const after = filter.cursor ? decodeCursor(filter.cursor, 'CITIZENS_BAD_CURSOR') : undefined;
    return this.db.transaction(province.id, async (m) => {
      const reach = await this.reachOf(m, p, province.id, 'questions.read');
      const query = m.getRepository(Question).createQueryBuilder('q').where('q.tenant_id = :tenantId', { tenantId: province.id });
      if (reach !== 'all') query.andWhere('q.unit_id = ANY(:reach::uuid[])', { reach });
      if (filter.status) query.andWhere('q.status = :status', { status: filter.status });
      if (filter.overdue) query.andWhere('q.status = ANY(:open::text[])', { open: OPEN });
      if (filter.unit) {
        const unit = await m.getRepository(Unit).findOneBy({ tenantId: province.id, code: filter.unit });
        if (!unit) throw QuestionErrors.unknownUnit(filter.unit);
        query.andWhere('q.unit_id = :unitId', { unitId: unit.id });
      }
      if (filter.q) {
        const words = filter.q.trim();
        query.andWhere(`(q.reference = upper(:words) OR cong_fold(q.title || ' ' || q.body) LIKE '%' || cong_fold(:words) || '%')`, {
          words,
        });
      }
      if (after) query.andWhere('(q.received_at, q.id) < (:at, :id)', { at: after.at, id: after.id });
      // Overdue is judged in the province's calendar, not in SQL: open questions are read in one larger page.
      const rows = await query
        .orderBy('q.received_at', 'DESC')
        .addOrderBy('q.id', 'DESC')
        .limit(filter.overdue ? OVERDUE_SCAN : filter.limit)
        .getMany();
      const summaries = await this.summaries(m, province, rows);
      if (!filter.overdue) {
        const last = summaries[summaries.length - 1];
        return {
          items: summaries,
          nextCursor: rows.length === filter.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
        };
      }
      // Overdue: the page ends at its last overdue question, or, when fewer were found, where the scan
      // stopped (a later page goes on from there; nothing is skipped).
      const overdue = summaries.filter((s) => s.overdue);
      const items = overdue.slice(0, filter.limit);
      const end = overdue.length > filter.limit ? items[items.length - 1] : rows.length === OVERDUE_SCAN ? rows[rows.length - 1] : null;
      return { items, nextCursor: end ? encodeCursor({ at: end.receivedAt, id: end.id }) : null };
    });
  }

  async get(p: Principal, province: Province, id: string): Promise<QuestionDetail> {
    return this.db.transaction(province.id, async (m) => {
      const question = await this.reachable(m, p, province.id, id, 'questions.read');
      return this.detail(m, p, province, question);
    });
  }

  /** The file sent with a question, for those who may read it; 404 when there is none (or no more). */
  async attachment(p: Principal, province: Province, id: string): Promise<{ mime: string; bytes: Buffer; filename: string }> {
    const question = await this.db.transaction(province.id, (m) => this.reachable(m, p, province.id, id, 'questions.read'));
    const bytes = question.attachment ? await this.attachments.bytesOf(question.attachment) : null;
    if (!question.attachment || !bytes) throw QuestionErrors.noAttachment();
    return { mime: question.attachment.mime, bytes, filename: question.attachment.filename };
  }

  /** Sends a question to a unit (a `new` one), or moves it on to another (`reason` required). */
  async assign(p: Principal, province: Province, id: string, unitCode: string, reason?: string): Promise<QuestionDetail> {
    return this.db.transaction(province.id, async (m) => {
      const question = await this.reachable(m, p, province.id, id, 'questions.route', true);
      if (!['new', 'assigned'].includes(question.status))
        throw QuestionErrors.wrongStatus('chuyển đơn vị', QUESTION_STATUS_LABELS[question.status]);
      const unit = await m.getRepository(Unit).findOneBy({ tenantId: province.id, code: unitCode, active: true });
      if (!unit) throw QuestionErrors.unknownUnit(unitCode);
      if (unit.id === question.unitId) throw QuestionErrors.sameUnit();
      const moving = question.unitId !== null;
      if (moving && !reason?.trim()) throw QuestionErrors.reasonRequired();
      await this.record(m, p, question, moving ? 'reassigned' : 'assigned', { from: question.unitId, to: unit.id, reason });
      question.unitId = unit.id;
      question.status = 'assigned';
      await m.getRepository(Question).save(question);
      return this.detail(m, p, province, question);
    });
  }

  async decline(p: Principal, province: Province, id: string, reason: string): Promise<QuestionDetail> {
    return this.close(p, province, id, 'declined', reason);
  }

  async markSpam(p: Principal, province: Province, id: string, reason: string): Promise<QuestionDetail> {
    return this.close(p, province, id, 'spam', reason);
  }

  /** A question marked as spam by mistake goes back to the desk (to its unit, if it had one). */
  async unmarkSpam(p: Principal, province: Province, id: string, reason: string): Promise<QuestionDetail> {
    if (!reason.trim()) throw QuestionErrors.reasonRequired();
    return this.db.transaction(province.id, async (m) => {
      const question = await this.reachable(m, p, province.id, id, 'questions.route', true);
      if (question.status !== 'spam') throw QuestionErrors.wrongStatus('bỏ đánh dấu thư rác', QUESTION_STATUS_LABELS[question.status]);
      if (question.contactsErasedAt) throw QuestionErrors.wrongStatus('mở lại', 'đã xóa thông tin liên hệ');
      await this.record(m, p, question, 'unmarked_spam', { reason });
      question.status = question.unitId ? 'assigned' : 'new';
      question.spamReason = null;
      question.closedAt = null;
      await m.getRepository(Question).save(question);
      return this.detail(m, p, province, question);
    });
  }

  /** Drafts the answer: a faq item of the question's unit on the site it was asked on, linked to it. */
  async draftAnswer(
    p: Principal,
    province: Province,
    id: string,
    draft: AnswerDraft,
  ): Promise<{ question: QuestionDetail; itemId: string }> {
    return this.db.transaction(province.id, async (m) => {
      const question = await this.reachable(m, p, province.id, id, 'questions.answer', true);
      if (question.status !== 'assigned' || !question.unitId)
        throw QuestionErrors.wrongStatus('soạn câu trả lời', QUESTION_STATUS_LABELS[question.status]);
      const site = await m.getRepository(Site).findOneByOrFail({ tenantId: province.id, id: question.siteId });
      const unit = await m.getRepository(Unit).findOneByOrFail({ tenantId: province.id, id: question.unitId });
      const item = await this.editor.createIn(
        m,
        { id: p.userId, label: p.username, memberships: p.memberships },
        province.id,
        province.timezone,
        {
          site: keyOfSite(site),
          unit: site.kind === 'portal' ? unit.code : undefined,
          type: 'faq',
          title: draft.title?.trim() || question.title,
          section: draft.section ?? null,
          fields: {
            question: draft.question?.trim() || question.body,
            answer: draft.answer,
            askedOn: question.receivedOn,
            ...(question.showName && question.askerName ? { askedBy: question.askerName } : {}),
          },
        },
      );
      await this.record(m, p, question, 'answer_drafted', {});
      question.status = 'answering';
      question.answerItemId = item.id;
      await m.getRepository(Question).save(question);
      return { question: await this.detail(m, p, province, question), itemId: item.id };
    });
  }

  private async close(p: Principal, province: Province, id: string, status: 'declined' | 'spam', reason: string): Promise<QuestionDetail> {
    if (!reason.trim()) throw QuestionErrors.reasonRequired();
    return this.db.transaction(province.id, async (m) => {
      const question = await this.reachable(m, p, province.id, id, 'questions.route', true);
      if (!['new', 'assigned'].includes(question.status))
        throw QuestionErrors.wrongStatus(
          status === 'spam' ? 'đánh dấu thư rác' : 'từ chối trả lời',
          QUESTION_STATUS_LABELS[question.status],
        );
      await this.record(m, p, question, status === 'spam' ? 'marked_spam' : 'declined', { reason });
      question.status = status;
      question.spamReason = status === 'spam' ? reason.trim() : null;
      question.closedAt = new Date();
      await m.getRepository(Question).save(question);
      return this.detail(m, p, province, question);
    });
  }

  private async record(
    m: EntityManager,
    p: Principal,
    question: Question,
    action: QuestionAction,
    step: { from?: string | null; to?: string | null; reason?: string },
  ): Promise<void> {
    const actor = actorOf(p);
    await m.getRepository(QuestionEvent).insert({
      tenantId: question.tenantId,
      questionId: question.id,
      at: new Date(),
      action,
      actorId: actor.id,
      actorLabel: p.displayName || actor.label,
      fromUnitId: step.from ?? null,
      toUnitId: step.to ?? null,
      reason: step.reason?.trim() || null,
    });
  }

  /** Unit ids within reach of `capability`, or `all` for a province-wide role. */
  private async reachOf(m: EntityManager, p: Principal, tenantId: string, capability: Capability): Promise<'all' | string[]> {
    const allowed: readonly string[] = CAPABILITIES[capability];
    const grants = p.memberships.filter((g) => allowed.includes(g.role));
    if (grants.some((g) => g.unitId === null)) return 'all';
    return (
      await unitSubtree(
        m,
        tenantId,
        grants.map((g) => g.unitId!),
      )
    ).map((u) => u.id);
  }

  /** The question, if `capability` reaches it (a question with no unit yet: province-wide roles only); locked for a change. */
  private async reachable(
    m: EntityManager,
    p: Principal,
    tenantId: string,
    id: string,
    capability: Capability,
    lock = false,
  ): Promise<Question> {
    const question = await m
      .getRepository(Question)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!question) throw QuestionErrors.notFound();
    const lineage = question.unitId ? await unitLineage(m, tenantId, question.unitId) : [];
    if (holdsFor(p, capability, lineage)) return question;
    // Not even readable: as if it did not exist.
    if (capability !== 'questions.read' && holdsFor(p, 'questions.read', lineage)) throw QuestionErrors.notYours();
    throw QuestionErrors.notFound();
  }

  private async summaries(m: EntityManager, province: Province, rows: Question[]): Promise<QuestionSummary[]> {
    if (rows.length === 0) return [];
    const tenantId = province.id;
    const unitIds = [...new Set(rows.map((r) => r.unitId).filter((u): u is string => !!u))];
    const siteIds = [...new Set(rows.map((r) => r.siteId))];
    // One connection: one query at a time.
    const units = unitIds.length ? await m.getRepository(Unit).findBy({ tenantId, id: In(unitIds) }) : [];
    const sites = await m.getRepository(Site).findBy({ tenantId, id: In(siteIds) });
    const unitById = new Map(units.map((u) => [u.id, u]));
    const siteKey = new Map(sites.map((s) => [s.id, keyOfSite(s)]));
    const today = todayIn(province.timezone);
    const rulesOn = await this.rulesByDate(tenantId);
    return Promise.all(
      rows.map(async (q) => {
        const unit = q.unitId ? (unitById.get(q.unitId) ?? null) : null;
        const due = answerDue(await rulesOn(q.receivedOn), unit, q.receivedOn, province.timezone);
        return {
          id: q.id,
          reference: q.reference,
          title: q.title,
          status: q.status,
          statusLabel: QUESTION_STATUS_LABELS[q.status],
          site: siteKey.get(q.siteId) ?? 'portal',
          unit: unit ? { code: unit.code, name: unit.name } : null,
          receivedAt: q.receivedAt,
          receivedOn: q.receivedOn,
          due,
          overdue: due !== null && OPEN.includes(q.status) && today > due,
          answerItemId: q.answerItemId,
        };
      }),
    );
  }

  /** The rules in force on any date, each version read and parsed once (a page spans many dates, few versions). */
  private async rulesByDate(tenantId: string): Promise<(date: string) => Promise<RuleSet | null>> {
    // Newest first: the first whose effective date has come governs (the latest applied wins a tie).
    const history = [...(await this.rules.history(tenantId))].sort(
      (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version,
    );
    const parsed = new Map<number, Promise<RuleSet | null>>();
    return (date) => {
      const version = history.find((v) => v.effectiveFrom <= date)?.version;
      if (version === undefined) return Promise.resolve(null);
      if (!parsed.has(version))
        parsed.set(
          version,
          this.rules.find(tenantId, version).then((v) => (v ? ruleSetFromDocument(v.document) : null)),
        );
      return parsed.get(version)!;
    };
  }

  private async detail(m: EntityManager, p: Principal, province: Province, q: Question): Promise<QuestionDetail> {
    const [summary] = await this.summaries(m, province, [q]);
    const lineage = q.unitId ? await unitLineage(m, province.id, q.unitId) : [];
    const may = (capability: Capability) => holdsFor(p, capability, lineage);
    const actions: DeskAction[] = [];
    if (may('questions.route')) {
      if (q.status === 'new') actions.push('assign', 'decline', 'spam');
      if (q.status === 'assigned') actions.push('reassign', 'decline', 'spam');
      if (q.status === 'spam' && !q.contactsErasedAt) actions.push('not-spam');
    }
    if (may('questions.answer') && q.status === 'assigned') actions.push('answer');
    const events = await m.getRepository(QuestionEvent).find({ where: { tenantId: province.id, questionId: q.id }, order: { at: 'ASC' } });
    const unitIds = [...new Set(events.flatMap((e) => [e.fromUnitId, e.toUnitId]).filter((u): u is string => !!u))];
    const names = new Map(
      (unitIds.length ? await m.getRepository(Unit).findBy({ tenantId: province.id, id: In(unitIds) }) : []).map((u) => [u.id, u.name]),
    );
    return {
      ...summary,
      body: q.body,
      askerName: q.askerName,
      showName: q.showName,
      email: q.email,
      phone: q.phone,
      consentedAt: q.consentedAt,
      spamReason: q.spamReason,
      answeredAt: q.answeredAt,
      closedAt: q.closedAt,
      contactsErasedAt: q.contactsErasedAt,
      attachment: q.attachment ? { filename: q.attachment.filename, mime: q.attachment.mime, size: q.attachment.size } : null,
      history: events.map((e) => ({
        at: e.at,
        action: e.action,
        actionLabel: QUESTION_ACTION_LABELS[e.action],
        actor: e.actorLabel,
        fromUnit: e.fromUnitId ? (names.get(e.fromUnitId) ?? null) : null,
        toUnit: e.toUnitId ? (names.get(e.toUnitId) ?? null) : null,
        reason: e.reason,
      })),
      actions,
    };
  }
}
