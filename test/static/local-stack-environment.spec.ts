import { SERVICE_NAMES } from '#libs/contracts';
import { appEnvironment } from '../../tools/stack/app-environment.js';
import { APP_CONFIG_SCHEMAS, configProblems, unknownVariables } from './app-config-schemas.js';

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

  it.each(SERVICE_NAMES)('satisfies the config schema of %s', (app) => {
    expect(configProblems(APP_CONFIG_SCHEMAS[app], appEnvironment(app, endpoints))).toEqual([]);
  });

  it.each(SERVICE_NAMES)('sets only variables that %s reads', (app) => {
    expect(unknownVariables(APP_CONFIG_SCHEMAS[app], appEnvironment(app, endpoints))).toEqual([]);
  });

  it('points the order service at the stack’s own product and promotion ports', () => {
    const env = appEnvironment('order', {
      ...endpoints,
      ports: { ...endpoints.ports, product: 4001, promotion: 4003 },
    });
    expect(env).toMatchObject({
      PRODUCT_URL: 'http://127.0.0.1:4001',
      PROMOTION_URL: 'http://127.0.0.1:4003',
    });
  });
});
