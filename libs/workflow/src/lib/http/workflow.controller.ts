import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ItemWorkflowResponse, WorkflowStepResponse } from './dto/workflow.response';
import { parseTenantTime } from '../scheduling/tenant-time';
import { ItemWorkflow, ItemWorkflowView, WorkflowActor, WorkflowStepView } from '../transitions/item-workflow.service';

export class RoyaltyChoiceBody {
  @ApiProperty({ example: 'tin-co-anh', description: "A genre of the province's royalty rate table" })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'Phải là một thể loại trong bảng nhuận bút.' })
  genre!: string;
  @ApiPropertyOptional({ description: "Points within the genre's range" })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  points?: number;
}

export class TransitionRequestBody {
  @ApiProperty({ example: 'submit', description: 'An action of the workflow the item is in (GET …/workflow lists the ones open to you)' })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'Phải là một bước của quy trình.' })
  action!: string;
  @ApiProperty({ description: 'The item version you acted on; another is a 409 and nothing changes' })
  @IsInt()
  @Min(1)
  version!: number;
  @ApiPropertyOptional({ description: 'Why (required for returns and take-downs)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
  @ApiPropertyOptional({
    example: '2026-11-25T08:00',
    description: "For a step into a scheduled state: when to publish. Without an offset it is the province's time",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  publishAt?: string;
  @ApiPropertyOptional({
    example: '2026-12-25T08:00',
    description: "With a schedule or a publication: when to take it down again (an embargo's end)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unpublishAt?: string;
  @ApiPropertyOptional({
    type: RoyaltyChoiceBody,
    description: 'On the step that publishes a portal contribution (LC-3.1c): the genre and points it earns',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoyaltyChoiceBody)
  royalty?: RoyaltyChoiceBody;
}

export class RescheduleRequestBody {
  @ApiProperty({ description: 'The item version you acted on' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '2026-11-26T08:00' }) @IsString() @MaxLength(40) publishAt!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) unpublishAt?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

/** An item's way through its province's workflow (NA-8.1, NA-7.2d, LC-3.1b, LC-3.2, LC-3.3). */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller('content')
export class WorkflowController {
  constructor(
    private readonly workflow: ItemWorkflow,
    private readonly tenants: TenantContext,
  ) {}

  @Get(':id/workflow')
  @Requires('content.read')
  @ApiOperation({ summary: 'Where the item stands in its workflow, and the actions open to you' })
  @ApiOkResponse({ type: ItemWorkflowResponse })
  async view(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ItemWorkflowView> {
    const { id: tenantId, timezone } = this.tenants.current();
    return this.workflow.view(tenantId, timezone, id, personOf(p));
  }

  @Get(':id/transitions')
  @Requires('content.read')
  @ApiOperation({ summary: 'The steps the item took: who, what (the action and its label), from where to where, why, when' })
  @ApiOkResponse({ type: [WorkflowStepResponse] })
  history(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<WorkflowStepView[]> {
    return this.workflow.history(this.tenants.require(), id, personOf(p));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Requires('content.read')
  @ApiOperation({ summary: 'Take a workflow action on the item (the rules say which roles may); a stale version is a 409' })
  @ApiOkResponse({ type: ItemWorkflowResponse, description: 'Where the item stands after the step' })
  async act(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TransitionRequestBody,
  ): Promise<ItemWorkflowView> {
    const { id: tenantId, timezone } = this.tenants.current();
    const actor = personOf(p);
    const { publishAt, unpublishAt, royalty, ...step } = body;
    await this.workflow.transition(tenantId, timezone, id, actor, {
      ...step,
      details: royalty ? { royalty: { ...royalty } } : undefined,
      publishAt: publishAt === undefined ? undefined : parseTenantTime(publishAt, timezone, 'publishAt'),
      unpublishAt: unpublishAt === undefined ? undefined : parseTenantTime(unpublishAt, timezone, 'unpublishAt'),
    });
    return this.workflow.view(tenantId, timezone, id, actor);
  }

  @Put(':id/schedule')
  @Requires('content.read')
  @ApiOperation({ summary: "Move a scheduled item's publication (and its embargo's end); times without an offset are the province's" })
  @ApiOkResponse({ type: ItemWorkflowResponse })
  async reschedule(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RescheduleRequestBody,
  ): Promise<ItemWorkflowView> {
    const { id: tenantId, timezone } = this.tenants.current();
    const actor = personOf(p);
    await this.workflow.reschedule(tenantId, timezone, id, actor, {
      version: body.version,
      comment: body.comment,
      publishAt: parseTenantTime(body.publishAt, timezone, 'publishAt'),
      unpublishAt: body.unpublishAt ? parseTenantTime(body.unpublishAt, timezone, 'unpublishAt') : null,
    });
    return this.workflow.view(tenantId, timezone, id, actor);
  }
}

export function personOf(p: Principal): Extract<WorkflowActor, { kind: 'person' }> {
  return { kind: 'person', id: p.userId, label: p.username, memberships: p.memberships };
}
