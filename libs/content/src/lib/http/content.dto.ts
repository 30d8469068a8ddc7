import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTENT_TYPES, ContentType } from '@cong/rules';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { KeysetPageQuery } from '@cong/platform-database';
import { CONTENT_STATUSES, ContentStatus } from '../items/content-item.entity';
import { ContentRevision } from '../items/content-revision.entity';

const KEY = /^[a-z][a-z0-9-]{0,62}$/;
/** A property that may hold any JSON value (a field's value before or after a change). */
const ANY_JSON = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }],
  nullable: true,
};

export class ContentDraftRequest {
  @ApiProperty({ example: 'Sở Y tế triển khai tiêm chủng mở rộng' }) @IsString() @MaxLength(500) title!: string;
  @ApiPropertyOptional({ description: 'Default: the title folded to ASCII (đ → d, tones removed)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional({ description: 'Rich text (HTML); sanitised against an allowlist' })
  @IsOptional()
  @IsString()
  @MaxLength(500000)
  body?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'A section slug of the site' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'Phải là đường dẫn của một chuyên mục.' })
  section?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The type's structured fields (`GET /api/v1/content/types` describes them; see also docs/content.md)",
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;
}

export class CreateContentRequest extends ContentDraftRequest {
  @ApiProperty({ example: 'so-y-te', description: '`portal`, or a unit code for its sub-site' })
  @Matches(KEY, { message: 'Phải là "portal" hoặc mã một đơn vị.' })
  site!: string;
  @ApiProperty({ enum: CONTENT_TYPES })
  @IsIn(CONTENT_TYPES, { message: `Phải là một loại tin: ${CONTENT_TYPES.join(', ')}.` })
  type!: ContentType;
  @ApiPropertyOptional({ description: 'Portal items: the contributing unit code' })
  @IsOptional()
  @Matches(KEY, { message: 'Phải là mã một đơn vị.' })
  unit?: string;
}

export class UpdateContentRequest extends ContentDraftRequest {
  @ApiProperty({ description: 'The revision this edit started from; a newer one on the server makes this a 409' })
  @IsInt()
  @Min(1)
  expectedRevision!: number;
}

export class RestoreRequest {
  @ApiProperty() @IsInt() @Min(1) expectedRevision!: number;
}

export class ContentListQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ description: '`portal`, or a unit code for its sub-site; an unknown site is a 404' })
  @IsOptional()
  @Matches(KEY, { message: 'Phải là "portal" hoặc mã một đơn vị.' })
  site?: string;
  @ApiPropertyOptional({ enum: CONTENT_TYPES }) @IsOptional() @IsIn(CONTENT_TYPES) type?: ContentType;
  @ApiPropertyOptional({ enum: CONTENT_STATUSES }) @IsOptional() @IsIn(CONTENT_STATUSES) status?: ContentStatus;
  @ApiPropertyOptional({ description: 'A section slug of `site` (needs `site`: 400 without it)', example: 'tin-tuc-thong-bao' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'Phải là đường dẫn của một chuyên mục.' })
  section?: string;
  @ApiPropertyOptional({ description: "Items of this unit (its code): a sub-site's, or contributed to the portal", example: 'so-y-te' })
  @IsOptional()
  @Matches(KEY, { message: 'Phải là mã một đơn vị.' })
  unit?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Items this user created or saved a revision of (their user id)' })
  @IsOptional()
  @IsUUID('all', { message: 'Phải là mã của một người dùng.' })
  author?: string;
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: "Last changed on or after this day (YYYY-MM-DD, the province's date); not a calendar date, or after updatedTo: 400",
  })
  @IsOptional()
  @IsString()
  updatedFrom?: string;
  @ApiPropertyOptional({
    example: '2026-11-30',
    description: "Last changed on or before this day (YYYY-MM-DD, the province's date, inclusive)",
  })
  @IsOptional()
  @IsString()
  updatedTo?: string;
  @ApiPropertyOptional({
    description: 'Words in the title or summary, accents and case ignored ("nghe an" finds "Nghệ An")',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to!: number;
}

export class ContentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() site!: string;
  @ApiProperty() unit!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) section!: string | null;
  @ApiProperty({ enum: CONTENT_TYPES }) type!: string;
  @ApiProperty({ enum: ['subsite', 'portal'] }) channel!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty() fields!: Record<string, unknown>;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Bumped by every save and workflow step; workflow actions name it' }) version!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: "State in the province's workflow" }) workflowState!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) unpublishAt!: Date | null;
  @ApiProperty({ description: 'At the top of its site\'s home page ("Tin nổi bật")' }) featured!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ enum: ['not_yet_effective', 'in_effect', 'expired', 'replaced'] }) legalStatus?: string;
}

