import { ApiProperty } from '@nestjs/swagger';
import { LegalBasisResponse } from './compliance-report.response';

/** One entitlement: enough to check its amount by hand. */
export class RoyaltyItemLineResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) publishedOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorId!: string | null;
  @ApiProperty() author!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() genre!: string;
  @ApiProperty() genreName!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ description: 'The value of one point that day' }) unitValue!: number;
  @ApiProperty({ nullable: true, type: String }) unitValueBasis!: string | null;
  @ApiProperty({ description: 'The share the channel pays (1 = 100 %)' }) share!: number;
  @ApiProperty({ description: 'points × unit value × share, whole đồng' }) amount!: number;
}

export class RoyaltyAuthorLineResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorId!: string | null;
  @ApiProperty() author!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() items!: number;
  @ApiProperty() points!: number;
  @ApiProperty() amount!: number;
}

export class RoyaltyUnitLineResponse {
  @ApiProperty() unit!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() items!: number;
  @ApiProperty() points!: number;
  @ApiProperty() amount!: number;
}

export class RoyaltyTotalResponse {
  @ApiProperty() items!: number;
  @ApiProperty() points!: number;
  @ApiProperty() amount!: number;
}

/** LC-3.1c: a month's royalty statement. */
export class RoyaltyStatementResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ example: 'VND' }) currency!: string;
  @ApiProperty({ type: LegalBasisResponse }) legalBasis!: LegalBasisResponse;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ type: [RoyaltyItemLineResponse], description: 'Every entitlement, by author then publication day' })
  lines!: RoyaltyItemLineResponse[];
  @ApiProperty({ type: [RoyaltyAuthorLineResponse], description: 'Per author (and unit), largest amount first' })
  authors!: RoyaltyAuthorLineResponse[];
  @ApiProperty({ type: [RoyaltyUnitLineResponse] }) units!: RoyaltyUnitLineResponse[];
  @ApiProperty({ type: RoyaltyTotalResponse }) total!: RoyaltyTotalResponse;
}
