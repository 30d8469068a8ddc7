import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { newVoterToken, PollBallots, ProofOfWork, voterCookie, voterOf } from '@cong/citizens';
import { Public } from '@cong/platform-context';
import { DomainError } from '@cong/platform-errors';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { isUUID } from 'class-validator';
import { PortalChrome } from '../portal-chrome';
import { ASK_SCRIPTS, askPageCsp, contextOf, html, pageCsp } from '../portal-pages';
import { PollPage, PublicPoll } from '../pages/poll-pages';
import { TextChallengePage } from '../pages/question-pages';
import { FormReply, FormRequest, linksFor, proofOf, redirectTo, refusalStatus, sendNotFound, sendPage, textOf } from './form-replies';

/**
 * A poll's vote as a plain HTML form (works with JavaScript off): without the widget's proof of
 * work, one more page asks a sum; counted, back to the poll's page (303) with the voter cookie,
 * which shows the results if the poll shows them after voting. The same ballot box as the JSON API.
 */
@Controller('public/polls/form')
export class PollFormController {
  constructor(
    private readonly ballots: PollBallots,
    private readonly pow: ProofOfWork,
    private readonly chrome: PortalChrome,
    private readonly tenants: TenantContext,
  ) {}

  @Post()
  @Public()
  @RateLimit('public-write')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async submit(@Body() raw: unknown, @Req() req: FormRequest, @Res() reply: FormReply): Promise<void> {
    const tenant = this.tenants.current();
    const chrome = await this.chrome.of(tenant);
    const links = linksFor(req, chrome);
    const body = (raw ?? {}) as Record<string, unknown>;
    const pollId = textOf(body, 'poll') ?? '';
    const voter = voterOf(req) ?? newVoterToken();
    const poll = isUUID(pollId) ? ((await this.ballots.get(tenant, pollId, voter).catch(() => null)) as PublicPoll | null) : null;
    const site = poll && chrome.sites.find((s) => s.key === poll.site);
    if (!poll || !site) return sendNotFound(reply, chrome, links);
    const ctx = contextOf(chrome, site, links);
    const options = (Array.isArray(body['options']) ? body['options'] : [body['options']]).filter(
      (o): o is string => typeof o === 'string',
    );
    const again = (status: number, message: string) =>
      sendPage(
        reply,
        status,
        html(PollPage({ ctx, poll, scripts: ASK_SCRIPTS, justVoted: false, errors: [{ field: 'options', message }], chosen: options }))
          .body,
        askPageCsp(chrome),
      );
    if (options.length === 0) return again(422, 'Vui lòng chọn phương án.');
    const challenge = (wrong: boolean) =>
      sendPage(
        reply,
        wrong ? 422 : 200,
        html(
          TextChallengePage({
            ctx,
            form: {
              heading: 'Xác nhận bình chọn',
              action: '/api/v1/public/polls/form',
              submit: 'Bình chọn',
              back: { title: 'Thăm dò ý kiến', href: links.polls(site) },
            },
            ...this.pow.textChallenge(tenant.id, 'vote'),
            fields: { poll: poll.id, options },
            wrong,
          }),
        ).body,
        pageCsp(chrome),
      );
    const proof = proofOf(body);
    if (!proof) return challenge(false);
    try {
      await this.ballots.vote(tenant, poll.id, { options, proof }, voter, req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code.startsWith('CITIZENS_CHALLENGE_') && proof.text) return challenge(true);
      return again(refusalStatus(reply, error), error.message);
    }
    reply.header('set-cookie', voterCookie(voter, req.protocol === 'https'));
    redirectTo(reply, `${links.poll(site, poll.id)}?da-binh-chon=1`);
  }
}
