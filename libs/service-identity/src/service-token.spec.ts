import { decodeJwt, importJWK, SignJWT } from 'jose';
import type { ServiceName } from '#libs/contracts';
import { generateServiceKey } from './generate-service-key.js';
import { publicKeyOf, type ServicePrivateKey } from './service-keys.js';
import { ServiceTokenSigner } from './service-token.signer.js';
import { ServiceTokenVerifier } from './service-token.verifier.js';

const gatewayKey = generateServiceKey('gateway');
const orderKey = generateServiceKey('order');
const start = Date.parse('2026-01-05T10:00:00Z');

function fakeClock() {
  const clock = { now: start, advance: (seconds: number) => (clock.now += seconds * 1000) };
  return clock;
}

function productVerifier(clock = fakeClock()) {
  return new ServiceTokenVerifier({
    service: 'product',
    trustedKeys: { gateway: [publicKeyOf(gatewayKey)], order: [publicKeyOf(orderKey)] },
    now: () => clock.now,
  });
}

function signerFor(service: ServiceName, signingKey: ServicePrivateKey, clock = fakeClock()) {
  return new ServiceTokenSigner({ service, signingKey, now: () => clock.now });
}

/** A token built by hand, to say what a well-behaved signer never would. */
async function handMadeToken(
  key: ServicePrivateKey,
  claims: { iss: string; aud: string; iat: number; exp: number },
  typ = 'service+jwt',
) {
  return new SignJWT({ sub: claims.iss })
    .setProtectedHeader({ alg: 'EdDSA', typ, kid: key.kid })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(await importJWK(key, 'EdDSA'));
}

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { reason?: string }) => error.reason ?? String(error),
  );

describe('service tokens', () => {
  it('name the calling service to the callee they were minted for', async () => {
    const token = await signerFor('gateway', gatewayKey).tokenFor('product');

    await expect(productVerifier().verify(token)).resolves.toMatchObject({
      service: 'gateway',
      keyId: gatewayKey.kid,
    });
  });

  it('are refused once expired', async () => {
    const clock = fakeClock();
    const token = await signerFor('gateway', gatewayKey, clock).tokenFor('product');
    clock.advance(60 + 5 + 1);

    expect(await rejectionOf(productVerifier(clock).verify(token))).toBe('expired');
  });

  it('are refused by a service they were not minted for', async () => {
    const token = await signerFor('gateway', gatewayKey).tokenFor('promotion');

    expect(await rejectionOf(productVerifier().verify(token))).toBe('wrong-audience');
  });

  it('are refused when signed with a key the callee does not trust', async () => {
    const stranger = generateServiceKey('gateway');
    const token = await signerFor('gateway', stranger).tokenFor('product');

    expect(await rejectionOf(productVerifier().verify(token))).toBe('unknown-key');
  });

  it('are refused when their claims were altered after signing', async () => {
    const token = await signerFor('order', orderKey).tokenFor('product');
    const [header, , signature] = token.split('.');
    const claims = { ...decodeJwt(token), iss: 'gateway', sub: 'gateway' };
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature];

    expect(await rejectionOf(productVerifier().verify(forged.join('.')))).toBe('bad-signature');
  });

  it('cannot name another service than the owner of the signing key', async () => {
    const iat = start / 1000;
    const token = await handMadeToken(orderKey, {
      iss: 'gateway',
      aud: 'product',
      iat,
      exp: iat + 60,
    });

    expect(await rejectionOf(productVerifier().verify(token))).toBe('wrong-issuer');
  });

  it('prove nothing beyond the longest accepted lifetime, whatever their expiry says', async () => {
    const clock = fakeClock();
    const iat = start / 1000;
    const token = await handMadeToken(gatewayKey, {
      iss: 'gateway',
      aud: 'product',
      iat,
      exp: iat + 86_400,
    });
    const verifier = productVerifier(clock);
    await expect(verifier.verify(token)).resolves.toMatchObject({ service: 'gateway' });

    clock.advance(300 + 5 + 1);
    expect(await rejectionOf(verifier.verify(token))).toBe('too-old');
  });

  it('are told apart from other JWTs by their type', async () => {
    const iat = start / 1000;
    const claims = { iss: 'gateway', aud: 'product', iat, exp: iat + 60 };
    const token = await handMadeToken(gatewayKey, claims, 'JWT');

    expect(await rejectionOf(productVerifier().verify(token))).toBe('malformed');
  });

  it('refuse what is not a JWT at all', async () => {
    expect(await rejectionOf(productVerifier().verify('not-a-token'))).toBe('malformed');
  });

  it('are accepted from either key of a caller that is rotating its key', async () => {
    const nextKey = generateServiceKey('gateway');
    const verifier = new ServiceTokenVerifier({
      service: 'product',
      trustedKeys: { gateway: [publicKeyOf(gatewayKey), publicKeyOf(nextKey)] },
      now: () => start,
    });
    const clock = fakeClock();

    for (const key of [gatewayKey, nextKey]) {
      const token = await signerFor('gateway', key, clock).tokenFor('product');
      await expect(verifier.verify(token)).resolves.toMatchObject({ keyId: key.kid });
    }
  });

  it('stop being accepted from memory when they expire', async () => {
    const clock = fakeClock();
    const verifier = productVerifier(clock);
    const token = await signerFor('gateway', gatewayKey, clock).tokenFor('product');
    await verifier.verify(token);

    clock.advance(60 + 5 + 1);
    expect(await rejectionOf(verifier.verify(token))).toBe('expired');
  });

  it('are still refused by another service after one service accepted them', async () => {
    const clock = fakeClock();
    const token = await signerFor('gateway', gatewayKey, clock).tokenFor('product');
    await productVerifier(clock).verify(token);

    const promotion = new ServiceTokenVerifier({
      service: 'promotion',
      trustedKeys: { gateway: [publicKeyOf(gatewayKey)] },
      now: () => clock.now,
    });
    expect(await rejectionOf(promotion.verify(token))).toBe('wrong-audience');
  });
});

describe('ServiceTokenSigner', () => {
  it('reuses one token per audience until shortly before it expires', async () => {
    const clock = fakeClock();
    const signer = signerFor('gateway', gatewayKey, clock);
    const first = await signer.tokenFor('product');

    clock.advance(44);
    expect(await signer.tokenFor('product')).toBe(first);
    expect(await signer.tokenFor('order')).not.toBe(first);

    clock.advance(2);
    const renewed = await signer.tokenFor('product');
    expect(renewed).not.toBe(first);
    expect(decodeJwt(renewed).exp).toBe(start / 1000 + 46 + 60);
  });

  it('writes the bearer header value', async () => {
    const signer = signerFor('gateway', gatewayKey);
    expect(await signer.authorizationFor('product')).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
