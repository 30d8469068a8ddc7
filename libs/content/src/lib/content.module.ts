import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { ContentController } from './http/content.controller';
import { ContentEditor } from './items/content-editor.service';
import { ContentPublisher } from './publishing/content-publisher';
import { PublicController } from './public/public.controller';
import { PublicReader } from './public/public-reader.service';

@Module({ imports: [TenancyModule], controllers: [ContentController, PublicController], providers: [ContentEditor, ContentPublisher, PublicReader], exports: [ContentEditor, ContentPublisher] })
export class ContentModule {}
