import type { ApiOperation } from './api-operation.js';
import { buildOpenApiDocument, type JsonObject } from './openapi-document.js';
import { type ProblemSpec, STANDARD_PROBLEMS } from './problem-responses.js';

/** Every route of a service is for other services: one kind of access. */
export type ServiceAccess = 'service';

/** One route of a service's own API (its paths, without the gateway's `/api`). */
export type ServiceOperation = ApiOperation<ServiceAccess>;

const SERVICE_TOKEN_NOTE =
  'Needs a **service token** from a caller this service trusts (`Authorization: Bearer`).';

/**
 * The OpenAPI 3.1 document of one service's internal API, for the developers and tools of the
 * services that call it. Every route needs a service token (docs/gateway.md, "Services: service
 * tokens") and may answer 401 without one; the document itself, like `/health`, is served without
 * one (see `ApiDocsModule`).
 */
export function buildServiceApiDocument({
  service,
  description,
  operations,
  problems = {},
}: {
  service: string;
  /** What the service is for and who calls it; Markdown. */
  description: string;
  operations: ServiceOperation[];
  /** Error statuses beyond 400, 401, 403, 404, 409 and 422 that its routes answer. */
  problems?: Record<number, ProblemSpec>;
}): JsonObject {
  return buildOpenApiDocument(operations, {
    info: { title: `microshop ${service} service`, version: '1', description },
    access: { service: { scheme: 'serviceToken', note: SERVICE_TOKEN_NOTE } },
    securitySchemes: {
      serviceToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An EdDSA-signed `service+jwt` naming the calling service (`iss`) and this one ' +
          '(`aud`), valid 60 s. `npm run token -- <from> <to>` prints one for the local stack.',
      },
    },
    problems: {
      ...STANDARD_PROBLEMS,
      401: {
        description: 'No service token, or one this service does not accept.',
        code: 'AUTH.SERVICE_TOKEN_MISSING',
      },
      403: {
        description: 'The calling service may not use this route.',
        code: 'AUTH.CALLER_NOT_ALLOWED',
      },
      ...problems,
    },
    commonErrors: [401],
  });
}
