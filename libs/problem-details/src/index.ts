export { ProblemDetailsFilter } from './problem-details.filter.js';
export { PROBLEM_JSON, type FieldError, type ProblemDetails } from './problem-details.js';
export { ProblemException, type ProblemInit } from './problem.exception.js';
