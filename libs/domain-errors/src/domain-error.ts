/**
 * What kind of expected failure a domain error is, in domain terms. Only the transport edge turns
 * this into an HTTP status (see `ProblemDetailsFilter`): not-found → 404, conflict → 409,
 * rule-violated → 422.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rule-violated';

/**
 * An expected business failure with a stable, machine-readable code such as
 * `ORDER.OUT_OF_STOCK`. Domain code throws these; it never knows about HTTP.
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
  }
}
