import { Module } from '@nestjs/common';
import { ContentCoreModule } from '@cong/content';
import { RulesModule } from '@cong/rules';
import { ProvinceJobs, TenancyModule } from '@cong/tenancy';
import { WorkflowModule } from '@cong/workflow';
import { ChallengeController } from './challenge/challenge.controller';
import { ConsultationBox } from './consultations/consultation-box';
import { ConsultationDesk } from './consultations/consultation-desk';
import { ConsultationsController } from './consultations/http/consultations.controller';
import { PublicConsultationsController } from './consultations/http/public-consultations.controller';
import { PollsController } from './polls/http/polls.controller';
import { PublicPollsController } from './polls/http/public-polls.controller';
import { PollBallots } from './polls/poll-ballots';
import { PollManager } from './polls/poll-manager';
import { ProofOfWork } from './challenge/proof-of-work';
import { CitizenMail } from './mail/citizen-mail';
import { ContactRetention } from './questions/contact-retention';
import { QuestionAttachments } from './questions/question-attachments';
import { PublicQuestionsController } from './questions/http/public-questions.controller';
import { QuestionsController } from './questions/http/questions.controller';
import { QuestionAnswers } from './questions/question-answers';
import { QuestionDesk } from './questions/question-desk';
import { QuestionFacts } from './questions/question-facts';
import { QuestionIntake } from './questions/question-intake';
import { QuestionStatusLookup } from './questions/question-status-lookup';

/**
 * What runs wherever items move through workflows (API and worker): answers followed to their
 * questions, contacts erased after retention, the facts compliance judges.
 */
@Module({
  imports: [TenancyModule, RulesModule, WorkflowModule, ContentCoreModule],
  providers: [CitizenMail, QuestionAnswers, QuestionFacts, ContactRetention, ProvinceJobs, QuestionAttachments],
  exports: [CitizenMail, QuestionFacts, ContactRetention, QuestionAttachments],
})
export class CitizensCoreModule {}

/** The API side of citizens' writes: questions (the public form, the officials' desk), polls and consultations. */
@Module({
  imports: [CitizensCoreModule, TenancyModule, RulesModule, ContentCoreModule],
  controllers: [
    ChallengeController,
    PublicQuestionsController,
    QuestionsController,
    PollsController,
    PublicPollsController,
    ConsultationsController,
    PublicConsultationsController,
  ],
  providers: [ProofOfWork, QuestionIntake, QuestionDesk, QuestionStatusLookup, PollManager, PollBallots, ConsultationDesk, ConsultationBox],
  exports: [ProofOfWork, QuestionIntake, QuestionStatusLookup, PollBallots, ConsultationBox],
})
export class CitizensModule {}
