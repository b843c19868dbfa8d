import { type ProblemSpec, STANDARD_PROBLEMS } from '#libs/api-docs';

const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
  'RateLimit-Limit': { description: 'Requests allowed per second.', schema: { type: 'integer' } },
  'RateLimit-Remaining': {
    description: 'Requests left in this window.',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets.',
    schema: { type: 'integer' },
  },
};

/** The error statuses of the public API: the services' own, and those the gateway adds. */
export const GATEWAY_PROBLEMS: Record<number, ProblemSpec> = {
  ...STANDARD_PROBLEMS,
  401: {
    description: 'No access token, or one that is invalid or expired.',
    code: 'AUTH.TOKEN_MISSING',
  },
  403: { description: "The token's role may not use this route.", code: 'AUTH.FORBIDDEN' },
  404: { description: 'Nothing with that id (or not yours).' },
  429: {
    description: 'Over the rate limit: retry after `Retry-After` seconds.',
    code: 'GATEWAY.RATE_LIMITED',
    headers: RATE_LIMIT_HEADERS,
  },
  502: {
    description: 'A service failed or could not be reached.',
    code: 'GATEWAY.DOWNSTREAM_UNAVAILABLE',
  },
  504: { description: 'A service did not answer in time.', code: 'GATEWAY.DOWNSTREAM_TIMEOUT' },
};
