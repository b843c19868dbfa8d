import { z } from 'zod';
import { buildPublicApiDocument } from './public-api-document.js';
import { PUBLIC_API } from './public-api.js';

const document = buildPublicApiDocument(PUBLIC_API) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
};

/** The public routes of ../shared/API.md, which the document must describe. */
const API_MD_ROUTES = [
  'post /api/auth/login',
  'get /api/products',
  'get /api/products/{id}',
  'get /api/products/{id}/page',
  'get /api/promotions',
  'get /api/recommendations',
  'post /api/orders',
  'get /api/orders',
  'get /api/orders/{id}',
  'get /api/orders/{id}/saga',
  'post /api/admin/products',
  'post /api/admin/coupons',
  'get /api/admin/coupons/{code}',
];

describe('the public OpenAPI document', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every public route of the API contract', () => {
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(described).toEqual(expect.arrayContaining(API_MD_ROUTES));
  });

  it('gives every request body and every success response a schema and an example', () => {
    const missing = PUBLIC_API.flatMap((operation) => {
      const where = `${operation.method} ${operation.path}`;
      const body =
        operation.body && operation.body.example === undefined ? [`${where} request`] : [];
      const responses = Object.entries(operation.responses)
        .filter(([, response]) => !response.schema || response.example === undefined)
        .map(([status]) => `${where} ${status}`);
      return [...body, ...responses];
    });
    expect(missing).toEqual([]);
  });

  it('shows only examples that the contracts themselves accept', () => {
    for (const operation of PUBLIC_API) {
      const where = `${operation.method} ${operation.path}`;
      const samples = [
        ...(operation.body ? [{ what: 'request', ...operation.body }] : []),
        ...Object.entries(operation.responses).map(([status, response]) => ({
          what: status,
          schema: response.schema!,
          example: response.example,
        })),
      ];
      for (const { what, schema, example } of samples) {
        const result = schema.schema.safeParse(example);
        expect({
          where,
          what,
          issues: result.success ? [] : z.prettifyError(result.error),
        }).toEqual({
          where,
          what,
          issues: [],
        });
      }
    }
  });

  it('refers only to schemas and responses it defines', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, section, name] of refs) {
      expect({
        ref: `${section}/${name}`,
        defined: Boolean(document.components[section!]?.[name!]),
      }).toEqual({
        ref: `${section}/${name}`,
        defined: true,
      });
    }
  });

  it('marks routes that need a token', () => {
    expect(document.paths['/api/orders']!.post).toMatchObject({ security: [{ bearer: [] }] });
    expect(document.paths['/api/products']!.get).not.toHaveProperty('security');
  });
});
