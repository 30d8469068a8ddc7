import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { actorOf, AuthErrors, CurrentPrincipal, holdsFor, Principal, Requires } from '@cong/accounts';
import { IsOmittable } from '@cong/platform-errors';
import { TenantContext } from '@cong/tenancy';
import { UnitDirectory } from '@cong/units';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SiteDirectory, SiteView } from './site-directory.service';
import { SiteSections } from './site-sections.service';

class SectionNodeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: "Prescribed by the rules for its unit kind's sub-sites: may be renamed or moved, not removed" })
  required!: boolean;
  @ApiProperty({ type: () => [SectionNodeResponse] }) children!: SectionNodeResponse[];
}

class SiteResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '`portal`, or the code of the unit whose sub-site it is' }) key!: string;
  @ApiProperty({ enum: ['portal', 'subsite'] }) kind!: string;
  @ApiProperty({ example: '/so-y-te' }) path!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) domain!: string | null;
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ type: [SectionNodeResponse] }) sections?: SectionNodeResponse[];
}

class NewSectionRequest {
  @ApiProperty({ example: 'Hỏi đáp chính sách' }) @IsString() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ description: 'Folded from the title when not given; never changes afterwards', example: 'hoi-dap-chinh-sach' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ tin-tuc).' })
  slug?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Slug of the section it goes under; none: the top of the menu' })
  @IsOptional()
  @IsString()
  parent?: string | null;
  @ApiPropertyOptional({ description: 'Place among its siblings, from 0; none: last' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

class SectionChangeRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Slug of the new parent; null: the top of the menu' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  parent?: string | null;
  @ApiPropertyOptional({ description: 'New place among its siblings, from 0' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

/** The portal and the units' sub-sites, with their sections, as editors see them. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(
    private readonly sites: SiteDirectory,
    private readonly sections: SiteSections,
    private readonly units: UnitDirectory,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('sites.read')
  @ApiOkResponse({ type: [SiteResponse] })
  list(): Promise<SiteView[]> {
    return this.sites.list(this.tenants.require());
  }

  @Get(':key')
  @Requires('sites.read')
  @ApiOkResponse({ type: SiteResponse })
  get(@Param('key') key: string): Promise<SiteView> {
    return this.sites.get(this.tenants.require(), key);
  }

  @Post(':key/sections')
  @Requires('sites.manage')
  @ApiOperation({ summary: "Add a section to a site's navigation" })
  @ApiCreatedResponse({ type: SiteResponse })
  async addSection(@CurrentPrincipal() p: Principal, @Param('key') key: string, @Body() body: NewSectionRequest): Promise<SiteView> {
    const tenantId = await this.requireForSite(p, key);
    return this.sections.add(actorOf(p), tenantId, key, body);
  }

  @Patch(':key/sections/:slug')
  @Requires('sites.manage')
  @ApiOperation({ summary: 'Rename a section, move it under another, or change its place among its siblings' })
  @ApiOkResponse({ type: SiteResponse })
  async changeSection(
    @CurrentPrincipal() p: Principal,
    @Param('key') key: string,
    @Param('slug') slug: string,
    @Body() body: SectionChangeRequest,
  ): Promise<SiteView> {
    const tenantId = await this.requireForSite(p, key);
    return this.sections.update(actorOf(p), tenantId, key, slug, body);
  }

  @Delete(':key/sections/:slug')
  @Requires('sites.manage')
  @ApiOperation({ summary: "Remove an empty section that the province's rules do not require" })
  @ApiOkResponse({ type: SiteResponse })
  async removeSection(@CurrentPrincipal() p: Principal, @Param('key') key: string, @Param('slug') slug: string): Promise<SiteView> {
    const tenantId = await this.requireForSite(p, key);
    return this.sections.remove(actorOf(p), tenantId, key, slug);
  }

  /** The IT centre manages every site; a unit's head its own sub-site and those of the units below. */
  private async requireForSite(p: Principal, key: string): Promise<string> {
    const tenantId = this.tenants.require();
    const site = await this.sites.find(tenantId, key);
    const lineage = site.kind === 'subsite' ? await this.units.lineage(tenantId, site.key) : [];
    if (!holdsFor(p, 'sites.manage', lineage)) throw AuthErrors.forbidden('sites.manage');
    return tenantId;
  }
}
