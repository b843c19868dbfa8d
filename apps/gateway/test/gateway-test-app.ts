import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT } from 'jose';
import { generateServiceKey, publicKeyOf, type TrustedServiceKeys } from '#libs/service-identity';
import { createService } from '#libs/service-defaults';
import { gatewayService } from '../src/gateway.service.js';
import { FakeDownstream } from './fake-downstream.js';

export const TEST_PASSWORD = 'test-demo-password';
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** The key the gateway signs with, and the view a callee has of it. */
const gatewayKey = generateServiceKey('gateway');
export const CALLEES_TRUST: TrustedServiceKeys = { gateway: [publicKeyOf(gatewayKey)] };

/**
 * An access token as the gateway issues them, minted by the test itself (with the test secret) for
 * tests that must not spend a request on signing in.
 */
export function mintAccessToken(userId: string, role: 'customer' | 'admin', expiresAt?: number) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer('microshop-gateway')
    .setAudience('microshop-api')
    .setSubject(userId)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt ?? now + 900)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

export interface GatewayTestApp {
  url: string;
  product: FakeDownstream;
  order: FakeDownstream;
  promotion: FakeDownstream;
  recommendation: FakeDownstream;
  /** An access token for a demo account. */
  tokenFor(email: string): Promise<string>;
  /** Forgets calls and answers of every fake. */
  resetFakes(): void;
  close(): Promise<void>;
}

/**
 * The real gateway app, on a random port, in front of four fake services. `env` overrides
 * variables (a short `DOWNSTREAM_TIMEOUT_MS`, a small rate limit...).
 */
export async function startGateway(env: NodeJS.ProcessEnv = {}): Promise<GatewayTestApp> {
  const [product, order, promotion, recommendation] = await Promise.all(
    [1, 2, 3, 4].map(() => FakeDownstream.start()),
  );
  const fakes = [product!, order!, promotion!, recommendation!];
  const { app } = await createService(gatewayService, {
    LOG_LEVEL: 'silent',
    PRODUCT_URL: product!.url,
    ORDER_URL: order!.url,
    PROMOTION_URL: promotion!.url,
    RECOMMENDATION_URL: recommendation!.url,
    DEMO_PASSWORD: TEST_PASSWORD,
    JWT_SECRET: TEST_JWT_SECRET,
    SERVICE_SIGNING_KEY: JSON.stringify(gatewayKey),
    ...env,
  });
  await (app as NestExpressApplication).listen(0, '127.0.0.1');
  const url = await app.getUrl();

  return {
    url,
    product: product!,
    order: order!,
    promotion: promotion!,
    recommendation: recommendation!,
    async tokenFor(email) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login of ${email}: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    resetFakes() {
      for (const fake of fakes) fake.reset();
    },
    async close() {
      await app.close();
      await Promise.all(fakes.map((fake) => fake.stop()));
    },
  };
}
