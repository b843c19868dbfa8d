/**
 * An RFC 9457 problem document, the body of every error response.
 * `code` is a stable machine-readable name for business errors (`ORDER.OUT_OF_STOCK`);
 * `errors` lists the offending fields of a validation failure.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

export interface FieldError {
  /** Where the bad value was: a dotted path such as `body.items.0.quantity` or `query.pageSize`. */
  field: string;
  message: string;
}

export const PROBLEM_JSON = 'application/problem+json';
