import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { defineJob, HandlesJob, RetryPolicies } from '@cong/platform-queue';
import { addDays, RuleVersionRepository, todayIn } from '@cong/rules';
import { ProvinceJobs } from '@cong/tenancy';
import { QuestionAttachments } from './question-attachments';
import { QuestionEvent } from './question-event.entity';

/** Erases askers' and commenters' contacts once the province's retention period after closing has run. */
export const EraseExpiredContacts = defineJob<Record<string, never>>('citizens.erase-expired-contacts', 'citizens', RetryPolicies.standard);
/** A quarter past one, the province's time. */
const ERASE_AT = '15 1 * * *';
const DAY_MS = 24 * 3600 * 1000;

/**
 * Law 91/2025/QH15 (personal data): a closed question (answered, declined, spam) keeps the asker's
 * name, e-mail, phone and attached file for `citizens.questions.contactRetentionDays`, then loses them. The
 * question, its routing and its answer stay; the erasure is a step of its history.
 */
@Injectable()
export class ContactRetention implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContactRetention.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: RuleVersionRepository,
    private readonly provinces: ProvinceJobs,
    private readonly attachments: QuestionAttachments,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.declare(EraseExpiredContacts, 'citizens-erase-contacts', ERASE_AT);
  }

  @HandlesJob(EraseExpiredContacts)
  async run(_data: unknown, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = await this.provinces.provinceOf(job);
    if (!tenant) return 'no-tenant';
    const erased = await this.eraseExpired(tenant);
    const consultations = await this.eraseExpiredCommenters(tenant);
    if (erased || consultations) this.logger.log({ tenant: tenant.code, erased, consultations }, 'Contacts erased after retention');
    return `${erased} erased, ${consultations} consultations`;
  }

  /**
   * Consultations closed longer than `citizens.consultations.contactRetentionDays` ago: their
   * commenters' e-mail addresses are erased, and the names of comments never published (a
   * published comment's name was given to be shown). Returns how many consultations. Idempotent.
   */
  async eraseExpiredCommenters(tenant: { id: string; timezone: string }, now: Date = new Date()): Promise<number> {
    const today = todayIn(tenant.timezone, now);
    const rules = await this.rules.ruleSetInForceOn(tenant.id, today);
    if (!rules) return 0;
    const lastClosed = addDays(today, -rules.citizens.consultations.contactRetentionDays);
    return this.db.transaction(tenant.id, async (m) => {
      const [due]: [{ id: string }[]] = await m.query(
        `UPDATE citizens_consultation SET contacts_erased_at = $3 WHERE tenant_id = $1 AND contacts_erased_at IS NULL AND closes_on < $2 RETURNING id`,
        [tenant.id, lastClosed, now],
      );
      if (due.length)
        await m.query(
          `UPDATE citizens_consultation_comment SET email = NULL, author_name = CASE WHEN status = 'published' THEN author_name END
            WHERE tenant_id = $1 AND consultation_id = ANY($2::uuid[])`,
          [tenant.id, due.map((d) => d.id)],
        );
      return due.length;
    });
  }

  /** Erases what is due at `now`; returns how many questions lost their contacts. Idempotent. */
  async eraseExpired(tenant: { id: string; timezone: string }, now: Date = new Date()): Promise<number> {
    const rules = await this.rules.ruleSetInForceOn(tenant.id, todayIn(tenant.timezone, now));
    if (!rules) return 0;
    const cutoff = new Date(now.getTime() - rules.citizens.questions.contactRetentionDays * DAY_MS);
    const erased = await this.db.transaction(tenant.id, async (m) => {
      // The file goes with the contacts: the old row's key, read in the same statement that clears it.
      const erased: { id: string; storage_key: string | null }[] = await m
        .query(
          `UPDATE citizens_question q SET asker_name = NULL, email = NULL, phone = NULL, attachment = NULL, contacts_erased_at = $3, updated_at = $3
            FROM citizens_question old
          WHERE q.tenant_id = $1 AND q.contacts_erased_at IS NULL AND q.closed_at < $2 AND old.tenant_id = q.tenant_id AND old.id = q.id
          RETURNING q.id, old.attachment->>'storageKey' AS storage_key`,
          [tenant.id, cutoff, now],
        )
        .then(([rows]: [{ id: string; storage_key: string | null }[]]) => rows);
      if (erased.length)
        await m.getRepository(QuestionEvent).insert(
          erased.map((q) => ({
            tenantId: tenant.id,
            questionId: q.id,
            at: now,
            action: 'contacts_erased' as const,
            actorId: null,
            actorLabel: 'Hệ thống',
            reason: `Hết thời hạn lưu ${rules.citizens.questions.contactRetentionDays} ngày sau khi đóng câu hỏi.`,
          })),
        );
      return erased;
    });
    // After the commit: a file whose removal fails is logged, its question already no longer points at it.
    for (const { id, storage_key } of erased.filter((e) => e.storage_key)) {
      await this.attachments
        .discard(storage_key as string)
        .catch((error) => this.logger.error({ tenant: tenant.id, question: id, error: String(error) }, 'Attachment not removed'));
    }
    return erased.length;
  }
}