export class ContentPage {
  @ApiProperty({ type: [ContentResponse] }) items!: ContentResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RevisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The item this revision belongs to' }) itemId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() title!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) fields!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The section the item was in at this revision' }) sectionId!:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorId!: string | null;
  @ApiProperty() authorLabel!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Set when this revision restored an earlier one' }) restoredFrom!:
    number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;

  /** The revision without its province column. */
  static from(r: ContentRevision): RevisionResponse {
    return {
      id: r.id,
      itemId: r.itemId,
      revision: r.revision,
      title: r.title,
      slug: r.slug,
      summary: r.summary,
      bodyHtml: r.bodyHtml,
      fields: r.fields,
      sectionId: r.sectionId,
      authorId: r.authorId,
      authorLabel: r.authorLabel,
      restoredFrom: r.restoredFrom,
      createdAt: r.createdAt,
    };
  }
}

/** One change between two revisions (`title`, `body`, `fields.number`, …). */
export class RevisionChangeResponse {
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: 'added' | 'removed' | 'changed';
  @ApiProperty({ example: 'fields.number' }) path!: string;
  @ApiPropertyOptional({ ...ANY_JSON, description: 'The value before (any JSON value); absent for an addition' }) before?: unknown;
  @ApiPropertyOptional({ ...ANY_JSON, description: 'The value after (any JSON value); absent for a removal' }) after?: unknown;
}

export class FeaturedRequest {
  @ApiProperty({ description: 'true: among the featured items at the top of its site\'s home page ("Tin nổi bật"); false: not' })
  @IsBoolean({ message: 'Phải là true hoặc false.' })
  featured!: boolean;
}

/** A draft to see as the public would: of a saved item (`item`), or of a new one on `site`. */
export class ContentPreviewRequest extends ContentDraftRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The saved item being edited: its site, type and unit stand; parts left out are its own',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Phải là mã của một tin bài.' })
  item?: string;
  @ApiPropertyOptional({ example: 'so-y-te', description: 'A new item: `portal`, or a unit code for its sub-site' })
  @ValidateIf((o: ContentPreviewRequest) => !o.item)
  @Matches(KEY, { message: 'Phải là "portal" hoặc mã một đơn vị.' })
  site?: string;
  @ApiPropertyOptional({ enum: CONTENT_TYPES, description: 'A new item: its type' })
  @ValidateIf((o: ContentPreviewRequest) => !o.item)
  @IsIn(CONTENT_TYPES, { message: `Phải là một loại tin: ${CONTENT_TYPES.join(', ')}.` })
  type?: ContentType;
  @ApiPropertyOptional({ description: 'A new portal item: the contributing unit code' })
  @IsOptional()
  @Matches(KEY, { message: 'Phải là mã một đơn vị.' })
  unit?: string;
}

export class ContentPreviewResponse {
  @ApiProperty({
    description: 'Where the preview is read (same origin; no sign-in needed, the address is the key)',
    example: '/api/v1/content/previews/…',
  })
  url!: string;
  @ApiProperty({ description: 'After this instant (ISO 8601) the address is gone' })
  expiresAt!: string;
}
