import { Injectable } from '@nestjs/common';
import { holdsFor, Principal } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
import { TableFile } from '@cong/platform-tables';
import { Site } from '@cong/sites';
import { unitLineage } from '@cong/units';
import { formatTenantTime } from '@cong/workflow';
import { EntityManager, In } from 'typeorm';
import { keyOfSite, siteOfKey } from '../sites/citizen-site';
import { Poll, PollChoice, PollOption, ResultsShown } from './poll.entity';
import { phaseOf, PollView, pollView, tallyOf } from './poll-views';
import { PollErrors } from './polls.errors';

export interface Province {
  id: string;
  timezone: string;
}

export interface PollDraft {
  question: string;
  description?: string | null;
  choice: PollChoice;
  maxChoices?: number | null;
  options: string[];
  opensAt: Date;
  closesAt: Date;
  resultsShown: ResultsShown;
}

export interface NewPoll extends PollDraft {
  /** `portal` or a unit code (its sub-site). */
  site: string;
}

/**
 * The officials' side of polls (NA-5.5): the IT centre and the editorial board run polls on any
 * site, a unit's head on the sub-sites of their units. A poll is edited freely until it opens;
 * then only its end may move (or it is taken down), so that no vote is cast on another question.
 */
@Injectable()
export class PollManager {
  constructor(private readonly db: TenantDatabase) {}

  create(p: Principal, province: Province, input: NewPoll): Promise<PollView> {
    return this.db.transaction(province.id, async (m) => {
      const site = await this.siteOf(m, province.id, input.site);
      await this.mayManage(m, p, province.id, site);
      checkDraft(input);
      const polls = m.getRepository(Poll);
      const poll = await polls.save(
        polls.create({
          tenantId: province.id,
          siteId: site.id,
          question: input.question.trim(),
          description: input.description?.trim() || null,
          choice: input.choice,
          maxChoices: input.choice === 'multiple' ? (input.maxChoices ?? null) : null,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          resultsShown: input.resultsShown,
          createdBy: p.userId,
        }),
      );
      await this.replaceOptions(m, poll, input.options);
      return this.viewOf(m, province, poll);
    });
  }

  /** Before it opens, anything; once open, only `closesAt` (to extend it or end it now). */
  update(p: Principal, province: Province, id: string, changes: Partial<PollDraft>): Promise<PollView> {
    return this.db.transaction(province.id, async (m) => {
      const poll = await this.managed(m, p, province.id, id, true);
      const now = new Date();
      if (phaseOf(poll, now) !== 'upcoming') {
        const others = Object.entries(changes).filter(([k, v]) => k !== 'closesAt' && v !== undefined);
        if (others.length || phaseOf(poll, now) === 'withdrawn') throw PollErrors.lockedAfterOpening();
        // A closed poll stays closed: reopening it would count votes cast after its results were out.
        if (phaseOf(poll, now) === 'closed') throw PollErrors.closed(formatTenantTime(poll.closesAt, province.timezone)!);
        if (changes.closesAt) {
          // Ending it early ends it now, not in the past: votes already cast stay inside its time.
          poll.closesAt = changes.closesAt < now ? now : changes.closesAt;
        }
        await m.getRepository(Poll).save(poll);
        return this.viewOf(m, province, poll);
      }
      const options = await m.getRepository(PollOption).find({ where: { tenantId: province.id, pollId: id }, order: { position: 'ASC' } });
      const next: PollDraft = {
        question: changes.question ?? poll.question,
        description: changes.description === undefined ? poll.description : changes.description,
        choice: changes.choice ?? poll.choice,
        maxChoices: changes.maxChoices === undefined ? poll.maxChoices : changes.maxChoices,
        options: changes.options ?? options.map((o) => o.label),
        opensAt: changes.opensAt ?? poll.opensAt,
        closesAt: changes.closesAt ?? poll.closesAt,
        resultsShown: changes.resultsShown ?? poll.resultsShown,
      };
      checkDraft(next);
      Object.assign(poll, {
        question: next.question.trim(),
        description: next.description?.trim() || null,
        choice: next.choice,
        maxChoices: next.choice === 'multiple' ? (next.maxChoices ?? null) : null,
        opensAt: next.opensAt,
        closesAt: next.closesAt,
        resultsShown: next.resultsShown,
      });
      await m.getRepository(Poll).save(poll);
      if (changes.options) await this.replaceOptions(m, poll, changes.options);
      return this.viewOf(m, province, poll);
    });
  }

  /** Taken off the portal; kept with its votes. */
  withdraw(p: Principal, province: Province, id: string): Promise<PollView> {
    return this.db.transaction(province.id, async (m) => {
      const poll = await this.managed(m, p, province.id, id, true);
      poll.withdrawnAt ??= new Date();
      await m.getRepository(Poll).save(poll);
      return this.viewOf(m, province, poll);
    });
  }

