import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { ProvinceRules } from '../province-rules';
import {
  DiffQuery,
  RuleChangeView,
  RuleFilesResponse,
  RulesOnQuery,
  RuleVersionDetail,
  RuleVersionSummary,
  SubmitRulesRequest,
  SubmitRulesResponse,
} from '../rules.dto';

/**
 * The province's own rules for its IT centre: in force on any date, the versions with who applied
 * them, a diff between two, and its tenant.yaml and units.yaml to edit, check (dry run) and apply.
 */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(
    private readonly rules: ProvinceRules,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('rules.read')
  @ApiOperation({ summary: 'The rule version in force on a date (default today, in the province time zone)' })
  @ApiOkResponse({ type: RuleVersionDetail })
  inForce(@Query() query: RulesOnQuery): Promise<RuleVersionDetail> {
    return this.rules.inForce(this.tenants.current(), query.on);
  }

  @Get('versions')
  @Requires('rules.read')
  @ApiOperation({ summary: 'The rule versions, newest first, with who applied each' })
  @ApiOkResponse({ type: [RuleVersionSummary] })
  history(): Promise<RuleVersionSummary[]> {
    return this.rules.history(this.tenants.current());
  }

  @Get('versions/:version')
  @Requires('rules.read')
  @ApiOkResponse({ type: RuleVersionDetail })
  version(@Param('version', ParseIntPipe) number: number): Promise<RuleVersionDetail> {
    return this.rules.version(this.tenants.current(), number);
  }

  @Get('diff')
  @Requires('rules.read')
  @ApiOperation({ summary: 'What changed between two versions, list items matched by id' })
  @ApiOkResponse({ type: [RuleChangeView] })
  diff(@Query() query: DiffQuery): Promise<RuleChangeView[]> {
    return this.rules.diff(this.tenants.current(), query.from, query.to);
  }

  @Get('files')
  @Requires('rules.read')
  @ApiOperation({ summary: 'tenant.yaml and units.yaml as they stand, to edit and submit again' })
  @ApiOkResponse({ type: RuleFilesResponse })
  files(): Promise<RuleFilesResponse> {
    return this.rules.files(this.tenants.current());
  }

  @Post()
  @HttpCode(200)
  @Requires('rules.write')
  @ApiOperation({
    summary:
      'Submit tenant.yaml and units.yaml: validated as the CLI does (422 with every problem at its line), then applied or, with dryRun, only planned',
  })
  @ApiOkResponse({ type: SubmitRulesResponse })
  submit(@CurrentPrincipal() actor: Principal, @Body() body: SubmitRulesRequest): Promise<SubmitRulesResponse> {
    return this.rules.submit(this.tenants.current().code, body, { actorId: actor.userId, actorLabel: actor.username });
  }
}
