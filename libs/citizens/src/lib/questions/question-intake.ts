import { Injectable, Logger } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { RateLimiter } from '@cong/platform-throttling';
import { RuleVersionRepository, todayIn } from '@cong/rules';
import { Site } from '@cong/sites';
import { Unit } from '@cong/units';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { ProofOfWork } from '../challenge/proof-of-work';
import { CitizenMail } from '../mail/citizen-mail';
import { siteOfKey } from '../sites/citizen-site';
import { QuestionAttachments, SentAttachment } from './question-attachments';
import { QuestionEvent } from './question-event.entity';
import { Question } from './question.entity';
import { QuestionErrors } from './questions.errors';

export interface AskedQuestion {
  /** `portal` or a unit code (its sub-site): where it was asked. */
  site: string;
  /** The unit asked (its code); on a sub-site, default its own unit; on the portal, none (triaged). */
  unit?: string;
  name: string;
  email?: string;
  phone?: string;
  showName: boolean;
  title: string;
  question: string;
  /** The ALTCHA widget's answer. */
  altcha?: string;
  /** Instead, from a form sent without JavaScript: the text challenge's token and answer. */
  textChallenge?: { token: string; answer: string };
  /** The form's hidden honeypot field: people leave it empty. */
  website?: string;
  /** One file, optional (the portal's form sends it as multipart). */
  attachment?: SentAttachment;
}

export interface ReceivedQuestion {
  reference: string;
  /** Shown once: the private link to follow the question by. */
  statusToken: string;
  receivedOn: string;
  /** The address the receipt went to, or null. */
  emailedTo: string | null;
}

/** Where the asker follows their question; the token is the whole credential. */
export const STATUS_PAGE = '/hoi-dap/theo-doi';
export const statusTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LINKS = /https?:\/\/|www\./gi;
/** More links than this in one question reads as advertising. */
const MAX_LINKS = 3;

/**
 * A citizen's question arriving: the province must take questions, the site and unit must be its
 * own (a unit of another province is unknown here, under row-level security), the proof of work
 * must be fresh and unused, and one contact may not flood the desk. What looks like spam (the
 * honeypot filled, a wall of links) is kept and marked, never silently dropped.
 */
@Injectable()
export class QuestionIntake {
  private readonly logger = new Logger(QuestionIntake.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: RuleVersionRepository,
    private readonly pow: ProofOfWork,
    private readonly limiter: RateLimiter,
    private readonly mail: CitizenMail,
    private readonly attachments: QuestionAttachments,
  ) {}

  async ask(tenant: { id: string; name: string; timezone: string }, input: AskedQuestion, origin: string): Promise<ReceivedQuestion> {
    const today = todayIn(tenant.timezone);
    const inForce = await this.rules.ruleSetInForceOn(tenant.id, today);
    if (!inForce || !inForce.citizens.questions.enabled) throw QuestionErrors.closedForQuestions();
    const email = input.email?.trim().toLowerCase() || null;
    const phone = input.phone ? normalisePhone(input.phone) : null;
    if (!email && !phone) throw QuestionErrors.contactRequired();
    const { site, unit } = await this.db.transaction(tenant.id, (m) => this.placeOf(m, tenant.id, input));
    // A file of the wrong kind is refused before the proof is spent; it is drawn again only after.
    const checked = input.attachment ? this.attachments.check(input.attachment) : null;
    await this.pow.spend(tenant.id, 'question', { altcha: input.altcha, text: input.textChallenge });
    await this.limiter.consume(
      'question-contact',
      [email && `email:${statusTokenHash(email)}`, phone && `phone:${statusTokenHash(phone)}`].filter((k): k is string => !!k),
    );
    const spamReason = spamSignals(input);
    const statusToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const attachment = checked && input.attachment ? await this.attachments.store(tenant.id, checked, input.attachment) : null;
    const question = await this.insertWithFreshReference(tenant.id, today, (reference) => ({
      tenantId: tenant.id,
      reference,
      siteId: site.id,
      unitId: unit?.id ?? null,
      title: input.title.trim(),
      body: input.question.trim(),
      askerName: input.name.trim(),
      showName: input.showName,
      email,
      phone,
      consentedAt: now,
      status: spamReason ? 'spam' : unit ? 'assigned' : 'new',
      spamReason,
      receivedAt: now,
      receivedOn: today,
      closedAt: spamReason ? now : null,
      statusTokenHash: statusTokenHash(statusToken),
      attachment,
    })).catch(async (error) => {
      // Nothing half-kept: without its question the file goes too.
      if (attachment)
        await this.attachments
          .discard(attachment.storageKey)
          .catch((removal) =>
            this.logger.error({ tenant: tenant.id, error: String(removal) }, 'Attachment of an unsaved question not removed'),
          );
      throw error;
    });
    if (spamReason) this.logger.log({ tenant: tenant.id, reference: question.reference, spamReason }, 'Question marked as spam');
    const emailedTo =
      email && !spamReason
        ? await this.mail.receipt(
            { to: email, name: question.askerName ?? '' },
            tenant,
            question,
            `${origin}${STATUS_PAGE}?ma=${statusToken}`,
          )
        : null;
    return { reference: question.reference, statusToken, receivedOn: today, emailedTo };
  }

  /** The site asked on and the unit asked, both of this province and active. */
  private async placeOf(m: EntityManager, tenantId: string, input: AskedQuestion): Promise<{ site: Site; unit: Unit | null }> {
    const site = await siteOfKey(m, tenantId, input.site);
    if (!site || !site.active) throw QuestionErrors.unknownSite(input.site);
    const units = m.getRepository(Unit);
    const code = input.unit ?? (site.kind === 'subsite' ? input.site : undefined);
    if (!code) return { site, unit: null };
    const unit = await units.findOneBy({ tenantId, code });
    if (!unit || !unit.active) throw QuestionErrors.unknownUnit(code);
    return { site, unit };
  }

  private async insertWithFreshReference(
    tenantId: string,
    today: string,
    row: (reference: string) => Partial<Question>,
  ): Promise<Question> {
    for (let attempt = 0; ; attempt++) {
      const reference = `${today.slice(2).replaceAll('-', '')}-${Array.from({ length: 6 }, () => REFERENCE_LETTERS[randomInt(REFERENCE_LETTERS.length)]).join('')}`;
      try {
        return await this.db.transaction(tenantId, async (m) => {
          const questions = m.getRepository(Question);
          const saved = await questions.save(questions.create(row(reference)));
          await m.getRepository(QuestionEvent).insert({
            tenantId,
            questionId: saved.id,
            at: saved.receivedAt,
            action: saved.status === 'spam' ? 'marked_spam' : 'received',
            actorId: null,
            actorLabel: 'Người hỏi',
            toUnitId: saved.unitId,
            reason: saved.spamReason,
          });
          return saved;
        });
      } catch (error) {
        const driver = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }) : undefined;
        if (attempt < 5 && driver?.constraint?.includes('reference')) continue;
        throw error;
      }
    }
  }
}

/** `0912 345 678`, `+84 912345678` → `0912345678`. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
}

/** Why a question looks like spam, or null. */
export function spamSignals(input: Pick<AskedQuestion, 'website' | 'title' | 'question'>): string | null {
  if (input.website && input.website.trim() !== '') return 'Trường ẩn dành cho máy gửi tự động đã được điền.';
  const links = `${input.title} ${input.question}`.match(LINKS)?.length ?? 0;
  if (links > MAX_LINKS) return `Câu hỏi chứa ${links} đường dẫn.`;
  return null;
}
