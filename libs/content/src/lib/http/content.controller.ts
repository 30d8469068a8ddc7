import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { Author, ContentEditor, ContentView } from '../items/content-editor.service';
import { ContentReach } from './content-reach';
import {
  ContentListQuery,
  ContentPage,
  ContentResponse,
  CreateContentRequest,
  DiffQuery,
  FeaturedRequest,
  RestoreRequest,
  RevisionChangeResponse,
  RevisionResponse,
  UpdateContentRequest,
} from './content.dto';
import { decodeCursor, nextCursor } from '@cong/platform-database';

/**
 * Authoring content (NA-5, LC-2.1). Province-wide roles reach every unit; unit roles reach their
 * unit and the units below it. Publishing is the workflow's (it calls the content publisher).
 */
@ApiTags('content')
@ApiBearerAuth()
@Controller('content')
export class ContentController {
  constructor(
    private readonly editor: ContentEditor,
    private readonly tenants: TenantContext,
    private readonly reach: ContentReach,
  ) {}

  @Get()
  @Requires('content.read')
  @ApiOperation({
    summary:
      'Items I may see, newest change first; filters combine (site, section, type, status, unit, author, updatedFrom/updatedTo, q), `nextCursor` pages on under the same filters',
  })
  @ApiOkResponse({ type: ContentPage })
  async list(@CurrentPrincipal() p: Principal, @Query() q: ContentListQuery): Promise<ContentPage> {
    const { id, timezone } = this.tenants.current();
    const limit = q.limit ?? 50;
    const position = q.cursor ? decodeCursor(q.cursor, 'CONTENT_BAD_CURSOR') : undefined;
    const after = position && { updatedAt: position.at, id: position.id };
    const items = await this.editor.list(id, timezone, {
      site: q.site,
      type: q.type,
      status: q.status,
      section: q.section,
      unit: q.unit,
      author: q.author,
      updatedFrom: q.updatedFrom,
      updatedTo: q.updatedTo,
      q: q.q,
      unitIds: await this.reach.units(p, 'content.read'),
      limit,
      after,
    });
    return { items, nextCursor: nextCursor(items, limit, (i) => ({ at: i.updatedAt, id: i.id })) };
  }

  @Post()
  @Requires('content.write')
  @ApiOperation({ summary: 'Create an item (revision 1, status draft) on a sub-site or proposed to the portal' })
  @ApiCreatedResponse({ type: ContentResponse })
  async create(@CurrentPrincipal() p: Principal, @Body() body: CreateContentRequest): Promise<ContentView> {
    const { id: tenantId, timezone } = this.tenants.current();
    const unitId = await this.editor.ownerUnitOf(tenantId, body.site, body.unit);
    if (unitId) await this.reach.require(p, 'content.write', unitId);
    return this.editor.create(actorOf(p), tenantId, timezone, body);
  }

  @Get(':id')
  @Requires('content.read')
  @ApiOkResponse({ type: ContentResponse })
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ContentView> {
    const { id: tenantId, timezone } = this.tenants.current();
    await this.reach.requireForItem(p, 'content.read', id);
    return this.editor.get(tenantId, timezone, id);
  }

  @Put(':id')
  @Requires('content.write')
  @ApiOperation({
    summary:
      'Save a new revision; `expectedRevision` older than the item is a 409 and nothing is overwritten. Parts left out (summary, body, section, fields) stay as they are; `section: null` takes the item out of its section, `summary: ""` clears it',
  })
  @ApiOkResponse({ type: ContentResponse })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateContentRequest,
  ): Promise<ContentView> {
    const { id: tenantId, timezone } = this.tenants.current();
    await this.reach.requireForItem(p, 'content.write', id);
    const { expectedRevision, ...draft } = body;
    return this.editor.update(authorOf(p), tenantId, timezone, id, expectedRevision, draft);
  }

  @Put(':id/featured')
  @Requires('content.write')
  @ApiOperation({
    summary:
      'Put the item among its site\'s featured items ("Tin nổi bật", at the top of the home page) or take it out. No revision; on a published item it is a live change (the workflow\'s editPublished roles, recorded in its history)',
  })
  @ApiOkResponse({ type: ContentResponse })
  async feature(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: FeaturedRequest,
  ): Promise<ContentView> {
    const { id: tenantId, timezone } = this.tenants.current();
    await this.reach.requireForItem(p, 'content.write', id);
    return this.editor.setFeatured(authorOf(p), tenantId, timezone, id, body.featured);
  }

  @Get(':id/revisions')
  @Requires('content.read')
  @ApiOkResponse({ type: [RevisionResponse] })
  async revisions(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<RevisionResponse[]> {
    const tenantId = this.tenants.require();
    await this.reach.requireForItem(p, 'content.read', id);
    return (await this.editor.revisions(tenantId, id)).map(RevisionResponse.from);
  }

  @Get(':id/revisions/:n')
  @Requires('content.read')
  @ApiOkResponse({ type: RevisionResponse })
  async revision(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('n', ParseIntPipe) n: number,
  ): Promise<RevisionResponse> {
    const tenantId = this.tenants.require();
    await this.reach.requireForItem(p, 'content.read', id);
    return RevisionResponse.from(await this.editor.revision(tenantId, id, n));
  }

  @Get(':id/diff')
  @Requires('content.read')
  @ApiOperation({ summary: 'What changed between two revisions' })
  @ApiOkResponse({ type: [RevisionChangeResponse] })
  async diff(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: DiffQuery,
  ): Promise<RevisionChangeResponse[]> {
    const tenantId = this.tenants.require();
    await this.reach.requireForItem(p, 'content.read', id);
    return this.editor.diff(tenantId, id, q.from, q.to);
  }

  @Post(':id/revisions/:n/restore')
  @Requires('content.write')
  @ApiOperation({ summary: 'A new revision with the content of revision n (history is never rewritten)' })
  @ApiCreatedResponse({ type: ContentResponse })
  async restore(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() body: RestoreRequest,
  ): Promise<ContentView> {
    const { id: tenantId, timezone } = this.tenants.current();
    await this.reach.requireForItem(p, 'content.write', id);
    return this.editor.restore(authorOf(p), tenantId, timezone, id, n, body.expectedRevision);
  }
}

/** The author of a save, with the roles the workflow weighs when the item is already approved. */
function authorOf(p: Principal): Author {
  return { ...actorOf(p), memberships: p.memberships };
}
