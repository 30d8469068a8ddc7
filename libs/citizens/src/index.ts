import { QuestionEvent } from './lib/questions/question-event.entity';
import { Question } from './lib/questions/question.entity';

export { CitizensCoreModule, CitizensModule } from './lib/citizens.module';
export { ContactRetention, EraseExpiredContacts } from './lib/questions/contact-retention';
export { QuestionFacts, type QuestionClockFact } from './lib/questions/question-facts';
export { Question, QUESTION_STATUSES, type QuestionStatus } from './lib/questions/question.entity';
export { QuestionEvent } from './lib/questions/question-event.entity';

export const CITIZENS_ENTITIES = [Question, QuestionEvent];
