import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { register } from 'prom-client';
import { type AppEnv, publicEntryEnvSchema, serviceEnvSchema, type ServiceEnv } from '#libs/config';
import {
  CallerService,
  generateServiceKey,
  publicKeyOf,
  ServiceTokenSigner,
  ServiceTokenVerifier,
} from '#libs/service-identity';
import { createService } from './create-service.js';
import type { ServiceDefinition } from './service-definition.js';

@Controller()
class WhoAmIController {
  @Get('whoami')
  whoami(@CallerService() caller: string | undefined) {
    return { caller: caller ?? null };
  }
}

@Module({ controllers: [WhoAmIController] })
class WhoAmIModule {}

const productKey = generateServiceKey('product');
const gatewayKey = generateServiceKey('gateway');

/** A service other apps call: no database, no Kafka, one route. */
const internalService: ServiceDefinition<ServiceEnv> = {
  name: 'product',
  configSchema: serviceEnvSchema(3001),
  imports: () => [WhoAmIModule],
};

/** The public entry, configured like the gateway. */
const publicEntry: ServiceDefinition<AppEnv> = {
  name: 'gateway',
  configSchema: publicEntryEnvSchema(3000),
  imports: () => [WhoAmIModule],
};

const env = {
  LOG_LEVEL: 'silent',
  SERVICE_SIGNING_KEY: JSON.stringify(productKey),
  SERVICE_TRUSTED_KEYS: JSON.stringify({ gateway: [publicKeyOf(gatewayKey)] }),
};

/** Starts an app on a random port; prom-client's registry is per process, so it is cleared after. */
async function started(app: INestApplication) {
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    get: (path: string, headers: Record<string, string> = {}) => fetch(url + path, { headers }),
    close: async () => {
      await app.close();
      register.clear();
    },
  };
}

describe('service identity, as every app gets it from runService', () => {
  describe('a service other apps call', () => {
    let service: Awaited<ReturnType<typeof started>>;

    beforeAll(async () => {
      service = await started((await createService(internalService, env)).app);
    });

    afterAll(async () => {
      await service?.close();
    });

    it('refuses an unsigned call with a 401 problem document', async () => {
      const response = await service.get('/whoami', { 'x-caller-service': 'gateway' });

      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'AUTH.SERVICE_TOKEN_MISSING' });
    });

    it('serves a caller from SERVICE_TRUSTED_KEYS and tells the route who it is', async () => {
      const gateway = new ServiceTokenSigner({ service: 'gateway', signingKey: gatewayKey });
      const response = await service.get('/whoami', {
        authorization: await gateway.authorizationFor('product'),
      });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ caller: 'gateway' });
    });

    it('leaves health probes and metrics open', async () => {
      expect((await service.get('/health/live')).status).toBe(200);
      expect((await service.get('/health/ready')).status).toBe(200);
      expect((await service.get('/metrics')).status).toBe(200);
    });
  });

  describe('the public entry', () => {
    let gateway: Awaited<ReturnType<typeof started>>;
    let signer: ServiceTokenSigner;

    beforeAll(async () => {
      const { app } = await createService(publicEntry, {
        LOG_LEVEL: 'silent',
        SERVICE_SIGNING_KEY: JSON.stringify(gatewayKey),
      });
      signer = app.get(ServiceTokenSigner);
      gateway = await started(app);
    });

    afterAll(async () => {
      await gateway?.close();
    });

    it('demands no service token of its callers', async () => {
      const response = await gateway.get('/whoami');

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ caller: null });
    });

    it('signs its calls with SERVICE_SIGNING_KEY', async () => {
      const product = new ServiceTokenVerifier({
        service: 'product',
        trustedKeys: { gateway: [publicKeyOf(gatewayKey)] },
      });

      await expect(product.verify(await signer.tokenFor('product'))).resolves.toMatchObject({
        service: 'gateway',
      });
    });
  });

  /** The environment less one variable. */
  const without = (variable: keyof typeof env) =>
    Object.fromEntries(Object.entries(env).filter(([name]) => name !== variable));

  it.each(['SERVICE_SIGNING_KEY', 'SERVICE_TRUSTED_KEYS'] as const)(
    'refuses to build a service without %s',
    async (variable) => {
      await expect(createService(internalService, without(variable))).rejects.toThrow(
        new RegExp(`^config error: ${variable} `),
      );
    },
  );

  it('refuses to build the public entry without SERVICE_SIGNING_KEY', async () => {
    await expect(createService(publicEntry, without('SERVICE_SIGNING_KEY'))).rejects.toThrow(
      /^config error: SERVICE_SIGNING_KEY /,
    );
  });
});
