import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { OneOf } from './one-of.validator';
import { RuleBase } from './rule-base';
import { CHANNELS, CONTENT_TYPES, ROLES, RULE_ID, RULE_ID_MESSAGE, STATE_PHASES, UNIT_KINDS } from './vocabulary';

export class WorkflowState {
  @Matches(RULE_ID, { message: `id ${RULE_ID_MESSAGE}` }) id!: string;
  @IsString() @MinLength(2) label!: string;
  /** What the state means elsewhere: `published` is what the public sees, `review` fills review queues. */
  @OneOf(STATE_PHASES) phase!: string;
}

export class Transition {
  @Matches(RULE_ID, { message: `action ${RULE_ID_MESSAGE}` }) action!: string;
  /** One state or several (`from: [unit-review, board-review]`). */
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @JSONSchema((schema) => ({ anyOf: [{ type: 'string' }, schema] }))
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsString({ each: true }) from!: string[];
  @IsString() to!: string;
  /** Roles that may act, scoped to the item's unit (LC-3.3: the editorial council on anything). */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @OneOf(ROLES) roles!: string[];
  @IsOptional() @IsBoolean() commentRequired = false;
  @IsOptional() @IsString() label?: string;
}

/** A named state machine content goes through; several review states make multi-level approval. */
export class Workflow extends RuleBase {
  @IsString() @MinLength(2) name!: string;
  @IsString() initial!: string;
  @IsArray() @ArrayMinSize(2) @ValidateNested({ each: true }) @Type(() => WorkflowState) states!: WorkflowState[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Transition) transitions!: Transition[];
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
}
