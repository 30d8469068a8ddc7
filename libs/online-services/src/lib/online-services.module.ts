import { Module } from '@nestjs/common';
import { ContentCoreModule } from '@cong/content';
import { NotificationsModule } from '@cong/notifications';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { OnlineServicesController } from './registry/http/online-services.controller';
import { OnlineServiceRegistry } from './registry/online-service-registry';
import { OnlineServiceRepository } from './registry/online-service.repository';
import { UnitRequestsController } from './requests/http/unit-requests.controller';
import { UnitRequestDesk } from './requests/unit-request-desk';
import { UnitRequestRepository } from './requests/unit-request.repository';

/** Online public services: units' proposals and problem reports (NA-8.5), and the registry of the services offered online (LC-2.1.3). */
@Module({
  imports: [TenancyModule, RulesModule, ContentCoreModule, NotificationsModule],
  controllers: [UnitRequestsController, OnlineServicesController],
  providers: [UnitRequestDesk, UnitRequestRepository, OnlineServiceRegistry, OnlineServiceRepository],
  exports: [OnlineServiceRegistry],
})
export class OnlineServicesModule {}
