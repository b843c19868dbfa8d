import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { JsonObject } from './openapi-document.js';
import { SWAGGER_UI_FILES, SWAGGER_UI_INIT, swaggerUiPage } from './swagger-ui-page.js';

export interface ApiDocsOptions {
  /** The page's title, e.g. `microshop API`. */
  title: string;
  /** Builds the OpenAPI document, once, while the app starts (a broken one stops the boot). */
  document: () => JsonObject;
}

const API_DOCS_OPTIONS = Symbol('API_DOCS_OPTIONS');

/**
 * `GET /docs-json` (the app's OpenAPI document) and `GET /docs` (Swagger UI on it, from the
 * `swagger-ui-dist` files: a page and three static files, without `@nestjs/swagger`, which would
 * cost each process some 13 MB and 150 ms of start-up to serve the same thing).
 *
 * Mounted on the HTTP adapter as the platform's own routes, like `/health` and `/metrics`, not as
 * a controller: route guards do not apply, so a service's docs need no service token. They
 * describe shapes that are in the source anyway and grant nothing, while every route they describe
 * still refuses unsigned calls; tools and people can read them without minting a token.
 */
@Module({})
export class ApiDocsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(API_DOCS_OPTIONS) private readonly options: ApiDocsOptions,
  ) {}

  static forRoot(options: ApiDocsOptions): DynamicModule {
    return {
      module: ApiDocsModule,
      providers: [{ provide: API_DOCS_OPTIONS, useValue: options }],
    };
  }

  /** While the app initialises: after the controllers' routes, before Nest's catch-all 404. */
  onModuleInit(): void {
    const json = JSON.stringify(this.options.document());
    const page = swaggerUiPage(this.options.title);
    const adapter = this.adapterHost.httpAdapter;
    adapter.get('/docs-json', (_request: Request, response: Response) => {
      response.type('application/json').send(json);
    });
    adapter.get('/docs', (_request: Request, response: Response) => {
      response.type('text/html').send(page);
    });
    adapter.get('/docs/swagger-ui-init.js', (_request: Request, response: Response) => {
      response.type('text/javascript').send(SWAGGER_UI_INIT);
    });
    for (const [name, file] of Object.entries(SWAGGER_UI_FILES)) {
      adapter.get(`/docs/${name}`, (_request: Request, response: Response) => {
        response.sendFile(file, { maxAge: '1h' });
      });
    }
  }
}
