import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { Public } from '@cong/platform-context';
import { DomainError } from '@cong/platform-errors';
import { TenantContext } from '@cong/tenancy';
import { MEDIA_FILE_CONTENT, MediaAssetResponse } from './dto/media-asset.response';
import { MediaLibrary } from './media-library.service';

interface MultipartFile {
  filename: string;
  toBuffer(): Promise<Buffer>;
}
interface MultipartRequest {
  isMultipart?: () => boolean;
  file?: () => Promise<MultipartFile | undefined>;
}
export interface ReplyLike {
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

/** A file's query: the width of the image variant wanted, nothing else (another parameter is a 422). */
export class MediaFileQuery {
  @ApiPropertyOptional({ description: 'Images: the smallest variant at least this wide', minimum: 1, maximum: 4000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Độ rộng phải là số nguyên từ 1 đến 4000.' })
  @Min(1, { message: 'Độ rộng phải là số nguyên từ 1 đến 4000.' })
  @Max(4000, { message: 'Độ rộng phải là số nguyên từ 1 đến 4000.' })
  width?: number;
}

const noFile = () =>
  new DomainError('MEDIA_NO_FILE', 'bad_request', 'Cần gửi một tệp trong trường "file" (multipart/form-data).', [
    { field: 'file', message: 'Hãy chọn một tệp.' },
  ]);

/** Uploads for content: images (resized), PDF, Word, Excel — checked by their bytes, not their names. */
@ApiTags('media')
@Controller()
export class MediaController {
  constructor(
    private readonly media: MediaLibrary,
    private readonly tenants: TenantContext,
  ) {}

  @Post('media')
  @ApiBearerAuth()
  @Requires('content.write')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload one file (field "file"); 415 when its content is not what its name says, 413 over the limit of its kind',
  })
  @ApiCreatedResponse({ type: MediaAssetResponse, description: 'The stored asset, with image variants' })
  async upload(@CurrentPrincipal() p: Principal, @Req() req: MultipartRequest): Promise<MediaAssetResponse> {
    if (!req.isMultipart?.())
      throw new DomainError('PLATFORM_UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type', 'Cần gửi multipart/form-data.');
    const part = await req.file?.();
    if (!part) throw noFile();
    const bytes = await part.toBuffer();
    return MediaAssetResponse.from(await this.media.upload(this.tenants.require(), p.userId, part.filename, bytes));
  }

  @Get('media/:id')
  @ApiBearerAuth()
  @Requires('content.read')
  @ApiOperation({ summary: 'A stored asset and its image variants' })
  @ApiOkResponse({ type: MediaAssetResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MediaAssetResponse> {
    return MediaAssetResponse.from(await this.media.get(this.tenants.require(), id));
  }

  @Get('media/:id/file')
  @ApiBearerAuth()
  @Requires('content.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'The file for staff (drafts included), or for images the smallest variant at least `width` wide' })
  @ApiOkResponse({ description: 'The bytes, in the type of the file (or WebP for an image variant)', content: MEDIA_FILE_CONTENT })
  async staffFile(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: MediaFileQuery, @Res() reply: ReplyLike): Promise<void> {
    sendMediaFile(reply, await this.media.file(this.tenants.require(), id, q.width), 'private, no-store');
  }

  @Get('public/media/:id')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The file of a published item (or, for images, the smallest variant at least `width` wide); 404 for uploads of drafts only',
  })
  @ApiOkResponse({ description: 'The bytes, in the type of the file (or WebP for an image variant)', content: MEDIA_FILE_CONTENT })
  async file(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: MediaFileQuery, @Res() reply: ReplyLike): Promise<void> {
    // Not `immutable`: the file stops being public when its last published item is withdrawn.
    sendMediaFile(reply, await this.media.publicFile(this.tenants.require(), id, q.width), 'public, max-age=300');
  }
}

/** A file's bytes, as its type says, never sniffed; images shown, other files downloaded. */
export function sendMediaFile(
  reply: ReplyLike,
  { mime, bytes, filename }: { mime: string; bytes: Buffer; filename: string },
  cacheControl: string,
): void {
  reply
    .header('content-type', mime)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${mime.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(bytes);
}
