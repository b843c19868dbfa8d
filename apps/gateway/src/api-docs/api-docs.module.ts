import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi-document.js';
import { PUBLIC_API } from './public-api.js';

/**
 * `GET /docs` (Swagger UI) and `GET /docs-json` (the OpenAPI document). The document is built from
 * the zod contracts (openapi-document.ts), not scanned from the controllers: most gateway routes
 * pass requests through and have no types of their own to scan.
 */
@Module({})
export class ApiDocsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Mounted while the app initialises, before Nest adds its catch-all 404. The shared bootstrap
   * owns the app object, so Swagger gets the two things it uses from it: the HTTP adapter, and a
   * way to serve its static files.
   */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as ExpressAdapter;
    const host = {
      getHttpAdapter: () => adapter,
      useStaticAssets: (path: string, options: object) => adapter.useStaticAssets(path, options),
    } as unknown as INestApplication;
    const document = buildOpenApiDocument(PUBLIC_API) as unknown as OpenAPIObject;
    SwaggerModule.setup('docs', host, document, {
      jsonDocumentUrl: 'docs-json',
      raw: ['json'],
      customSiteTitle: 'microshop API',
    });
  }
}
