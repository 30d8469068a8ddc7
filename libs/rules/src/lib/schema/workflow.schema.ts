import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { withActionLabels } from './action-labels';
import { OneOf } from './one-of.validator';
import { REQUIREMENT_MESSAGE, RuleBase } from './rule-base';
import { CHANNELS, CONTENT_TYPES, REQUIREMENT_ID, ROLES, RULE_ID, RULE_ID_MESSAGE, STATE_PHASES, UNIT_KINDS } from './vocabulary';

export class WorkflowState {
  @Matches(RULE_ID, { message: `\`id\` ${RULE_ID_MESSAGE}` }) id!: string;
  @IsString() @MinLength(2) label!: string;
  /** What the state means elsewhere: `published` is what the public sees, `review` fills review queues. */
  @OneOf(STATE_PHASES) phase!: string;
}

export class Transition {
  @Matches(RULE_ID, { message: `\`action\` ${RULE_ID_MESSAGE}` }) action!: string;
  /** One state or several (`from: [unit-review, board-review]`). */
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @JSONSchema((schema) => ({ anyOf: [{ type: 'string' }, schema] }))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  from!: string[];
  @IsString() to!: string;
  /** Roles that may act, scoped to the item's unit (LC-3.3: the editorial council on anything). */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @OneOf(ROLES) roles!: string[];
  @IsOptional() @IsBoolean() commentRequired = false;
  /**
   * The verb the action is offered as, in lists of actions, notifications and the history ("Gửi
   * duyệt", "Duyệt", "Trả lại", "Đăng", "Gỡ xuống"). Left out, it follows from the action and the
   * states it joins (`submit` → "Gửi duyệt"; a step out of review back to editing → "Trả lại").
   * Filled in when the rules are read, so it is always there.
   */
  @JSONSchema({
    description:
      'Tên hành động (động từ) hiển thị cho người dùng, ví dụ "Gửi duyệt", "Duyệt", "Trả lại", "Đăng", "Gỡ xuống"; bỏ trống thì suy ra từ action và các trạng thái',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  label!: string;
  /**
   * A step that publishes past the usual review ("force publish"): it needs a reason, and the item
   * stays flagged until someone else holding one of these roles approves it afterwards (the
   * retrospective second review, "2i"). Only where the province's workflow says so.
   */
  @JSONSchema({
    description:
      'Đăng vượt quy trình: bắt buộc ghi lý do, và tin bài được đánh dấu cho đến khi một người khác có một trong các vai trò này duyệt lại (2i)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @OneOf(ROLES)
  secondReview?: string[];
}

/** A named state machine content goes through; several review states make multi-level approval. */
export class Workflow extends RuleBase {
  @IsString() @MinLength(2) name!: string;
  @IsString() initial!: string;
  @IsArray() @ArrayMinSize(2) @ValidateNested({ each: true }) @Type(() => WorkflowState) states!: WorkflowState[];
  @Transform(({ value, obj }) => withActionLabels(value, (obj as { states?: unknown }).states), { toClassOnly: true })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Transition)
  transitions!: Transition[];
  /**
   * Who may change an item's content while it is published or scheduled, the change public at
   * once (NA-8.1: what is posted is answered for by those who may post it). Left out: the roles
   * that may publish in this workflow, and the IT centre. Anyone else must take the item back
   * through the workflow first. Each such edit is a step of the item's history.
   */
  @JSONSchema({
    description:
      'Vai trò được sửa nội dung tin bài đang đăng hoặc đã hẹn giờ (thay đổi công khai ngay); bỏ trống: các vai trò được đăng trong quy trình này và tenant_admin',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @OneOf(ROLES)
  editPublished?: string[];
}

/** The roles that may edit an approved (published or scheduled) item of this workflow live. */
export function liveEditorsOf(workflow: Workflow): string[] {
  if (workflow.editPublished) return workflow.editPublished;
  const publishing = new Set(workflow.states.filter((s) => s.phase === 'published').map((s) => s.id));
  return [...new Set([...workflow.transitions.filter((t) => publishing.has(t.to)).flatMap((t) => t.roles), 'tenant_admin'])];
}

/**
 * Which workflow an item enters, by channel, content type and (optionally) the kind of its unit.
 * Every channel × content type must be bound exactly once for every unit kind.
 */
export class WorkflowBinding {
  @OneOf(CHANNELS) channel!: string;
  @IsString() workflow!: string;
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CONTENT_TYPES) contentTypes: string[] = [...CONTENT_TYPES];
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(UNIT_KINDS) unitKinds?: string[];
  /** The article this binding carries out (LC-3.1a: a unit's team updates both its sub-site and the portal). */
  @IsOptional() @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement?: string;
}
