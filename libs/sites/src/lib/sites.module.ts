import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { UnitsModule } from '@cong/units';
import { SitesController } from './site.controller';
import { SiteDirectory } from './site-directory.service';
import { SiteSections } from './site-sections.service';

@Module({
  imports: [TenancyModule, UnitsModule],
  controllers: [SitesController],
  providers: [SiteDirectory, SiteSections],
  exports: [SiteDirectory, SiteSections],
})
export class SitesModule {}
