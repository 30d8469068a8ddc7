import { WorkflowTransition } from './lib/transitions/workflow-transition.entity';

export {
  actionLabelIn,
  availableActions,
  decideTransition,
  type Refusal,
  type TransitionOutcome,
  workflowFor,
} from './lib/workflow-engine';
export {
  type AfterCommitListener,
  ItemWorkflow,
  type ItemWorkflowView,
  rolesAt,
  type TransitionEvent,
  type TransitionListener,
  type TransitionRequest,
  type WorkflowActor,
  type WorkflowStepView,
} from './lib/transitions/item-workflow.service';
export { WorkflowErrors } from './lib/transitions/workflow.errors';
export { WorkflowTransition } from './lib/transitions/workflow-transition.entity';
export { WorkflowModule } from './lib/workflow.module';

export const WORKFLOW_ENTITIES = [WorkflowTransition];
export { RunScheduledStep, ScheduledPublications, SweepProvince, SweepSchedules } from './lib/scheduling/scheduled-publications';
export { formatTenantTime, parseTenantTime } from './lib/scheduling/tenant-time';
