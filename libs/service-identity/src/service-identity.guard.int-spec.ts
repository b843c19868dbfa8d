import 'reflect-metadata';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '#libs/problem-details';
import { CallerService } from './caller-service.decorator.js';
import { generateServiceKey } from './generate-service-key.js';
import { ServiceIdentityModule } from './service-identity.module.js';
import { publicKeyOf } from './service-keys.js';
import { ServiceTokenSigner } from './service-token.signer.js';

const productKey = generateServiceKey('product');
const gatewayKey = generateServiceKey('gateway');
const orderKey = generateServiceKey('order');

@Controller()
class ProbeController {
  @Get('whoami')
  whoami(@CallerService() caller: string) {
    return { caller };
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}

/** A service that trusts the gateway only, the way the product service will be wired. */
@Module({
  imports: [
    ServiceIdentityModule.forRoot({
      service: 'product',
      signingKey: productKey,
      trustedKeys: { gateway: [publicKeyOf(gatewayKey)] },
    }),
  ],
  controllers: [ProbeController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
class ProductLikeModule {}

describe('ServiceIdentityGuard', () => {
  let app: INestApplication;
  let baseUrl: string;
  const gateway = new ServiceTokenSigner({ service: 'gateway', signingKey: gatewayKey });

  beforeAll(async () => {
    app = await NestFactory.create(ProductLikeModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  const call = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { headers });

  it('tells the route which trusted service is calling', async () => {
    const response = await call('/whoami', {
      authorization: await gateway.authorizationFor('product'),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ caller: 'gateway' });
  });

  it('refuses an unsigned call with a 401 problem document', async () => {
    const response = await call('/whoami');

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'AUTH.SERVICE_TOKEN_MISSING' });
  });

  it('is not fooled by a header that merely names a caller', async () => {
    const response = await call('/whoami', { 'x-caller-service': 'gateway' });

    expect(response.status).toBe(401);
  });

  it('refuses a service it does not trust, even with a well-formed token', async () => {
    const order = new ServiceTokenSigner({ service: 'order', signingKey: orderKey });
    const response = await call('/whoami', {
      authorization: await order.authorizationFor('product'),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'AUTH.SERVICE_TOKEN_INVALID',
      detail: expect.stringContaining('unknown-key'),
    });
  });

  it('refuses a token meant for another service', async () => {
    const response = await call('/whoami', {
      authorization: await gateway.authorizationFor('promotion'),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      detail: expect.stringContaining('wrong-audience'),
    });
  });

  it('leaves health probes open', async () => {
    expect((await call('/health/live')).status).toBe(200);
  });
});
