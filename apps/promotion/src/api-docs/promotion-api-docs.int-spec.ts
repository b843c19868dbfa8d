import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import { register } from 'prom-client';
import { documentedRoutesOf, registeredRoutesOf } from '#libs/api-docs';
import { ALL_TOPICS } from '#libs/contracts';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { testServiceIdentity } from '../../../../test/support/test-service-identity.js';
import { ensureTopics } from '../../../../tools/infra/kafka/ensure-topics.js';

// @nestjs/common first, then the app: see apps/product/test/product-test-app.ts for why Jest needs this order.
await import('@nestjs/common');
const { createService } = await import('#libs/service-defaults');
const { promotionService } = await import('../promotion.service.js');

describe('the promotion service API docs', () => {
  let app: INestApplication;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let url: string;

  beforeAll(async () => {
    const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
    await ensureTopics(brokers.split(','), [...ALL_TOPICS]);
    database = await isolatedDatabase([]);
    ({ app } = await createService(promotionService, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: 'fatal',
      CATALOG_CONSUMER_GROUP: `promotion.catalog.docs-test-${Date.now()}`,
      ...testServiceIdentity('promotion').env,
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
    expect((await fetch(`${url}/coupons/SPRING10`)).status).toBe(401);
  });
});
