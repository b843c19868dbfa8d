import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import { documentedRoutesOf, registeredRoutesOf } from '#libs/api-docs';
import type { AppEnv } from '#libs/config';
import { ALL_TOPICS } from '#libs/contracts';
import { createService, type ServiceDefinition } from '#libs/service-defaults';
import { ensureTopics } from '../../tools/infra/kafka/ensure-topics.js';
import { isolatedDatabase } from './isolated-database.js';
import { testServiceIdentity } from './test-service-identity.js';

export interface ServiceApiDocsCase<Config extends AppEnv> {
  /** The service whose `/docs-json` is checked, started as `runService` starts it. */
  service: ServiceDefinition<Config>;
  /** A route the document describes, which must still answer an unsigned call with 401. */
  signedRoute: string;
  /** Settings the service needs beyond database, broker and keys (e.g. its own consumer group). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Declares the API docs suite every internal service shares: its `/docs-json` is a valid OpenAPI
 * 3.1 document served without a service token, it lists exactly the routes the service registers,
 * and publishing it opens nothing else.
 */
export function describeServiceApiDocs<Config extends AppEnv>({
  service,
  signedRoute,
  env = {},
}: ServiceApiDocsCase<Config>): void {
  describe(`the ${service.name} service API docs`, () => {
    let app: INestApplication;
    let database: Awaited<ReturnType<typeof isolatedDatabase>>;
    let url: string;

    beforeAll(async () => {
      const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
      await ensureTopics(brokers.split(','), [...ALL_TOPICS]);
      database = await isolatedDatabase([]);
      ({ app } = await createService(service, {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers,
        LOG_LEVEL: 'fatal',
        ...env,
        ...testServiceIdentity(service.name).env,
      }));
      await app.listen(0, '127.0.0.1');
      url = await app.getUrl();
    }, 60_000);

    afterAll(async () => {
      await app.close();
      register.clear();
      await database.close();
    }, 30_000);

    it('serves a valid OpenAPI 3.1 document at /docs-json, without a service token', async () => {
      const response = await fetch(`${url}/docs-json`);

      expect(response.status).toBe(200);
      const document = (await response.json()) as { openapi: string };
      expect(document.openapi).toBe('3.1.0');
      await expect(SwaggerParser.validate(document as never)).resolves.toBeTruthy();
    });

    it('describes exactly the routes the service has', async () => {
      const document = (await (await fetch(`${url}/docs-json`)).json()) as { paths: object };

      expect(documentedRoutesOf(document as never)).toEqual(registeredRoutesOf(app));
    });

    it('still refuses unsigned calls to the routes it describes', async () => {
      expect((await fetch(`${url}${signedRoute}`)).status).toBe(401);
    });
  });
}
