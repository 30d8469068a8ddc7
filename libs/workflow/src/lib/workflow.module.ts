import { Module } from '@nestjs/common';
import { ContentCoreModule } from '@cong/content';
import { NotificationsModule } from '@cong/notifications';
import { TenancyModule } from '@cong/tenancy';
import { ReviewQueueController } from './http/review-queue.controller';
import { WorkflowController } from './http/workflow.controller';
import { ReviewQueue } from './queue/review-queue.service';
import { WorkflowNotices } from './notices/workflow-notices';
import { ScheduledPublications } from './scheduling/scheduled-publications';
import { ItemWorkflow } from './transitions/item-workflow.service';

@Module({
  imports: [TenancyModule, ContentCoreModule, NotificationsModule],
  controllers: [WorkflowController, ReviewQueueController],
  providers: [ItemWorkflow, WorkflowNotices, ScheduledPublications, ReviewQueue],
  exports: [ItemWorkflow],
})
export class WorkflowModule {}
