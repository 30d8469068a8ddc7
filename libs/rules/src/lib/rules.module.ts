import { Module } from '@nestjs/common';
import { RuleVersionRepository } from './versions/rule-version.repository';

/** The stored rule versions, for the libraries that evaluate rules. */
@Module({ providers: [RuleVersionRepository], exports: [RuleVersionRepository] })
export class RulesModule {}
