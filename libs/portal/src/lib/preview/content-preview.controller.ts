import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import {
  ContentEditor,
  ContentPreviewRequest,
  ContentPreviewResponse,
  ContentReach,
  MEDIA_FILE_CONTENT,
  MediaFileQuery,
  type ReplyLike,
  sendMediaFile,
} from '@cong/content';
import { Public } from '@cong/platform-context';
import { NoTenant, TenantContext } from '@cong/tenancy';
import { ContentPreviews } from './content-previews';

interface HtmlReply extends ReplyLike {
  status(code: number): HtmlReply;
}

/** What an expired or mistyped preview address answers: a page, since it is opened in a frame or a tab. */
const GONE_PAGE =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Bản xem trước đã hết hạn</title></head><body><main><h1>Bản xem trước đã hết hạn</h1><p>Địa chỉ xem trước chỉ dùng được trong ít phút. Hãy bấm “Xem trước” trong trang soạn thảo để xem lại.</p></main></body></html>';

/**
 * Previews of drafts (the console's "Xem trước"): made by whoever may write the item, read by the
 * address alone (the console shows it in a frame, which cannot send the bearer token).
 */
@ApiTags('content')
@Controller('content/previews')
export class ContentPreviewController {
  constructor(
    private readonly previews: ContentPreviews,
    private readonly editor: ContentEditor,
    private readonly reach: ContentReach,
    private readonly tenants: TenantContext,
  ) {}

  @Post()
  @ApiBearerAuth()
  @Requires('content.write')
  @ApiOperation({
    summary:
      "The draft as the public will see it: checked as a save is (the same 422s), written nowhere, rendered with the portal's item page and readable at `url` for 15 minutes",
  })
  @ApiCreatedResponse({ type: ContentPreviewResponse })
  async create(@CurrentPrincipal() p: Principal, @Body() body: ContentPreviewRequest): Promise<ContentPreviewResponse> {
    const tenant = this.tenants.current();
    if (body.item) await this.reach.requireForItem(p, 'content.write', body.item);
    else {
      const unitId = await this.editor.ownerUnitOf(tenant.id, body.site!, body.unit);
      if (unitId) await this.reach.require(p, 'content.write', unitId);
    }
    return this.previews.create(tenant, body);
  }

  @Get(':token')
  @Public()
  @NoTenant()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A preview page (HTML; 404 once expired)' })
  @ApiOkResponse({ description: 'The item page, marked as a preview', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('token') token: string, @Res() reply: HtmlReply): Promise<void> {
    const preview = await this.previews.page(token);
    reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .header('content-type', 'text/html; charset=utf-8');
    if (!preview) {
      reply.status(404).header('content-security-policy', "default-src 'none'; frame-ancestors 'self'; base-uri 'none'").send(GONE_PAGE);
      return;
    }
    reply.header('content-security-policy', preview.csp).send(preview.html);
  }

  @Get(':token/media/:id')
  @Public()
  @NoTenant()
  @HttpCode(200)
  @ApiOperation({ summary: 'An upload the preview shows (drafts included); 404 for any other' })
  @ApiOkResponse({ description: 'The bytes, in the type of the file (or WebP for an image variant)', content: MEDIA_FILE_CONTENT })
  async media(
    @Param('token') token: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: MediaFileQuery,
    @Res() reply: HtmlReply,
  ): Promise<void> {
    const file = await this.previews.file(token, id, q.width);
    if (!file) {
      reply.status(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('Không tìm thấy tệp.');
      return;
    }
    sendMediaFile(reply, file, 'private, no-store');
  }
}
