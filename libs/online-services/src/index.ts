import { UnitRequest, UnitRequestEvent } from './lib/requests/unit-request.entity';

export { OnlineServicesModule } from './lib/online-services.module';
export { UNIT_REQUEST_STATUSES, type UnitRequestStatus, UnitRequest, UnitRequestEvent } from './lib/requests/unit-request.entity';

export const ONLINE_SERVICES_ENTITIES = [UnitRequest, UnitRequestEvent];
