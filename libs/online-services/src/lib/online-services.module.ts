import { Module } from '@nestjs/common';
import { ContentCoreModule } from '@cong/content';
import { NotificationsModule } from '@cong/notifications';
import { RulesModule } from '@cong/rules';
import { TenancyModule } from '@cong/tenancy';
import { UnitRequestsController } from './requests/http/unit-requests.controller';
import { UnitRequestDesk } from './requests/unit-request-desk';
import { UnitRequestRepository } from './requests/unit-request.repository';

/** Online public services between units and the province: units' proposals and problem reports (NA-8.5, LC-2.1.3). */
@Module({
  imports: [TenancyModule, RulesModule, ContentCoreModule, NotificationsModule],
  controllers: [UnitRequestsController],
  providers: [UnitRequestDesk, UnitRequestRepository],
})
export class OnlineServicesModule {}
