import { Module } from '@nestjs/common';
import { WorkflowModule } from '@cong/workflow';
import { RoyaltyLedger } from './royalties/royalty-ledger';

@Module({
  imports: [WorkflowModule],
  providers: [RoyaltyLedger],
})
export class ComplianceModule {}
