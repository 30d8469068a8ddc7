import { ApiProperty } from '@nestjs/swagger';
import { MediaAsset } from '../media-asset.entity';

export class MediaVariantResponse {
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ example: 'image/webp' }) mime!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

/** A stored upload as staff see it (no storage key, no uploader). */
export class MediaAssetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['image', 'pdf', 'word', 'excel'] }) kind!: string;
  @ApiProperty() filename!: string;
  @ApiProperty({ example: 'image/jpeg' }) mime!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Images only' }) width!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Images only' }) height!: number | null;
  @ApiProperty({ type: [MediaVariantResponse], description: 'Resized copies of an image (WebP), smallest first' })
  variants!: MediaVariantResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;

  static from(a: MediaAsset): MediaAssetResponse {
    return {
      id: a.id,
      kind: a.kind,
      filename: a.filename,
      mime: a.mime,
      size: a.size,
      sha256: a.sha256,
      width: a.width,
      height: a.height,
      variants: a.variants.map((v) => ({ width: v.width, height: v.height, mime: v.mime, size: v.size })),
      createdAt: a.createdAt,
    };
  }
}

const BINARY = { schema: { type: 'string', format: 'binary' } };
/** What a file route answers: the stored bytes, in one of the kinds the library accepts. */
export const MEDIA_FILE_CONTENT = {
  'image/jpeg': BINARY,
  'image/png': BINARY,
  'image/webp': BINARY,
  'image/gif': BINARY,
  'application/pdf': BINARY,
  'application/msword': BINARY,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': BINARY,
  'application/vnd.ms-excel': BINARY,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': BINARY,
};