  /** Polls within reach (a site's, or every site's I manage), newest first, with their results. */
  list(p: Principal, province: Province, siteKey?: string): Promise<PollView[]> {
    return this.db.transaction(province.id, async (m) => {
      const sites = siteKey ? [await this.siteOf(m, province.id, siteKey)] : await m.getRepository(Site).findBy({ tenantId: province.id });
      const mine: Site[] = [];
      for (const site of sites) if (await this.holds(m, p, province.id, site)) mine.push(site);
      if (siteKey && mine.length === 0) throw PollErrors.notYours();
      if (mine.length === 0) return [];
      const polls = await m.getRepository(Poll).find({
        where: { tenantId: province.id, siteId: In(mine.map((s) => s.id)) },
        order: { opensAt: 'DESC' },
        take: 200,
      });
      const views: PollView[] = [];
      for (const poll of polls) views.push(await this.viewOf(m, province, poll));
      return views;
    });
  }

  get(p: Principal, province: Province, id: string): Promise<PollView> {
    return this.db.transaction(province.id, async (m) => this.viewOf(m, province, await this.managed(m, p, province.id, id)));
  }

  /** The results as a table (CSV or XLSX): each option, its votes and share, the number of voters. */
  async resultsTable(p: Principal, province: Province, id: string): Promise<TableFile> {
    const view = await this.get(p, province, id);
    const results = view.results!;
    return {
      title: [
        `Kết quả thăm dò ý kiến: ${view.question}`,
        `Thời gian: từ ${view.opensAtText} đến ${view.closesAtText} (${view.phaseLabel.toLowerCase()})`,
        `Hình thức: ${view.choice === 'single' ? 'chọn một phương án' : 'chọn nhiều phương án'}`,
      ],
      headings: ['STT', 'Phương án', 'Số lượt chọn', 'Tỷ lệ người tham gia (%)'],
      lines: results.counts.map((c, i) => [i + 1, c.label, c.votes, c.percent]),
      footer: [`Tổng số người tham gia: ${results.voters}`, `Xuất lúc ${formatTenantTime(new Date(), province.timezone)}`],
    };
  }

  private async viewOf(m: EntityManager, province: Province, poll: Poll): Promise<PollView> {
    const site = await m.getRepository(Site).findOneByOrFail({ tenantId: province.id, id: poll.siteId });
    const options = await m
      .getRepository(PollOption)
      .find({ where: { tenantId: province.id, pollId: poll.id }, order: { position: 'ASC' } });
    return pollView(poll, keyOfSite(site), options, await tallyOf(m, province.id, poll.id, options), province.timezone, new Date());
  }

  private async replaceOptions(m: EntityManager, poll: Poll, labels: string[]): Promise<void> {
    const options = m.getRepository(PollOption);
    await options.delete({ tenantId: poll.tenantId, pollId: poll.id });
    await options.insert(labels.map((label, position) => ({ tenantId: poll.tenantId, pollId: poll.id, position, label: label.trim() })));
  }

  private async siteOf(m: EntityManager, tenantId: string, key: string): Promise<Site> {
    const site = await siteOfKey(m, tenantId, key);
    if (!site) throw PollErrors.unknownSite(key);
    return site;
  }

  private async holds(m: EntityManager, p: Principal, tenantId: string, site: Site): Promise<boolean> {
    return holdsFor(p, 'polls.manage', site.unitId ? await unitLineage(m, tenantId, site.unitId) : []);
  }

  private async mayManage(m: EntityManager, p: Principal, tenantId: string, site: Site): Promise<void> {
    if (!(await this.holds(m, p, tenantId, site))) throw PollErrors.notYours();
  }

  /** The poll, if I may manage it (outside my reach: as if it did not exist). */
  private async managed(m: EntityManager, p: Principal, tenantId: string, id: string, lock = false): Promise<Poll> {
    const poll = await m
      .getRepository(Poll)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!poll) throw PollErrors.notFound();
    const site = await m.getRepository(Site).findOneByOrFail({ tenantId, id: poll.siteId });
    if (!(await this.holds(m, p, tenantId, site))) throw PollErrors.notFound();
    return poll;
  }
}

function checkDraft(d: PollDraft): void {
  if (d.closesAt <= d.opensAt) throw PollErrors.badTimes();
  const labels = d.options.map((o) => o.trim().toLowerCase());
  if (new Set(labels).size !== labels.length) throw PollErrors.duplicateOptions();
  if (d.choice === 'multiple' && d.maxChoices != null && (d.maxChoices < 1 || d.maxChoices > d.options.length))
    throw PollErrors.maxChoices(d.options.length);
}
