import { Module } from '@nestjs/common';
import { ContentModule } from '@cong/content';
import { TenancyModule } from '@cong/tenancy';
import { WorkflowController } from './http/workflow.controller';
import { ItemWorkflow } from './transitions/item-workflow.service';

@Module({
  imports: [TenancyModule, ContentModule],
  controllers: [WorkflowController],
  providers: [ItemWorkflow],
  exports: [ItemWorkflow],
})
export class WorkflowModule {}
