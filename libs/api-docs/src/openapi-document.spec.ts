import SwaggerParser from '@apidevtools/swagger-parser';
import { z } from 'zod';
import type { ApiOperation } from './api-operation.js';
import { buildOpenApiDocument, type ApiDocumentOptions } from './openapi-document.js';
import { STANDARD_PROBLEMS } from './problem-responses.js';
import { buildServiceApiDocument } from './service-api-document.js';

type Access = 'anyone' | 'member';

const options: ApiDocumentOptions<Access> = {
  info: { title: 'test API', version: '1', description: 'For the tests.' },
  access: { anyone: {}, member: { scheme: 'bearer', note: 'Members only.' } },
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  problems: STANDARD_PROBLEMS,
  commonErrors: [400],
};

const thing = z.object({ id: z.uuid(), name: z.string(), tags: z.array(z.string()).default([]) });
const operations: ApiOperation<Access>[] = [
  {
    method: 'get',
    path: '/things/{id}',
    tag: 'Things',
    summary: 'One thing',
    access: 'anyone',
    pathParameters: { id: { schema: z.uuid(), description: 'The id.' } },
    query: z.object({ verbose: z.coerce.boolean().optional(), lang: z.string() }),
    responses: { 200: { description: 'The thing.', schema: { name: 'Thing', schema: thing } } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/things',
    tag: 'Things',
    summary: 'Make a thing',
    access: 'member',
    body: {
      schema: { name: 'NewThing', schema: thing.omit({ id: true }) },
      example: { name: 'a' },
    },
    responses: { 201: { description: 'Made.', schema: { name: 'Thing', schema: thing } } },
    errors: [409],
  },
];

describe('buildOpenApiDocument', () => {
  it('builds a document that OpenAPI 3.1 validation accepts', async () => {
    const document = buildOpenApiDocument(operations, options);

    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('gives each named schema one place in the components and refers to it', () => {
    const document = buildOpenApiDocument(operations, options) as {
      components: { schemas: Record<string, unknown> };
    };
    const text = JSON.stringify(document);

    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'NewThing',
      'Problem',
      'Thing',
    ]);
    expect(text.match(/#\/components\/schemas\/Thing"/g)).toHaveLength(2);
  });

  it('adds the common errors to every operation, and the scheme and note of its access', () => {
    const { paths } = buildOpenApiDocument(operations, options) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };

    expect(Object.keys(paths['/things/{id}']!.get!.responses as object).sort()).toEqual([
      '200',
      '400',
      '404',
    ]);
    expect(paths['/things/{id}']!.get).not.toHaveProperty('security');
    expect(paths['/things']!.post).toMatchObject({
      security: [{ bearer: [] }],
      description: 'Members only.',
    });
  });

  it('marks a query parameter required only when the contract has no default for it', () => {
    const { paths } = buildOpenApiDocument(operations, options) as {
      paths: Record<string, Record<string, { parameters: { name: string; required: boolean }[] }>>;
    };

    const required = Object.fromEntries(
      paths['/things/{id}']!.get!.parameters.map((p) => [p.name, p.required]),
    );
    expect(required).toEqual({ id: true, verbose: false, lang: true });
  });

  it('refuses an error status the options do not describe', () => {
    const teapot = { ...operations[0]!, errors: [418] };

    expect(() => buildOpenApiDocument([teapot], options)).toThrow(/get \/things\/\{id\}.*418/);
  });

  it('refuses two different schemas under one name', () => {
    const clash = {
      ...operations[1]!,
      body: { schema: { name: 'Thing', schema: z.object({ other: z.string() }) } },
    };

    expect(() => buildOpenApiDocument([operations[0]!, clash], options)).toThrow(
      'two schemas are named Thing',
    );
  });
});

describe('buildServiceApiDocument', () => {
  const document = buildServiceApiDocument({
    service: 'thing',
    description: 'Things.',
    operations: [{ ...operations[0]!, access: 'service' }],
  }) as { paths: Record<string, Record<string, Record<string, unknown>>> };

  it('requires a service token on every route, which may answer 401', async () => {
    const get = document.paths['/things/{id}']!.get!;

    expect(get.security).toEqual([{ serviceToken: [] }]);
    expect(get.responses).toHaveProperty('401');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });
});
