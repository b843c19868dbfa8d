import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES } from '#libs/contracts';
import { appEnvironment } from '../../tools/stack/app-environment.js';
import { APP_CONFIG_SCHEMAS, configProblems, unknownVariables } from './app-config-schemas.js';
import { type Environments, refusedCalls, sharedSigningKeys } from './service-identity-checks.js';

/**
 * `npm start` must give each app the same configuration surface as compose and Kubernetes: every
 * variable it sets is one the app reads, and together they satisfy the app's schema.
 */
describe('the environment npm start gives each app', () => {
  const endpoints = {
    ports: { gateway: 3000, product: 3001, order: 3002, promotion: 3003, recommendation: 3004 },
    kafkaBrokers: ['127.0.0.1:9092'],
    databaseUrls: {
      product: 'postgres://product:pw@127.0.0.1:55432/product',
      order: 'postgres://order:pw@127.0.0.1:55432/order',
      promotion: 'postgres://promotion:pw@127.0.0.1:55432/promotion',
      recommendation: 'postgres://recommendation:pw@127.0.0.1:55432/recommendation',
    },
  };
  // The stack's keys, made on first use as `npm start` makes them in `.data/keys`.
  const dataDir = mkdtempSync(join(tmpdir(), 'microshop-static-'));
  const keysDir = join(dataDir, 'keys');
  const environmentOf = (app: (typeof SERVICE_NAMES)[number]) =>
    appEnvironment(app, endpoints, keysDir);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(SERVICE_NAMES)('satisfies the config schema of %s', (app) => {
    expect(configProblems(APP_CONFIG_SCHEMAS[app], environmentOf(app))).toEqual([]);
  });

  it.each(SERVICE_NAMES)('sets only variables that %s reads', (app) => {
    expect(unknownVariables(APP_CONFIG_SCHEMAS[app], environmentOf(app))).toEqual([]);
  });

  it('signs every call an app makes with a key of its own that its callee trusts', async () => {
    const environments = Object.fromEntries(
      SERVICE_NAMES.map((app) => [app, environmentOf(app)]),
    ) as Environments;

    expect(await refusedCalls(environments)).toEqual([]);
    expect(sharedSigningKeys(environments)).toEqual([]);
  });

  it('points the order service at the stack’s own product and promotion ports', () => {
    const env = appEnvironment(
      'order',
      { ...endpoints, ports: { ...endpoints.ports, product: 4001, promotion: 4003 } },
      keysDir,
    );
    expect(env).toMatchObject({
      PRODUCT_URL: 'http://127.0.0.1:4001',
      PROMOTION_URL: 'http://127.0.0.1:4003',
    });
  });
});
