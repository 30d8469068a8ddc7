import { ACCOUNTS_ENTITIES } from '@cong/accounts';
import { CITIZENS_ENTITIES } from '@cong/citizens';
import { COMPLIANCE_ENTITIES } from '@cong/compliance';
import { CONTENT_ENTITIES } from '@cong/content';
import { NOTIFICATIONS_ENTITIES } from '@cong/notifications';
import { ONLINE_SERVICES_ENTITIES } from '@cong/online-services';
import { AUDIT_ENTITIES } from '@cong/platform-audit';
import { RULES_ENTITIES } from '@cong/rules';
import { SITES_ENTITIES } from '@cong/sites';
import { TENANCY_ENTITIES } from '@cong/tenancy';
import { UNITS_ENTITIES } from '@cong/units';
import { WORKFLOW_ENTITIES } from '@cong/workflow';

/**
 * Every entity of the platform, in one list: the API, the worker, the CLI and the test fixtures
 * open their data sources with it. A library with new tables adds its list here, once.
 */
export const ALL_ENTITIES = [
  ...TENANCY_ENTITIES,
  ...UNITS_ENTITIES,
  ...RULES_ENTITIES,
  ...ACCOUNTS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...SITES_ENTITIES,
  ...CONTENT_ENTITIES,
  ...WORKFLOW_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...CITIZENS_ENTITIES,
  ...ONLINE_SERVICES_ENTITIES,
  ...COMPLIANCE_ENTITIES,
];
