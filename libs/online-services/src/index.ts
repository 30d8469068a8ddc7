import { OnlineService } from './lib/registry/online-service.entity';
import { UnitRequest, UnitRequestEvent } from './lib/requests/unit-request.entity';

export { OnlineServicesModule } from './lib/online-services.module';
export { UNIT_REQUEST_STATUSES, type UnitRequestStatus, UnitRequest, UnitRequestEvent } from './lib/requests/unit-request.entity';

export {
  ONLINE_SERVICE_LEVELS,
  ONLINE_SERVICE_STATUSES,
  OnlineService,
  type OnlineServiceLevel,
  type OnlineServiceStatus,
} from './lib/registry/online-service.entity';
export { OnlineServiceRegistry, type PublicOnlineService } from './lib/registry/online-service-registry';

export const ONLINE_SERVICES_ENTITIES = [UnitRequest, UnitRequestEvent, OnlineService];
