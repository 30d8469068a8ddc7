import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { TenantDatabase } from '@cong/platform-database';
import { RateLimiter } from '@cong/platform-throttling';
import { Site } from '@cong/sites';
import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager, LessThanOrEqual, QueryFailedError } from 'typeorm';
import { ProofOfWork, WriteProof } from '../challenge/proof-of-work';
import { keyOfSite, siteOfKey } from '../sites/citizen-site';
import { Poll, PollOption, PollVote } from './poll.entity';
import { phaseOf, PollView, pollView, tallyOf } from './poll-views';
import { PollErrors } from './polls.errors';

/** The browser's voter token: random, kept in a cookie; only a keyed hash of it per poll is stored. */
export const VOTER_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const newVoterToken = () => randomBytes(32).toString('base64url');

export interface Ballot {
  /** The options chosen (their ids). */
  options: string[];
  proof: WriteProof;
}

/**
 * Citizens' side of polls: the polls of a site that have opened (open or closed; never one still
 * to come or taken down), each with its results when the poll shows them (after voting, or after
 * closing); and the vote. One vote per person: one per voter token (its keyed hash, unique per
 * poll), held with the same protections as questions (proof of work, a per-address limit in
 * each poll on top of the one for every public write).
 */
@Injectable()
export class PollBallots {
  private readonly voterSecret: string;

  constructor(
    private readonly db: TenantDatabase,
    private readonly pow: ProofOfWork,
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.voterSecret = createHmac('sha256', config.auth.jwtSecret).update('cong:citizens:poll-voter').digest('hex');
  }

  list(province: { id: string; timezone: string }, siteKey: string, voter?: string): Promise<PollView[]> {
    return this.db.transaction(province.id, async (m) => {
      const site = await siteOfKey(m, province.id, siteKey);
      if (!site || !site.active) throw PollErrors.unknownSite(siteKey);
      const now = new Date();
      const polls = await m.getRepository(Poll).find({
        where: { tenantId: province.id, siteId: site.id, opensAt: LessThanOrEqual(now) },
        order: { opensAt: 'DESC' },
        take: 50,
      });
      const views: PollView[] = [];
      for (const poll of polls.filter((p) => !p.withdrawnAt)) views.push(await this.viewOf(m, province, poll, siteKey, voter, now));
      return views;
    });
  }

  get(province: { id: string; timezone: string }, id: string, voter?: string): Promise<PollView> {
    return this.db.transaction(province.id, async (m) => {
      const { poll, siteKey } = await this.publicPoll(m, province.id, id);
      return this.viewOf(m, province, poll, siteKey, voter, new Date());
    });
  }

  /** Casts the vote; answers the poll as the voter now sees it (results, if it shows them after voting). */
  async vote(province: { id: string; timezone: string }, id: string, ballot: Ballot, voter: string, address: string): Promise<PollView> {
    const { poll, options } = await this.db.transaction(province.id, async (m) => {
      const found = await this.publicPoll(m, province.id, id);
      return { poll: found.poll, options: await optionsOf(m, province.id, id) };
    });
    const view = pollView(poll, '', options, null, province.timezone, new Date());
    if (view.phase === 'upcoming') throw PollErrors.notOpenYet(view.opensAtText);
    if (view.phase === 'closed') throw PollErrors.closed(view.closesAtText);
    const chosen = [...new Set(ballot.options)];
    if (chosen.length !== ballot.options.length) throw PollErrors.badChoice('Mỗi phương án chỉ được chọn một lần.');
    if (chosen.length === 0) throw PollErrors.badChoice('Vui lòng chọn một phương án.');
    if (!chosen.every((o) => options.some((x) => x.id === o)))
      throw PollErrors.badChoice('Phương án đã chọn không thuộc cuộc thăm dò này.');
    if (poll.choice === 'single' && chosen.length > 1) throw PollErrors.badChoice('Cuộc thăm dò này chỉ được chọn một phương án.');
    if (poll.maxChoices && chosen.length > poll.maxChoices) throw PollErrors.badChoice(`Được chọn tối đa ${poll.maxChoices} phương án.`);
    await this.pow.spend(province.id, 'vote', ballot.proof);
    await this.limiter.consume('poll-address', [`poll:${id}:ip:${address}`]);
    try {
      await this.db.transaction(province.id, (m) =>
        m
          .getRepository(PollVote)
          .insert({ tenantId: province.id, pollId: id, voterKey: this.keyOf(id, voter), optionIds: chosen, castAt: new Date() }),
      );
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : undefined;
      if (driver?.code === '23505') throw PollErrors.alreadyVoted();
      throw error;
    }
    return this.get(province, id, voter);
  }

  private keyOf(pollId: string, voter: string): string {
    return createHmac('sha256', this.voterSecret).update(`${pollId}|${voter}`).digest('base64url');
  }

  /** A poll the public may see: opened, not taken down, of an active site. */
  private async publicPoll(m: EntityManager, tenantId: string, id: string): Promise<{ poll: Poll; siteKey: string }> {
    const poll = await m.getRepository(Poll).findOneBy({ tenantId, id });
    if (!poll || poll.withdrawnAt) throw PollErrors.notFound();
    const site = await m.getRepository(Site).findOneBy({ tenantId, id: poll.siteId });
    if (!site?.active) throw PollErrors.notFound();
    // Not yet open: found, so that a link shared early says when it opens (its options are not secret).
    return { poll, siteKey: keyOfSite(site) };
  }

  private async viewOf(
    m: EntityManager,
    province: { id: string; timezone: string },
    poll: Poll,
    siteKey: string,
    voter: string | undefined,
    now: Date,
  ): Promise<PollView & { voted: boolean }> {
    const options = await optionsOf(m, province.id, poll.id);
    const voted = voter
      ? (await m.getRepository(PollVote).countBy({ tenantId: province.id, pollId: poll.id, voterKey: this.keyOf(poll.id, voter) })) > 0
      : false;
    const phase = phaseOf(poll, now);
    const shown = phase === 'closed' || (poll.resultsShown === 'after_vote' && voted);
    const results = shown ? await tallyOf(m, province.id, poll.id, options) : null;
    return { ...pollView(poll, siteKey, options, results, province.timezone, now), voted };
  }
}

function optionsOf(m: EntityManager, tenantId: string, pollId: string): Promise<PollOption[]> {
  return m.getRepository(PollOption).find({ where: { tenantId, pollId }, order: { position: 'ASC' } });
}
