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

/** How the docs describe one error status: when it happens, a typical `code`, extra headers. */
export interface ProblemSpec {
  description: string;
  code?: string;
  headers?: Record<string, { description: string; schema: object }>;
}

/** The error statuses every microshop API shares, as its services answer them. */
export const STANDARD_PROBLEMS: Record<number, ProblemSpec> = {
  400: {
    description: 'The request is malformed; `errors` names each offending field.',
    code: 'REQUEST.INVALID',
  },
  404: { description: 'Nothing with that id.' },
  409: { description: 'A business conflict, named by `code`.' },
  422: { description: 'A business rule refused the request, named by `code`.' },
};

/** The name of the shared response for an error status (`#/components/responses/<name>`). */
export const problemResponseName = (status: number) => `Problem${status}`;

/** `components.responses`: one problem response, with an example, per error status given. */
export function problemResponses(problems: Record<number, ProblemSpec>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(problems).map(([key, { description, code, headers }]) => {
      const status = Number(key);
      const example = {
        type: 'about:blank',
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: description,
        ...(code ? { code } : {}),
      };
      return [
        problemResponseName(status),
        {
          description,
          ...(headers ? { headers } : {}),
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
