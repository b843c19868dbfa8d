import { z } from 'zod';
import type { ApiOperation, NamedSchema } from './api-operation.js';
import {
  problemResponseName,
  problemResponses,
  problemSchema,
  type ProblemSpec,
} from './problem-responses.js';

/** A JSON value of the document: schemas, operations, the document itself. */
export type JsonObject = Record<string, unknown>;

/** What one kind of access requires: a security scheme, and a sentence for the description. */
export interface AccessRule {
  /** Names an entry of `securitySchemes`; absent for routes anyone may call. */
  scheme?: string;
  note?: string;
}

export interface ApiDocumentOptions<Access extends string> {
  info: { title: string; version: string; description: string };
  access: Record<Access, AccessRule>;
  securitySchemes: Record<string, JsonObject>;
  /** Every error status an operation may name, described once and referenced from each. */
  problems: Record<number, ProblemSpec>;
  /** Errors every operation can answer (429 at the gateway, 401 at a service). */
  commonErrors?: number[];
}

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a request may send or a response holds. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const json: JsonObject = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema; // the document's dialect already says it
  return json;
}

/**
 * An OpenAPI 3.1 document built from operations and the zod contracts they name. Named schemas go
 * to `components.schemas` once and are referenced from the paths; every error is a reference to
 * one shared problem response. Throws when two different schemas share a name or an operation
 * names an error status the options do not describe, so a broken document never boots.
 */
export function buildOpenApiDocument<Access extends string>(
  operations: ApiOperation<Access>[],
  options: ApiDocumentOptions<Access>,
): JsonObject {
  const schemas: Record<string, JsonObject> = { Problem: problemSchema };
  const named = new Map<string, z.ZodType>();
  const refTo = ({ name, schema }: NamedSchema, io: 'input' | 'output') => {
    const known = named.get(name);
    if (known && known !== schema) throw new Error(`two schemas are named ${name}`);
    named.set(name, schema);
    schemas[name] = jsonSchemaOf(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const content = (ref: JsonObject, example: unknown) => ({
    'application/json': { schema: ref, ...(example === undefined ? {} : { example }) },
  });

  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) {
    const rule = options.access[operation.access];
    const errors = [...new Set([...operation.errors, ...(options.commonErrors ?? [])])];
    const undescribed = errors.filter((status) => !options.problems[status]);
    if (undescribed.length > 0) {
      throw new Error(
        `${operation.method} ${operation.path}: no problem described for ${undescribed}`,
      );
    }
    const description = [operation.description, rule.note].filter(Boolean).join('\n\n');
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      ...(description ? { description } : {}),
      ...(rule.scheme ? { security: [{ [rule.scheme]: [] }] } : {}),
      parameters: parametersOf(operation),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: content(refTo(operation.body.schema, 'input'), operation.body.example),
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
                ? { content: content(refTo(response.schema, 'output'), response.example) }
                : {}),
            },
          ]),
        ),
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            { $ref: `#/components/responses/${problemResponseName(status)}` },
          ]),
        ),
      },
    };
  }

  return {
    openapi: '3.1.0',
    info: options.info,
    servers: [{ url: '/' }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: problemResponses(options.problems),
      securitySchemes: options.securitySchemes,
    },
  };
}

function parametersOf(operation: ApiOperation): JsonObject[] {
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
