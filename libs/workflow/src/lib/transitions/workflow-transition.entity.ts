import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step an item took through its workflow: who, what, from where to where, why, on which version. Append-only. */
@Entity('workflow_transition')
export class WorkflowTransition extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @Column({ type: 'text' }) workflowId!: string;
  /** The rule version whose workflow governed the step. */
  @Column({ type: 'integer' }) ruleVersion!: number;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) fromState!: string;
  @Column({ type: 'text' }) toState!: string;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) actorLabel!: string;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  /** The content revision the step acted on. */
  @Column({ type: 'integer' }) revision!: number;
  /** The item's version after the step (unique per item: one step per version). */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
