import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { ServiceName } from '#libs/contracts';
import {
  generateServiceKey,
  type ServicePrivateKey,
  ServiceTokenSigner,
} from '#libs/service-identity';
import { localServiceKeys } from '../../tools/token/local-service-keys.js';
import { SystemUnderTest } from '../support/system-under-test.js';

type CalledService = Exclude<ServiceName, 'gateway'>;
const CALLED_SERVICES: CalledService[] = ['product', 'order', 'promotion', 'recommendation'];

/**
 * A read each service answers to a caller it trusts, with the status it answers: anything else,
 * a 401 in particular, means the call did not get in.
 */
const PROBES: Record<CalledService, { path: string; status: number }> = {
  product: { path: '/products?pageSize=1', status: 200 },
  order: { path: `/orders?customerId=customer-${randomUUID()}`, status: 200 },
  promotion: { path: `/promotions?productId=${randomUUID()}`, status: 404 },
  recommendation: { path: `/recommendations?productId=${randomUUID()}`, status: 404 },
};

/**
 * Service identity across the running services, started as `npm start` starts them: each one
 * serves a caller it trusts and refuses, with a 401 problem document, every call that does not
 * prove who is calling: no token, a header that merely names a caller, a token signed with a key it
 * does not trust (also under a trusted key's id), a token minted for another service, an expired
 * token. `npm run token` mints tokens the running services accept.
 */
describe('service identity between the running services', () => {
  let system: SystemUnderTest;
  let gatewayKey: ServicePrivateKey;

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'identity',
      portBase: 14900,
      postgresPort: 55447,
      kafkaPort: 19732,
    });
    await Promise.all(CALLED_SERVICES.map((service) => system.startApp(service)));
    gatewayKey = localServiceKeys(system.keysDir).gateway;
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const probe = (service: CalledService, headers: Record<string, string> = {}) =>
    fetch(system.url(service, PROBES[service].path), { headers });

  /** The gateway's signature, made with `signingKey` at the time `now` says. */
  const tokenAsGateway = (
    to: ServiceName,
    signingKey: ServicePrivateKey = gatewayKey,
    now: () => number = Date.now,
  ) => new ServiceTokenSigner({ service: 'gateway', signingKey, now }).authorizationFor(to);

  /** What the caller learns from a refused call. */
  async function refusal(response: Response) {
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as { code?: string; detail?: string },
    };
  }

  const refusedAs = (code: string, reason?: string) => ({
    status: 401,
    contentType: 'application/problem+json',
    body: {
      code,
      ...(reason ? { detail: expect.stringContaining(`service token ${reason}`) } : {}),
    },
  });

  describe.each(CALLED_SERVICES)('%s', (service) => {
    it('answers a caller it trusts', async () => {
      const response = await probe(service, await system.signedHeaders(service));

      expect(response.status).toBe(PROBES[service].status);
    });

    it('refuses a call without a token', async () => {
      expect(await refusal(await probe(service))).toMatchObject(
        refusedAs('AUTH.SERVICE_TOKEN_MISSING'),
      );
    });

    it('refuses a call whose only identity is an x-caller-service header', async () => {
      const response = await probe(service, { 'x-caller-service': 'gateway' });

      expect(await refusal(response)).toMatchObject(refusedAs('AUTH.SERVICE_TOKEN_MISSING'));
    });

    it('refuses a token signed with a key it does not trust', async () => {
      const stranger = generateServiceKey('gateway');
      const response = await probe(service, {
        authorization: await tokenAsGateway(service, stranger),
      });

      expect(await refusal(response)).toMatchObject(
        refusedAs('AUTH.SERVICE_TOKEN_INVALID', 'unknown-key'),
      );
    });

    it("refuses a token signed with another key under the id of the gateway's key", async () => {
      const forger = { ...generateServiceKey('gateway'), kid: gatewayKey.kid };
      const response = await probe(service, {
        authorization: await tokenAsGateway(service, forger),
      });

      expect(await refusal(response)).toMatchObject(
        refusedAs('AUTH.SERVICE_TOKEN_INVALID', 'bad-signature'),
      );
    });

    it('refuses a token the gateway minted for another service', async () => {
      const other = CALLED_SERVICES.find((name) => name !== service)!;
      const response = await probe(service, { authorization: await tokenAsGateway(other) });

      expect(await refusal(response)).toMatchObject(
        refusedAs('AUTH.SERVICE_TOKEN_INVALID', 'wrong-audience'),
      );
    });

    it('refuses a token of the gateway that expired', async () => {
      // Minted 70 s ago: it lived 60 s, and the 5 s of tolerated clock skew are past too.
      const seventySecondsAgo = () => Date.now() - 70_000;
      const response = await probe(service, {
        authorization: await tokenAsGateway(service, gatewayKey, seventySecondsAgo),
      });

      expect(await refusal(response)).toMatchObject(
        refusedAs('AUTH.SERVICE_TOKEN_INVALID', 'expired'),
      );
    });

    it('leaves health probes and metrics open', async () => {
      for (const path of ['/health/live', '/health/ready', '/metrics']) {
        expect({ path, status: (await fetch(system.url(service, path))).status }).toEqual({
          path,
          status: 200,
        });
      }
    });
  });

  it.each([
    ['gateway', 'product'],
    ['order', 'product'],
    ['order', 'promotion'],
    ['gateway', 'recommendation'],
  ] as const)(
    'accepts the token `npm run token -- %s %s` prints on its last line',
    async (from, to) => {
      // What `npm run token` runs once it has built dist/ (test:e2e has just built it).
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['dist/tools/token/main.js', from, to],
        { env: { ...process.env, MICROSHOP_DATA_DIR: system.dataDir } },
      );
      const token = stdout.trim().split('\n').at(-1)!;

      const response = await probe(to, { authorization: `Bearer ${token}` });

      expect(response.status).toBe(PROBES[to].status);
    },
  );
});
