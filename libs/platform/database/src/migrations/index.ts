import { CreatePlatformFoundation1795392000000 } from './1795392000000-create-platform-foundation';
import { CreateTenancy1795392000001 } from './1795392000001-create-tenancy';
import { CreateUnits1795392000002 } from './1795392000002-create-units';
import { CreateRuleVersions1795392000003 } from './1795392000003-create-rule-versions';
import { CreateAccounts1795392000004 } from './1795392000004-create-accounts';
import { CreateAuditLog1795392000005 } from './1795392000005-create-audit-log';
import { CreateAccountTokens1795392000006 } from './1795392000006-create-account-tokens';
import { AddUnitProfiles1795392000007 } from './1795392000007-add-unit-profiles';
import { CreateSites1795392000008 } from './1795392000008-create-sites';
import { CreateContent1795392000009 } from './1795392000009-create-content';
import { CreatePublicReader1795392000010 } from './1795392000010-create-public-reader';
import { CreateMedia1795392000011 } from './1795392000011-create-media';
import { TunePublicList1795392000012 } from './1795392000012-tune-public-list';
import { CreateWorkflow1795392000013 } from './1795392000013-create-workflow';
import { CreateRoyaltyEntitlements1795392000014 } from './1795392000014-create-royalty-entitlements';
import { FoldSearchColumns1795392000015 } from './1795392000015-fold-search-columns';
import { CreatePeriodSnapshots1795392000016 } from './1795392000016-create-period-snapshots';
import { CreateVolumeStatements1795392000017 } from './1795392000017-create-volume-statements';
import { CreateComplianceReminders1795392000018 } from './1795392000018-create-compliance-reminders';
import { CreatePublicSearch1795392000019 } from './1795392000019-create-public-search';
import { CreateReportDeliveries1795392000020 } from './1795392000020-create-report-deliveries';
import { CreatePublicMedia1795392000021 } from './1795392000021-create-public-media';
import { ChainAuditLog1795392000022 } from './1795392000022-chain-audit-log';
import { AddAccountSuspension1795392000023 } from './1795392000023-add-account-suspension';
import { DropAccountWideLockout1795392000024 } from './1795392000024-drop-account-wide-lockout';
import { AddTwoFactor1795392000026 } from './1795392000026-add-two-factor';
import { CreatePublicGone1795392000027 } from './1795392000027-create-public-gone';
import { AddFeaturedItems1795392000028 } from './1795392000028-add-featured-items';
import { IndexPortalLists1795392000029 } from './1795392000029-index-portal-lists';
import { CreateCitizenQuestions1795392000030 } from './1795392000030-create-citizen-questions';
import { CreateCitizenPolls1795392000031 } from './1795392000031-create-citizen-polls';
import { CreateCitizenConsultations1795392000032 } from './1795392000032-create-citizen-consultations';
import { AddQuestionAttachments1795392000033 } from './1795392000033-add-question-attachments';
import { CreateUnitRequests1795392000034 } from './1795392000034-create-unit-requests';
import { CreateOnlineServiceRegistry1795392000035 } from './1795392000035-create-online-service-registry';

/** The one ordered stream of migrations. Append; never edit one that has shipped. */
export const MIGRATIONS = [
  CreatePlatformFoundation1795392000000,
  CreateTenancy1795392000001,
  CreateUnits1795392000002,
  CreateRuleVersions1795392000003,
  CreateAccounts1795392000004,
  CreateAuditLog1795392000005,
  CreateAccountTokens1795392000006,
  AddUnitProfiles1795392000007,
  CreateSites1795392000008,
  CreateContent1795392000009,
  CreatePublicReader1795392000010,
  CreateMedia1795392000011,
  TunePublicList1795392000012,
  CreateWorkflow1795392000013,
  CreateRoyaltyEntitlements1795392000014,
  FoldSearchColumns1795392000015,
  CreatePeriodSnapshots1795392000016,
  CreateVolumeStatements1795392000017,
  CreateComplianceReminders1795392000018,
  CreatePublicSearch1795392000019,
  CreateReportDeliveries1795392000020,
  CreatePublicMedia1795392000021,
  ChainAuditLog1795392000022,
  AddAccountSuspension1795392000023,
  DropAccountWideLockout1795392000024,
  AddTwoFactor1795392000026,
  CreatePublicGone1795392000027,
  AddFeaturedItems1795392000028,
  IndexPortalLists1795392000029,
  CreateCitizenQuestions1795392000030,
  CreateCitizenPolls1795392000031,
  CreateCitizenConsultations1795392000032,
  AddQuestionAttachments1795392000033,
  CreateUnitRequests1795392000034,
  CreateOnlineServiceRegistry1795392000035,
];
