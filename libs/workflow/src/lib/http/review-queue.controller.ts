import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { ReviewQueue, ReviewQueueView } from '../queue/review-queue.service';
import { ReviewQueueResponse } from './dto/workflow.response';
import { personOf } from './workflow.controller';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('workflow')
export class ReviewQueueController {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly tenants: TenantContext,
  ) {}

  @Get('queue')
  @Requires('content.read')
  @ApiOperation({
    summary: 'What awaits my action (review, scheduled, returned to me, recently published for the council), with counts per state',
  })
  @ApiOkResponse({ type: ReviewQueueResponse })
  mine(@CurrentPrincipal() p: Principal): Promise<ReviewQueueView> {
    const { id, timezone } = this.tenants.current();
    return this.queue.for(id, timezone, personOf(p));
  }
}
