import { STATUS_CODES } from 'node:http';

/** The problem document every error is (RFC 9457), as JSON Schema. */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: '`urn:microshop:problem:<code>` or `about:blank`.' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    instance: { type: 'string', description: 'The path that was called.' },
    code: {
      type: 'string',
      description: 'A stable machine-readable name, e.g. `ORDER.OUT_OF_STOCK`.',
    },
    errors: {
      type: 'array',
      description: 'Validation failures, one per offending field.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: '`body.items.0.quantity`, `query.pageSize`, ...' },
          message: { type: 'string' },
        },
      },
    },
  },
};

const WHEN: Record<number, { description: string; code?: string }> = {
  400: {
    description: 'The request is malformed; `errors` names each offending field.',
    code: 'REQUEST.INVALID',
  },
  401: {
    description: 'No access token, or one that is invalid or expired.',
    code: 'AUTH.TOKEN_MISSING',
  },
  403: { description: "The token's role may not use this route.", code: 'AUTH.FORBIDDEN' },
  404: { description: 'Nothing with that id (or not yours).' },
  409: { description: 'A business conflict, named by `code`.' },
  422: { description: 'A business rule refused the request, named by `code`.' },
  429: {
    description: 'Over the rate limit: retry after `Retry-After` seconds.',
    code: 'GATEWAY.RATE_LIMITED',
  },
  502: {
    description: 'A service failed or could not be reached.',
    code: 'GATEWAY.DOWNSTREAM_UNAVAILABLE',
  },
  504: { description: 'A service did not answer in time.', code: 'GATEWAY.DOWNSTREAM_TIMEOUT' },
};

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

/** The name of the shared response for an error status (`#/components/responses/<name>`). */
export const problemResponseName = (status: number) => `Problem${status}`;

/** `components.responses`: one problem response per error status the API uses. */
export function problemResponses(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(WHEN).map(([status, { description, code }]) => {
      const title = STATUS_CODES[Number(status)] ?? 'Error';
      const example = {
        type: 'about:blank',
        title,
        status: Number(status),
        detail: description,
        ...(code ? { code } : {}),
      };
      return [
        problemResponseName(Number(status)),
        {
          description,
          ...(status === '429' ? { headers: RATE_LIMIT_HEADERS } : {}),
          content: {
            'application/problem+json': {
              schema: { $ref: '#/components/schemas/Problem' },
              example,
            },
          },
        },
      ];
    }),
  );
}
