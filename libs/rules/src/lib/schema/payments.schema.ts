import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OneOf } from './one-of.validator';
import { decimalsMessage, REQUIREMENT_MESSAGE } from './rule-base';
import { CHANNELS, CONTENT_TYPES, REPORT_PERIODS, REQUIREMENT_ID, RULE_ID, RULE_ID_MESSAGE, STRICT_DATE } from './vocabulary';

/** NA-10.1: the IT centre certifies each unit's volume per period as the basis for payment. */
export class VolumeStatement {
  @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement!: string;
  @OneOf(REPORT_PERIODS) period!: string;
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CONTENT_TYPES) contentTypes: string[] = [...CONTENT_TYPES];
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CHANNELS) channels: string[] = [...CHANNELS];
}

/** A genre of the province's royalty table (tin, tin có ảnh, bài bình luận, …) and its points. */
export class RoyaltyGenre {
  @Matches(RULE_ID, { message: `\`id\` ${RULE_ID_MESSAGE}` }) id!: string;
  @IsString() @MinLength(2) name!: string;
  @IsNumber({ maxDecimalPlaces: 2 }, { message: decimalsMessage(2) }) @Min(0) @Max(100) points!: number;
  /** For a range ("2.5–3.0 points"): the editor picks within [points, maxPoints] on approval. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }, { message: decimalsMessage(2) }) @Min(0) @Max(100) maxPoints?: number;
  @IsOptional() @IsArray() @ArrayUnique() @OneOf(CONTENT_TYPES) contentTypes?: string[];
}

/** The share of the points a channel pays: a sub-site item may earn less than a portal item. */
export class ChannelShare {
  @IsOptional() @IsNumber({ maxDecimalPlaces: 3 }, { message: decimalsMessage(3) }) @Min(0) @Max(1) portal?: number;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 3 }, { message: decimalsMessage(3) }) @Min(0) @Max(1) subsite?: number;
}

/** One step of the unit-value series: from this date a point is worth `amount` đồng. */
export class UnitValue {
  @IsISO8601(STRICT_DATE, { message: '`from` phải là một ngày dạng YYYY-MM-DD' }) from!: string;
  @IsInt() @Min(1) @Max(1_000_000_000) amount!: number;
  /** Where the value comes from, e.g. "10% mức lương cơ sở 2.340.000 đ (NĐ 73/2024)". */
  @IsOptional() @IsString() basis?: string;
}

/** LC-3.1c: approved and published contributions earn points × the unit value in force that day. */
export class Royalties {
  @Matches(REQUIREMENT_ID, { message: `\`requirement\` ${REQUIREMENT_MESSAGE}` }) requirement!: string;
  @OneOf(['VND']) currency = 'VND';
  @ValidateNested() @Type(() => ChannelShare) shareByChannel: ChannelShare = Object.assign(new ChannelShare(), { portal: 1 });
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => RoyaltyGenre) genres!: RoyaltyGenre[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => UnitValue) unitValue!: UnitValue[];
}

export class Payments {
  @IsOptional() @ValidateNested() @Type(() => VolumeStatement) volumeStatement?: VolumeStatement;
  @IsOptional() @ValidateNested() @Type(() => Royalties) royalties?: Royalties;
}
