import { Module } from '@nestjs/common';
import { CitizensCoreModule } from '@cong/citizens';
import { NotificationsModule } from '@cong/notifications';
import { RulesModule } from '@cong/rules';
import { ProvinceJobs, TenancyModule } from '@cong/tenancy';
import { WorkflowModule } from '@cong/workflow';
import { ComplianceController } from './http/compliance.controller';
import { OperatorComplianceController } from './http/operator-compliance.controller';
import { ReportDeliveriesController } from './http/report-deliveries.controller';
import { ReportDeliveries } from './reports/report-deliveries';
import { PeriodClose } from './periods/period-close';
import { ComplianceReports } from './reports/compliance-reports';
import { VolumeStatements } from './volumes/volume-statements';
import { RoyaltyStatements } from './royalties/royalty-statements';
import { ComplianceReminders } from './reminders/compliance-reminders';
import { ComplianceEvaluation } from './progress/compliance-evaluation';
import { ComplianceFacts } from './progress/compliance-facts';
import { RoyaltyLedger } from './royalties/royalty-ledger';

@Module({
  imports: [TenancyModule, RulesModule, WorkflowModule, NotificationsModule, CitizensCoreModule],
  controllers: [ComplianceController, OperatorComplianceController, ReportDeliveriesController],
  providers: [
    RoyaltyLedger,
    ComplianceFacts,
    ComplianceEvaluation,
    PeriodClose,
    ComplianceReports,
    VolumeStatements,
    RoyaltyStatements,
    ComplianceReminders,
    ReportDeliveries,
    ProvinceJobs,
  ],
  exports: [ComplianceEvaluation, PeriodClose, ComplianceReminders, ReportDeliveries],
})
export class ComplianceModule {}
