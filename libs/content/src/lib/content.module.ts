import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { ContentController } from './http/content.controller';
import { ContentEditor } from './items/content-editor.service';
import { ContentPublisher } from './publishing/content-publisher';
import { PublicController } from './public/public.controller';
import { MediaController } from './media/media.controller';
import { MediaLibrary } from './media/media-library.service';
import { LocalDiskStorage, MediaStorage } from './media/media-storage';
import { AppConfig } from '@cong/platform-config';
import { PublicReader } from './public/public-reader.service';

@Module({ imports: [TenancyModule], controllers: [ContentController, PublicController, MediaController],
  providers: [
    ContentEditor,
    ContentPublisher,
    PublicReader,
    MediaLibrary,
    { provide: MediaStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.media.dir) },
  ], exports: [ContentEditor, ContentPublisher] })
export class ContentModule {}
