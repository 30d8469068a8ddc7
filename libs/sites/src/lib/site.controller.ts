import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Requires } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { SiteDirectory, SiteView } from './site-directory.service';

class SectionNodeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
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

/** The portal and the units' sub-sites, with their sections, as editors see them. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(
    private readonly sites: SiteDirectory,
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
}
