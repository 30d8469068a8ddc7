import { Module } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { TenancyModule } from '@cong/tenancy';
import { ContentController } from './http/content.controller';
import { ContentReach } from './http/content-reach';
import { ContentTypesController } from './http/content-types.controller';
import { ContentEditor } from './items/content-editor.service';
import { MediaController } from './media/media.controller';
import { MediaLibrary } from './media/media-library.service';
import { LocalDiskStorage, MediaStorage } from './media/media-storage';
import { PublicAnswers } from './public/public-answers';
import { PublicReader } from './public/public-reader.service';
import { PublicRoutes } from './public/public-routes';
import { ContentPublisher } from './publishing/content-publisher';
import { ContentTypeCatalog } from './types/content-type-catalog';

/** Authoring and publishing, for every app (the worker publishes scheduled items through it). */
@Module({
  imports: [TenancyModule],
  providers: [
    ContentEditor,
    ContentPublisher,
    MediaLibrary,
    { provide: MediaStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.media.dir) },
  ],
  exports: [ContentEditor, ContentPublisher, MediaLibrary, MediaStorage],
})
export class ContentCoreModule {}

/** The HTTP side (the API): the authoring and media endpoints, and citizens' public reads. */
@Module({
  imports: [TenancyModule, ContentCoreModule],
  controllers: [ContentTypesController, ContentController, MediaController],
  providers: [PublicReader, PublicAnswers, PublicRoutes, ContentTypeCatalog, ContentReach],
  exports: [ContentCoreModule, PublicReader, PublicAnswers, PublicRoutes, ContentReach],
})
export class ContentModule {}
