import { buildOpenApiDocument, type JsonObject } from '#libs/api-docs';
import { GATEWAY_PROBLEMS } from './gateway-problems.js';
import type { PublicOperation } from './public-operation.js';

const DESCRIPTION = `The public API of microshop, served by the gateway (docs/gateway.md).

- **Sign in** with \`POST /api/auth/login\` and send the token as \`Authorization: Bearer <token>\`.
  Orders need a customer token, \`/api/admin\` an admin token.
- **Errors** are \`application/problem+json\` (RFC 9457); business errors carry a stable \`code\`.
- **Request ids**: send \`X-Request-Id\` or get one; it is returned and appears in every log line.
- **Rate limits**: every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and
  \`RateLimit-Reset\`; over the limit, 429 with \`Retry-After\`.`;

/**
 * The OpenAPI 3.1 document of the public API, built from the operations and the zod contracts
 * they name (`#libs/api-docs`). Every /api route may answer 429 (the edge rate limit).
 */
export function buildPublicApiDocument(operations: PublicOperation[]): JsonObject {
  return buildOpenApiDocument(operations, {
    info: { title: 'microshop public API', version: '1', description: DESCRIPTION },
    access: {
      public: {},
      customer: { scheme: 'bearer', note: 'Needs a **customer** access token.' },
      admin: { scheme: 'bearer', note: 'Needs an **admin** access token.' },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    problems: GATEWAY_PROBLEMS,
    commonErrors: [429],
  });
}
