/**
 * What kind of failure an error is; the one global filter maps kinds to HTTP statuses, so services
 * never think in HTTP.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation'
  | 'locked'
  | 'too_many_requests'
  | 'unavailable';

export interface FieldProblem {
  /** Path of the offending field, e.g. `steps[2].title`. */
  field: string;
  message: string;
}

/**
 * An expected failure of the domain. `code` is stable (UPPER_SNAKE, prefixed by the library) and
 * is what clients match on; `message` is for the user and written in Vietnamese.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
