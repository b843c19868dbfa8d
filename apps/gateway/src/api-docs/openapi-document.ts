import { z } from 'zod';
import type { NamedSchema, PublicOperation } from './public-operation.js';
import { problemResponseName, problemResponses, problemSchema } from './problem-responses.js';

type JsonSchema = Record<string, unknown>;

const DESCRIPTION = `The public API of microshop, served by the gateway (docs/gateway.md).

- **Sign in** with \`POST /api/auth/login\` and send the token as \`Authorization: Bearer <token>\`.
  Orders need a customer token, \`/api/admin\` an admin token.
- **Errors** are \`application/problem+json\` (RFC 9457); business errors carry a stable \`code\`.
- **Request ids**: send \`X-Request-Id\` or get one; it is returned and appears in every log line.
- **Rate limits**: every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and
  \`RateLimit-Reset\`; over the limit, 429 with \`Retry-After\`.`;

const ACCESS_NOTE = {
  public: '',
  customer: '\n\nNeeds a **customer** access token.',
  admin: '\n\nNeeds an **admin** access token.',
};

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a request may send or a response holds. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema; // the document's dialect already says it
  return json;
}

/**
 * The OpenAPI 3.1 document of the public API, built from the operations and the zod contracts
 * they name. Named schemas go to `components.schemas` once and are referenced from the paths.
 */
export function buildOpenApiDocument(operations: PublicOperation[]): JsonSchema {
  const schemas: Record<string, JsonSchema> = { Problem: problemSchema };
  const named = new Map<string, z.ZodType>();
  const refTo = ({ name, schema }: NamedSchema, io: 'input' | 'output') => {
    const known = named.get(name);
    if (known && known !== schema) throw new Error(`two schemas are named ${name}`);
    named.set(name, schema);
    schemas[name] = jsonSchemaOf(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      description:
        `${operation.description ?? ''}${ACCESS_NOTE[operation.access]}`.trim() || undefined,
      ...(operation.access === 'public' ? {} : { security: [{ bearer: [] }] }),
      parameters: parametersOf(operation),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: refTo(operation.body.schema, 'input'),
                  example: operation.body.example,
                },
              },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(operation.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(response.schema
                ? {
                    content: {
                      'application/json': {
                        schema: refTo(response.schema, 'output'),
                        example: response.example,
                      },
                    },
                  }
                : {}),
            },
          ]),
        ),
        ...Object.fromEntries(
          [...operation.errors, 429].map((status) => [
            status,
            { $ref: `#/components/responses/${problemResponseName(status)}` },
          ]),
        ),
      },
    };
  }

  return {
    openapi: '3.1.0',
    info: { title: 'microshop public API', version: '1', description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: problemResponses(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}

function parametersOf(operation: PublicOperation): unknown[] {
  const inPath = Object.entries(operation.pathParameters ?? {}).map(([name, p]) => ({
    name,
    in: 'path',
    required: true,
    description: p.description,
    schema: jsonSchemaOf(p.schema, 'input'),
  }));
  const inQuery = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: jsonSchemaOf(schema as z.ZodType, 'input'),
  }));
  const inHeaders = (operation.headers ?? []).map((header) => ({
    name: header.name,
    in: 'header',
    required: header.required,
    description: header.description,
    schema: jsonSchemaOf(header.schema, 'input'),
  }));
  return [...inPath, ...inQuery, ...inHeaders];
}
