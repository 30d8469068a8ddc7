import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { SitesController } from './site.controller';
import { SiteDirectory } from './site-directory.service';

@Module({ imports: [TenancyModule], controllers: [SitesController], providers: [SiteDirectory], exports: [SiteDirectory] })
export class SitesModule {}
