import { Injectable } from '@nestjs/common';
import { holdsFor, Principal } from '@cong/accounts';
import { ContentItem } from '@cong/content';
import { TenantDatabase } from '@cong/platform-database';
import { TableFile } from '@cong/platform-tables';
import { dmy, todayIn } from '@cong/rules';
import { unitLineage } from '@cong/units';
import { formatTenantTime } from '@cong/workflow';
import { EntityManager, In } from 'typeorm';
import { siteOfKey } from '../sites/citizen-site';
import { placeOf } from './consultation-place';
import { CommentStatus, Consultation, ConsultationComment } from './consultation.entity';
import { ConsultationView, consultationView, phaseOf, StaffCommentView, staffCommentView } from './consultation-views';
import { ConsultationErrors } from './consultations.errors';

export interface Province {
  id: string;
  timezone: string;
}

export interface ConsultationDraft {
  title: string;
  summary?: string | null;
  articles?: string[];
  opensOn: string;
  closesOn: string;
}

export interface NewConsultation extends ConsultationDraft {
  /** The published item carrying the draft and its file; the consultation is on its site, its unit drafts. */
  documentItem: string;
}

export interface ConsultationDetail extends ConsultationView {
  comments: StaffCommentView[];
}

/**
 * The officials' side of consultations: the drafting unit's head (for their units), the editorial
 * board and the IT centre open a draft for comments, moderate the comments (publish, or not with
 * a reason) and, at the close, export every comment per article for the drafting agency.
 */
@Injectable()
export class ConsultationDesk {
  constructor(private readonly db: TenantDatabase) {}

  create(p: Principal, province: Province, input: NewConsultation): Promise<ConsultationDetail> {
    return this.db.transaction(province.id, async (m) => {
      const item = await m.getRepository(ContentItem).findOneBy({ tenantId: province.id, id: input.documentItem, status: 'published' });
      if (!item) throw ConsultationErrors.documentNotFound();
      if (!holdsFor(p, 'consultations.manage', await unitLineage(m, province.id, item.unitId))) throw ConsultationErrors.notYours();
      if (input.closesOn < input.opensOn) throw ConsultationErrors.badDays();
      const repo = m.getRepository(Consultation);
      const saved = await repo.save(
        repo.create({
          tenantId: province.id,
          siteId: item.siteId,
          unitId: item.unitId,
          documentItemId: item.id,
          title: input.title.trim(),
          summary: input.summary?.trim() || null,
          articles: (input.articles ?? []).map((a) => a.trim()),
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          createdBy: p.userId,
        }),
      );
      return this.detail(m, province, saved);
    });
  }

  /** Before it opens, anything; once open, only the last day (extend, or end it today). */
  update(p: Principal, province: Province, id: string, changes: Partial<ConsultationDraft>): Promise<ConsultationDetail> {
    return this.db.transaction(province.id, async (m) => {
      const c = await this.managed(m, p, province.id, id, true);
      const today = todayIn(province.timezone);
      if (phaseOf(c, today) !== 'upcoming') {
        if (Object.entries(changes).some(([k, v]) => k !== 'closesOn' && v !== undefined) || c.withdrawnAt)
          throw ConsultationErrors.lockedAfterOpening();
        if (changes.closesOn) c.closesOn = changes.closesOn < today ? today : changes.closesOn;
      } else {
        Object.assign(c, {
          title: changes.title?.trim() ?? c.title,
          summary: changes.summary === undefined ? c.summary : changes.summary?.trim() || null,
          articles: changes.articles?.map((a) => a.trim()) ?? c.articles,
          opensOn: changes.opensOn ?? c.opensOn,
          closesOn: changes.closesOn ?? c.closesOn,
        });
      }
      if (c.closesOn < c.opensOn) throw ConsultationErrors.badDays();
      await m.getRepository(Consultation).save(c);
      return this.detail(m, province, c);
    });
  }

  withdraw(p: Principal, province: Province, id: string): Promise<ConsultationDetail> {
    return this.db.transaction(province.id, async (m) => {
      const c = await this.managed(m, p, province.id, id, true);
      c.withdrawnAt ??= new Date();
      await m.getRepository(Consultation).save(c);
      return this.detail(m, province, c);
    });
  }

