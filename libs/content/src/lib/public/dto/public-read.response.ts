import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTENT_TYPES } from '@cong/rules';
import { LEGAL_DOCUMENT_STATUSES } from '../../types/content-fields';

/**
 * The answers of the public read API (`PublicRoutes`): Fastify routes outside Nest, whose OpenAPI
 * entries are written by hand and point at these classes (added to the document as extra models).
 */
export class PublicSiteListEntry {
  @ApiProperty({ format: 'uuid', description: 'What `siteId` of an item names' }) id!: string;
  @ApiProperty({ example: 'portal', description: '`portal` or the unit code of a sub-site' }) key!: string;
  @ApiProperty({ example: '/so-y-te' }) path!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'subsite' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its own domain, if it has one' }) domain!: string | null;
}

export class PublicSectionResponse {
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: () => [PublicSectionResponse], description: 'The sections under this one, in order' })
  children!: PublicSectionResponse[];
}

export class PublicSiteResponse {
  @ApiProperty({ example: 'portal' }) key!: string;
  @ApiProperty({ example: '/' }) path!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) domain!: string | null;
  @ApiProperty({ type: [PublicSectionResponse], description: 'Its navigation, in order' }) sections!: PublicSectionResponse[];
}

export class PublicItemSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ enum: CONTENT_TYPES }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Section slug' }) section!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Unit code' }) unit!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The site it is published on (an `id` of /sites)' }) siteId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T02:00:00.000Z' }) publishedAt!: string;
  @ApiPropertyOptional({ enum: LEGAL_DOCUMENT_STATUSES, description: "Legal documents: status on the province's date" })
  legalStatus?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Legal documents and procedures: what a list shows of each (number, kind, issuer, dates; code, field, agency)',
  })
  facts?: Record<string, string>;
}

export class PublicItemPage {
  @ApiProperty({ type: [PublicItemSummaryResponse] }) items!: PublicItemSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'For the next page (`cursor`); null on the last' }) nextCursor!: string | null;
}

export class ReplacedByResponse {
  @ApiProperty() site!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
}

export class PublicItemResponse extends PublicItemSummaryResponse {
  @ApiProperty({ description: 'Sanitised HTML' }) body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The type's structured fields" }) fields!: Record<
    string,
    unknown
  >;
  @ApiProperty({ example: 'portal' }) site!: string;
  @ApiPropertyOptional({
    type: ReplacedByResponse,
    description: 'A legal document replaced by a later, published one: where that one is read',
  })
  replacedBy?: ReplacedByResponse;
}

export class PublicSearchResponse {
  @ApiProperty({ type: [PublicItemSummaryResponse] }) items!: PublicItemSummaryResponse[];
  @ApiProperty({ description: 'Matches found, up to the candidates ranked (then `capped`)' }) total!: number;
  @ApiProperty() capped!: boolean;
}

export const PUBLIC_RESPONSE_MODELS = [
  PublicSiteListEntry,
  PublicSectionResponse,
  PublicSiteResponse,
  PublicItemSummaryResponse,
  PublicItemPage,
  ReplacedByResponse,
  PublicItemResponse,
  PublicSearchResponse,
];
