import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { RateLimit } from '@cong/platform-throttling';
import { TenantContext } from '@cong/tenancy';
import { newVoterToken, PollBallots, VOTER_TOKEN } from '../poll-ballots';
import { PublicPollResponse, PublicPollsQuery, VoteRequest } from './polls.dto';

interface VoterRequest {
  ip?: string;
  protocol?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface CookieReply {
  header(name: string, value: string): CookieReply;
}

/** The browser's voter token, from its cookie; only its keyed hash per poll is stored. */
export const VOTER_COOKIE = 'cong_voter';

export function voterOf(req: VoterRequest): string | undefined {
  const cookie = typeof req.headers['cookie'] === 'string' ? req.headers['cookie'] : '';
  const match = new RegExp(`(?:^|;\\s*)${VOTER_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  return match && VOTER_TOKEN.test(match) ? match : undefined;
}

/** Keeps the voter token a year (HttpOnly: no script reads it). */
export function voterCookie(token: string, secure: boolean): string {
  return `${VOTER_COOKIE}=${token}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Citizens see a site's polls and vote, without an account (NA-5.5). */
@ApiTags('citizens')
@Controller('public/polls')
export class PublicPollsController {
  constructor(
    private readonly ballots: PollBallots,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "A site's polls that have opened, newest first; results where the poll shows them" })
  @ApiOkResponse({ type: [PublicPollResponse] })
  list(@Query() q: PublicPollsQuery, @Req() req: VoterRequest): Promise<PublicPollResponse[]> {
    return this.ballots.list(this.tenants.current(), q.site, voterOf(req)) as Promise<PublicPollResponse[]>;
  }

  @Get(':id')
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PublicPollResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: VoterRequest): Promise<PublicPollResponse> {
    return this.ballots.get(this.tenants.current(), id, voterOf(req)) as Promise<PublicPollResponse>;
  }

  @Post(':id/votes')
  @Public()
  @RateLimit('public-write')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Vote: the options chosen and a solved GET /public/challenge?purpose=vote. One vote per browser (its voter cookie); rate-limited per address',
  })
  @ApiCreatedResponse({ type: PublicPollResponse })
  async vote(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VoteRequest,
    @Req() req: VoterRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<PublicPollResponse> {
    const voter = voterOf(req) ?? newVoterToken();
    const view = await this.ballots.vote(
      this.tenants.current(),
      id,
      { options: body.options, proof: { altcha: body.altcha } },
      voter,
      req.ip ?? 'unknown',
    );
    reply.header('set-cookie', voterCookie(voter, req.protocol === 'https'));
    return view as PublicPollResponse;
  }
}
