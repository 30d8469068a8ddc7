import { Public } from '@cong/platform-context';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { NoTenant } from '@cong/tenancy';
import type { FastifyReply } from 'fastify';
import { LivenessResponse, ReadinessResponse, UnreadyResponse } from './health.response';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@NoTenant()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Postgres and Redis answer; 503 naming the failing dependency otherwise' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ type: UnreadyResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResponse | UnreadyResponse> {
    const { ready, checks } = await this.readiness.check();
    const failing = Object.entries(checks)
      .filter(([, c]) => c.status === 'down')
      .map(([name]) => name);
    reply.header('cache-control', 'no-store');
    if (ready) return { status: 'ok', checks };
    reply.status(503);
    return { status: 'unavailable', failing, detail: `Không sẵn sàng: ${failing.join(', ')} không phản hồi.`, checks };
  }
}
