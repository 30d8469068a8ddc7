import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTENT_STATUSES } from '@cong/content';

export class WorkflowRefResponse {
  @ApiProperty({ example: 'quy-trinh-3-buoc' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The rule version the item is bound to' }) ruleVersion!: number;
}

export class WorkflowStateResponse {
  @ApiProperty({ example: 'cho-duyet' }) id!: string;
  @ApiProperty({ example: 'Chờ duyệt' }) label!: string;
  @ApiProperty({ example: 'review', description: 'The phase of the state (draft, review, scheduled, published, …)' }) phase!: string;
}

export class RoyaltyGenreOfferResponse {
  @ApiProperty({ example: 'bai-binh-luan' }) id!: string;
  @ApiProperty({ example: 'Bài bình luận' }) name!: string;
  @ApiProperty({ example: 2.5 }) points!: number;
  @ApiProperty({ example: 3, description: 'The top of its range (equal to points when it has none)' }) maxPoints!: number;
}

/** LC-3.1c: on a step that publishes an item whose channel pays, the genres it may earn under. */
export class RoyaltyOfferResponse {
  @ApiProperty({ type: [RoyaltyGenreOfferResponse] }) genres!: RoyaltyGenreOfferResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'What it earns under when the step names none' }) defaultGenre!: string | null;
}

export class WorkflowActionResponse {
  @ApiProperty({ example: 'submit' }) action!: string;
  @ApiProperty({ description: 'The state it leads to' }) to!: string;
  @ApiProperty({
    example: 'scheduled',
    description: "The phase of that state: `scheduled` asks for `publishAt` (the province's time), `published` publishes now",
  })
  toPhase!: string;
  @ApiProperty({ example: 'Gửi duyệt', description: 'The verb to show' }) label!: string;
  @ApiProperty() commentRequired!: boolean;
  @ApiPropertyOptional({
    type: RoyaltyOfferResponse,
    description:
      'On a step that publishes a contribution that earns royalties: name one in `royalty` with the step, or the default applies',
  })
  royalty?: RoyaltyOfferResponse;
}

/** Who published an item past its review ("2i"), why and when, and who may approve it afterwards. */
export class SecondReviewResponse {
  @ApiProperty() forcedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) forcedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ type: [String] }) roles!: string[];
}

/** Where an item stands in its workflow, and the actions open to the caller. */
export class ItemWorkflowResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: WorkflowRefResponse }) workflow!: WorkflowRefResponse;
  @ApiProperty({ type: WorkflowStateResponse }) state!: WorkflowStateResponse;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiProperty({ description: 'Name it in the next action' }) version!: number;
  @ApiProperty() revision!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) unpublishAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, example: '25/11/2026 08:00 (GMT+7)', description: 'publishAt as the province reads it' })
  publishAtLocal!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '25/12/2026 08:00 (GMT+7)' }) unpublishAtLocal!: string | null;
  @ApiProperty({ type: [WorkflowActionResponse] }) actions!: WorkflowActionResponse[];
  @ApiProperty({
    nullable: true,
    type: SecondReviewResponse,
    description: 'Published past the usual review and not yet approved again ("2i"); null otherwise',
  })
  secondReview!: SecondReviewResponse | null;
}

/** One step of an item's history. */
export class WorkflowStepResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty({ example: 'approve' }) action!: string;
  @ApiProperty({ example: 'Duyệt', description: 'The verb of the step as its rules named it' }) actionLabel!: string;
  @ApiProperty() fromState!: string;
  @ApiProperty() toState!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty() actorLabel!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() revision!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

export class QueueActionResponse {
  @ApiProperty() action!: string;
  @ApiProperty() label!: string;
}

export class QueueEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['subsite', 'portal'] }) channel!: string;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishAt!: Date | null;
  @ApiProperty({ type: [QueueActionResponse], description: 'The actions open to the caller' }) actions!: QueueActionResponse[];
}

export class QueueCountResponse {
  @ApiProperty() workflow!: string;
  @ApiProperty() state!: string;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

/** What awaits the caller's action, with counts per state. */
export class ReviewQueueResponse {
  @ApiProperty({ type: [QueueCountResponse] }) counts!: QueueCountResponse[];
  @ApiProperty({ type: [QueueEntryResponse] }) items!: QueueEntryResponse[];
}
