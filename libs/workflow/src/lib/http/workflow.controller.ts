import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { ItemWorkflow, ItemWorkflowView, WorkflowActor } from '../transitions/item-workflow.service';
import { WorkflowTransition } from '../transitions/workflow-transition.entity';

export class TransitionRequestBody {
  @ApiProperty({ example: 'submit', description: 'An action of the workflow the item is in (GET …/workflow lists the ones open to you)' })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'action must be an action id of the workflow' })
  action!: string;
  @ApiProperty({ description: 'The item version you acted on; another is a 409 and nothing changes' })
  @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'Why (required for returns and take-downs)' })
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ description: 'For a step into a scheduled state: when to publish (ISO 8601 with offset)' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'publishAt must be a date and time (ISO 8601)' }) publishAt?: Date;
  @ApiPropertyOptional({ description: 'With a schedule or a publication: when to take it down again' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'unpublishAt must be a date and time (ISO 8601)' }) unpublishAt?: Date;
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
  async view(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ItemWorkflowView> {
    const { id: tenantId, timezone } = this.tenants.current();
    return this.workflow.view(tenantId, timezone, id, personOf(p));
  }

  @Get(':id/transitions')
  @Requires('content.read')
  @ApiOperation({ summary: 'The steps the item took: who, what, from where to where, why, when' })
  history(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<WorkflowTransition[]> {
    return this.workflow.history(this.tenants.require(), id, personOf(p));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Requires('content.read')
  @ApiOperation({ summary: 'Take a workflow action on the item (the rules say which roles may); a stale version is a 409' })
  async act(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransitionRequestBody): Promise<ItemWorkflowView> {
    const { id: tenantId, timezone } = this.tenants.current();
    const actor = personOf(p);
    await this.workflow.transition(tenantId, timezone, id, actor, body);
    return this.workflow.view(tenantId, timezone, id, actor);
  }
}

function personOf(p: Principal): WorkflowActor {
  return { kind: 'person', id: p.userId, label: p.username, memberships: p.memberships };
}

