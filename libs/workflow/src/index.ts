export { availableActions, decideTransition, type Refusal, type TransitionOutcome, workflowFor } from './lib/workflow-engine';
