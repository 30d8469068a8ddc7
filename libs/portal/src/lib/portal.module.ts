import { Module } from '@nestjs/common';
import { CitizensModule } from '@cong/citizens';
import { ContentModule } from '@cong/content';
import { OnlineServicesModule } from '@cong/online-services';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { PublicUnitDirectory } from '@cong/units';
import { PortalChrome } from './portal-chrome';
import { PortalPages } from './portal-pages';
import { ContentPreviewController } from './preview/content-preview.controller';
import { ContentPreviews } from './preview/content-previews';
import { PreviewStore } from './preview/preview-store';
import { CommentFormController } from './forms/comment-form.controller';
import { PollFormController } from './forms/poll-form.controller';
import { QuestionFormController } from './forms/question-form.controller';

/** The public portal's pages, for the app that serves citizens (it has the public reader's connection). */
@Module({
  imports: [TenancyModule, RulesModule, ContentModule, CitizensModule, OnlineServicesModule],
  controllers: [ContentPreviewController, QuestionFormController, PollFormController, CommentFormController],
  providers: [PublicUnitDirectory, PortalChrome, PortalPages, PreviewStore, ContentPreviews],
  exports: [PortalPages],
})
export class PortalModule {}
