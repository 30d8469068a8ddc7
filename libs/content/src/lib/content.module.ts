import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { ContentController } from './http/content.controller';
import { ContentEditor } from './items/content-editor.service';
import { ContentPublisher } from './publishing/content-publisher';
import { PublicRoutes } from './public/public-routes';
import { MediaController } from './media/media.controller';
import { MediaLibrary } from './media/media-library.service';
import { LocalDiskStorage, MediaStorage } from './media/media-storage';
import { AppConfig } from '@cong/platform-config';
import { PublicReader } from './public/public-reader.service';

@Module({ imports: [TenancyModule], controllers: [ContentController, MediaController],
  providers: [
    ContentEditor,
    ContentPublisher,
    PublicReader,
    PublicRoutes,
    MediaLibrary,
    { provide: MediaStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.media.dir) },
  ], exports: [ContentEditor, ContentPublisher, PublicRoutes] })
export class ContentModule {}
