import { QuestionEvent } from './lib/questions/question-event.entity';
import { Consultation, ConsultationComment } from './lib/consultations/consultation.entity';
import { Poll, PollOption, PollVote } from './lib/polls/poll.entity';
import { Question } from './lib/questions/question.entity';

export { ChallengeErrors, ProofOfWork, type TextChallenge, WRITING_TIME_SECONDS, type WriteProof } from './lib/challenge/proof-of-work';
export { CitizensCoreModule, CitizensModule } from './lib/citizens.module';
export { AskQuestionRequest } from './lib/questions/http/questions.dto';
export { type AskedQuestion, QuestionIntake, type ReceivedQuestion } from './lib/questions/question-intake';
export { QUESTION_ATTACHMENT_MAX_BYTES, type SentAttachment } from './lib/questions/question-attachments';
export { QuestionStatusLookup, type QuestionStatusView } from './lib/questions/question-status-lookup';
export { ContactRetention, EraseExpiredContacts } from './lib/questions/contact-retention';
export { QuestionFacts, type QuestionClockFact } from './lib/questions/question-facts';
export { Question, QUESTION_STATUSES, type QuestionStatus } from './lib/questions/question.entity';
export { QuestionEvent } from './lib/questions/question-event.entity';

export { newVoterToken, PollBallots } from './lib/polls/poll-ballots';
export { voterCookie, voterOf } from './lib/polls/http/public-polls.controller';
export { type PollView } from './lib/polls/poll-views';

export { ConsultationBox, type PublicConsultation } from './lib/consultations/consultation-box';
export { CommentRequest } from './lib/consultations/http/consultations.dto';
export { COMMENT_RECEIVED } from './lib/consultations/http/public-consultations.controller';
export { type ConsultationView } from './lib/consultations/consultation-views';

export const CITIZENS_ENTITIES = [Question, QuestionEvent, Poll, PollOption, PollVote, Consultation, ConsultationComment];
