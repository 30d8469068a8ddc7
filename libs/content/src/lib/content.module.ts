import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { ContentController } from './http/content.controller';
import { ContentEditor } from './items/content-editor.service';
import { ContentPublisher } from './publishing/content-publisher';

@Module({ imports: [TenancyModule], controllers: [ContentController], providers: [ContentEditor, ContentPublisher], exports: [ContentEditor, ContentPublisher] })
export class ContentModule {}
