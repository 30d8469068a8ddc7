import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { Public } from '@cong/platform-context';
import { DomainError } from '@cong/platform-errors';
import { TenantContext } from '@cong/tenancy';
import { MediaAsset } from './media-asset.entity';
import { MediaLibrary } from './media-library.service';

interface MultipartFile {
  filename: string;
  toBuffer(): Promise<Buffer>;
}
interface MultipartRequest {
  isMultipart?: () => boolean;
  file?: () => Promise<MultipartFile | undefined>;
}
interface ReplyLike {
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

const noFile = () => new DomainError('MEDIA_NO_FILE', 'bad_request', 'Cần gửi một tệp trong trường "file" (multipart/form-data).', [{ field: 'file', message: 'required' }]);

function view(a: MediaAsset) {
  return {
    id: a.id, kind: a.kind, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256, width: a.width, height: a.height,
    variants: a.variants.map((v) => ({ width: v.width, height: v.height, mime: v.mime, size: v.size })), createdAt: a.createdAt,
  };
}

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
  @ApiOperation({ summary: 'Upload one file (field "file"); 415 when its content is not what its name says, 413 over the limit of its kind' })
  @ApiCreatedResponse({ description: 'The stored asset, with image variants' })
  async upload(@CurrentPrincipal() p: Principal, @Req() req: MultipartRequest) {
    if (!req.isMultipart?.()) throw new DomainError('PLATFORM_UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type', 'Cần gửi multipart/form-data.');
    const part = await req.file?.();
    if (!part) throw noFile();
    const bytes = await part.toBuffer();
    return view(await this.media.upload(this.tenants.require(), p.userId, part.filename, bytes));
  }

  @Get('media/:id')
  @ApiBearerAuth()
  @Requires('content.read')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return view(await this.media.get(this.tenants.require(), id));
  }

  @Get('media/:id/file')
  @ApiBearerAuth()
  @Requires('content.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'The file for staff (drafts included), or for images the smallest variant at least `width` wide' })
  @ApiQuery({ name: 'width', required: false, type: Number })
  async staffFile(@Param('id', new ParseUUIDPipe()) id: string, @Query('width') width: string | undefined, @Res() reply: ReplyLike): Promise<void> {
    send(reply, await this.media.file(this.tenants.require(), id, widthOf(width)), 'private, no-store');
  }

  @Get('public/media/:id')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The file of a published item (or, for images, the smallest variant at least `width` wide); 404 for uploads of drafts only' })
  @ApiQuery({ name: 'width', required: false, type: Number })
  async file(@Param('id', new ParseUUIDPipe()) id: string, @Query('width') width: string | undefined, @Res() reply: ReplyLike): Promise<void> {
    // Not `immutable`: the file stops being public when its last published item is withdrawn.
    send(reply, await this.media.publicFile(this.tenants.require(), id, widthOf(width)), 'public, max-age=300');
  }
}

function widthOf(width: string | undefined): number | undefined {
  const w = width === undefined ? undefined : Number(width);
  if (w !== undefined && !(Number.isInteger(w) && w > 0 && w <= 4000)) {
    throw new DomainError('PLATFORM_VALIDATION_FAILED', 'validation', 'width phải là số nguyên dương.', [{ field: 'width', message: 'must be a whole number 1–4000' }]);
  }
  return w;
}

function send(reply: ReplyLike, { mime, bytes, filename }: { mime: string; bytes: Buffer; filename: string }, cacheControl: string): void {
  reply
    .header('content-type', mime)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `${mime.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes);
}
