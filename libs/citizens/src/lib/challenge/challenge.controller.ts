import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@cong/platform-context';
import { TenantContext } from '@cong/tenancy';
import { IsIn } from 'class-validator';
import { ProofOfWork } from './proof-of-work';

export const CHALLENGE_PURPOSES = ['question', 'vote', 'comment'] as const;

export class ChallengeQuery {
  @ApiProperty({ enum: CHALLENGE_PURPOSES })
  @IsIn(CHALLENGE_PURPOSES, { message: `\`purpose\` phải là một trong: ${CHALLENGE_PURPOSES.join(', ')}.` })
  purpose!: (typeof CHALLENGE_PURPOSES)[number];
}

/** ALTCHA's challenge (v2): what the widget solves before a citizen's write is accepted. */
export class ChallengeResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'algorithm, nonce, salt, cost, keyLength, keyPrefix, keySignature, expiresAt, data',
  })
  parameters!: Record<string, unknown>;
  @ApiProperty() signature!: string;
}

@ApiTags('citizens')
@Controller('public/challenge')
export class ChallengeController {
  constructor(
    private readonly pow: ProofOfWork,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'A fresh proof-of-work challenge (self-hosted ALTCHA), good for one write within 10 minutes' })
  @ApiOkResponse({ type: ChallengeResponse })
  async challenge(@Query() q: ChallengeQuery): Promise<ChallengeResponse> {
    const challenge = await this.pow.challenge(this.tenants.require(), q.purpose);
    return { parameters: { ...challenge.parameters }, signature: challenge.signature ?? '' };
  }
}
