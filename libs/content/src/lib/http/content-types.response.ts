import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTENT_TYPES } from '@cong/rules';

const PRESENCE = ['required', 'optional', 'conditional'];
const KINDS = ['date', 'whole number', 'true/false'];

/** One value a field takes from a list, with what people read for it. */
export class ContentFieldValueResponse {
  @ApiProperty({ example: 'quyet-dinh', description: 'What is stored and sent' }) value!: string;
  @ApiProperty({ example: 'Quyết định' }) label!: string;
}

/** A field of an entry (a step of a procedure, a file reference). */
export class ContentEntryFieldResponse {
  @ApiProperty({ example: 'title' }) name!: string;
  @ApiProperty({ example: 'Tên bước' }) label!: string;
  @ApiProperty({
    enum: PRESENCE,
    description: '`required`: refused when missing; `optional`; `conditional`: required unless its note says otherwise',
  })
  presence!: string;
  @ApiProperty() list!: boolean;
  @ApiPropertyOptional({ enum: KINDS, description: 'Absent: text. A date is YYYY-MM-DD' }) kind?: string;
  @ApiPropertyOptional({ type: [ContentFieldValueResponse] }) values?: ContentFieldValueResponse[];
  @ApiPropertyOptional({ type: [String], description: 'File references: the kinds of upload it may name' }) uploads?: readonly string[];
  @ApiPropertyOptional({ description: 'A word for people the validators cannot say (an example, a unit)' }) note?: string;
  @ApiPropertyOptional({ description: 'The longest text accepted (for a list of texts: of each one)' }) maxLength?: number;
  @ApiPropertyOptional({ description: 'For a list: the most entries accepted' }) maxItems?: number;
}

export class ContentFieldEntryResponse {
  @ApiPropertyOptional({ description: 'How an entry is written, e.g. a file: `{name, media}` or `{name, url}`' }) note?: string;
  @ApiProperty({ type: [ContentEntryFieldResponse] }) fields!: ContentEntryFieldResponse[];
}

/** A field of a content type, as its validation describes it, with its Vietnamese label. */
export class ContentFieldResponse extends ContentEntryFieldResponse {
  @ApiPropertyOptional({ type: ContentFieldEntryResponse, description: 'Lists of entries and file references: the fields of each' })
  entry?: ContentFieldEntryResponse;
}

/** A content type the province's editors may write, for the console's editor form. */
export class ContentTypeResponse {
  @ApiProperty({ enum: CONTENT_TYPES, description: 'The `type` of an item' }) type!: string;
  @ApiProperty({ example: 'Văn bản pháp luật' }) label!: string;
  @ApiProperty({ type: [ContentFieldResponse], description: 'Its structured fields (`fields` of an item)' })
  fields!: ContentFieldResponse[];
}
