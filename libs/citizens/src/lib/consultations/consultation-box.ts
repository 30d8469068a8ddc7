import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { RateLimiter } from '@cong/platform-throttling';
import { dmy, todayIn } from '@cong/rules';
import { createHash } from 'node:crypto';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { ProofOfWork, WriteProof } from '../challenge/proof-of-work';
import { siteOfKey } from '../sites/citizen-site';
import { placeOf } from './consultation-place';
import { Consultation, ConsultationComment } from './consultation.entity';
import { CommentView, commentView, ConsultationView, consultationView, phaseOf } from './consultation-views';
import { ConsultationErrors } from './consultations.errors';

export interface NewComment {
  /** An article's index, or undefined for the draft as a whole. */
  article?: number;
  name: string;
  organisation?: string;
  email?: string;
  comment: string;
  proof: WriteProof;
}

export interface PublicConsultation extends ConsultationView {
  /** Published comments only, in order of arrival. */
  comments: CommentView[];
}

/**
 * Citizens' side of consultations: the drafts of a site open for comments (and those closed),
 * with the comments a moderator has published; and the comment itself, held with the same
 * protections as questions (proof of work, rate limits per address and per e-mail), kept pending
 * until moderated.
 */
@Injectable()
export class ConsultationBox {
  constructor(
    private readonly db: TenantDatabase,
    private readonly pow: ProofOfWork,
    private readonly limiter: RateLimiter,
  ) {}

  list(province: { id: string; timezone: string }, siteKey: string): Promise<ConsultationView[]> {
    return this.db.transaction(province.id, async (m) => {
      const site = await siteOfKey(m, province.id, siteKey);
      if (!site?.active) throw ConsultationErrors.notFound();
      const today = todayIn(province.timezone);
      const found = await m.getRepository(Consultation).find({
        where: { tenantId: province.id, siteId: site.id, opensOn: LessThanOrEqual(today) },
        order: { opensOn: 'DESC' },
        take: 50,
      });
      const views: ConsultationView[] = [];
      for (const c of found.filter((x) => !x.withdrawnAt)) {
        const count = await m
          .getRepository(ConsultationComment)
          .countBy({ tenantId: province.id, consultationId: c.id, status: 'published' });
        views.push(consultationView(c, await placeOf(m, c), today, count));
      }
      return views;
    });
  }

  get(province: { id: string; timezone: string }, id: string): Promise<PublicConsultation> {
    return this.db.transaction(province.id, async (m) => {
      const c = await this.publicOne(m, province.id, id);
      const comments = await m.getRepository(ConsultationComment).find({
        where: { tenantId: province.id, consultationId: c.id, status: 'published' },
        order: { submittedAt: 'ASC' },
      });
      return {
        ...consultationView(c, await placeOf(m, c), todayIn(province.timezone), comments.length),
        comments: comments.map((x) => commentView(c.articles, x)),
      };
    });
  }

  /** Receives a comment (pending moderation). */
  async comment(province: { id: string; timezone: string }, id: string, input: NewComment): Promise<{ receivedOn: string }> {
    const today = todayIn(province.timezone);
    const c = await this.db.transaction(province.id, (m) => this.publicOne(m, province.id, id));
    const phase = phaseOf(c, today);
    if (phase === 'upcoming') throw ConsultationErrors.notOpenYet(dmy(c.opensOn));
    if (phase === 'closed') throw ConsultationErrors.closed(dmy(c.closesOn));
    if (input.article !== undefined && (input.article < 0 || input.article >= c.articles.length)) throw ConsultationErrors.unknownArticle();
    await this.pow.spend(province.id, 'comment', input.proof);
    const email = input.email?.trim().toLowerCase() || null;
    if (email) await this.limiter.consume('question-contact', [`email:${createHash('sha256').update(email).digest('hex')}`]);
    await this.db.transaction(province.id, (m) =>
      m.getRepository(ConsultationComment).insert({
        tenantId: province.id,
        consultationId: c.id,
        article: input.article ?? null,
        authorName: input.name.trim(),
        organisation: input.organisation?.trim() || null,
        email,
        body: input.comment.trim(),
        status: 'pending',
        submittedAt: new Date(),
      }),
    );
    return { receivedOn: today };
  }

  private async publicOne(m: EntityManager, tenantId: string, id: string): Promise<Consultation> {
    const c = await m.getRepository(Consultation).findOneBy({ tenantId, id });
    if (!c || c.withdrawnAt) throw ConsultationErrors.notFound();
    return c;
  }
}
