export { DomainError, type ErrorKind, type FieldProblem } from './lib/domain-error';
export { type Problem, PROBLEM_CONTENT_TYPE, STATUS_BY_KIND, problemType } from './lib/problem';
export { type HttpRequestLike, ProblemDetailsFilter, type RefusalListener } from './lib/problem-details.filter';
export { createValidationPipe, fieldProblems, IsOmittable, validationError } from './lib/validation';
export { BodyNotUtf8Error, strictJsonBody } from './lib/json-body';
export { FormBodyNotAcceptedError, formBodyParser } from './lib/form-body';
export { isDependencyUnavailable, problemHeaders, RETRY_AFTER_SECONDS } from './lib/unavailable';