  list(p: Principal, province: Province, siteKey?: string): Promise<ConsultationView[]> {
    return this.db.transaction(province.id, async (m) => {
      const site = siteKey ? await siteOfKey(m, province.id, siteKey) : null;
      const all = await m.getRepository(Consultation).find({
        where: { tenantId: province.id, ...(site ? { siteId: site.id } : {}) },
        order: { opensOn: 'DESC' },
        take: 200,
      });
      const today = todayIn(province.timezone);
      const views: ConsultationView[] = [];
      for (const c of all) {
        if (!holdsFor(p, 'consultations.manage', await unitLineage(m, province.id, c.unitId))) continue;
        const count = await m.getRepository(ConsultationComment).countBy({ tenantId: province.id, consultationId: c.id });
        views.push(consultationView(c, await placeOf(m, c), today, count));
      }
      return views;
    });
  }

  get(p: Principal, province: Province, id: string, status?: CommentStatus): Promise<ConsultationDetail> {
    return this.db.transaction(province.id, async (m) => this.detail(m, province, await this.managed(m, p, province.id, id), status));
  }

  /** Publishes a comment, or keeps it off the portal with the reason (kept for the drafting agency). */
  moderate(p: Principal, province: Province, id: string, commentId: string, decision: 'published' | 'rejected', reason?: string) {
    return this.db.transaction(province.id, async (m) => {
      const c = await this.managed(m, p, province.id, id);
      const comments = m.getRepository(ConsultationComment);
      const comment = await comments.findOne({
        where: { tenantId: province.id, consultationId: c.id, id: commentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!comment) throw ConsultationErrors.commentNotFound();
      if (decision === 'rejected' && !reason?.trim()) throw ConsultationErrors.reasonRequired();
      Object.assign(comment, {
        status: decision,
        moderationReason: decision === 'rejected' ? reason!.trim() : null,
        moderatedBy: p.displayName || p.username,
        moderatedAt: new Date(),
      });
      await comments.save(comment);
      return staffCommentView(c.articles, comment);
    });
  }

  /** Every comment received, per article then in order of arrival, with its status: for the drafting agency. */
  async summary(p: Principal, province: Province, id: string): Promise<TableFile> {
    const d = await this.get(p, province, id);
    const order = (a: number | null) => (a === null ? -1 : a);
    const comments = [...d.comments].sort(
      (a, b) => order(a.article) - order(b.article) || a.submittedAt.getTime() - b.submittedAt.getTime(),
    );
    const perArticle = new Map<string, number>();
    for (const c of comments) perArticle.set(c.articleLabel, (perArticle.get(c.articleLabel) ?? 0) + 1);
    return {
      title: [
        `Tổng hợp ý kiến góp ý dự thảo: ${d.title}`,
        `Cơ quan chủ trì soạn thảo: ${d.unit.name}`,
        `Thời gian lấy ý kiến: ${d.period} (${d.phaseLabel.toLowerCase()})`,
      ],
      headings: ['STT', 'Điều khoản', 'Người góp ý', 'Cơ quan, tổ chức', 'Nội dung góp ý', 'Ngày gửi', 'Tình trạng'],
      lines: comments.map((c, i) => [
        i + 1,
        c.articleLabel,
        c.authorName ?? '(đã xóa theo thời hạn lưu trữ)',
        c.organisation ?? '',
        c.body,
        dmy(todayIn(province.timezone, c.submittedAt)),
        c.status === 'rejected' ? `${c.statusLabel}: ${c.moderationReason}` : c.statusLabel,
      ]),
      footer: [
        `Tổng số ý kiến: ${comments.length}`,
        ...[...perArticle].map(([label, n]) => `${label}: ${n} ý kiến`),
        `Xuất lúc ${formatTenantTime(new Date(), province.timezone)}`,
      ],
    };
  }

  private async detail(m: EntityManager, province: Province, c: Consultation, status?: CommentStatus): Promise<ConsultationDetail> {
    const comments = await m.getRepository(ConsultationComment).find({
      where: { tenantId: province.id, consultationId: c.id, ...(status ? { status: In([status]) } : {}) },
      order: { submittedAt: 'ASC' },
    });
    return {
      ...consultationView(c, await placeOf(m, c), todayIn(province.timezone), comments.length),
      comments: comments.map((x) => staffCommentView(c.articles, x)),
    };
  }

  private async managed(m: EntityManager, p: Principal, tenantId: string, id: string, lock = false): Promise<Consultation> {
    const c = await m
      .getRepository(Consultation)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!c || !holdsFor(p, 'consultations.manage', await unitLineage(m, tenantId, c.unitId))) throw ConsultationErrors.notFound();
    return c;
  }
}
