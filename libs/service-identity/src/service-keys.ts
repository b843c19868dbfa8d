import { z } from 'zod';
import { SERVICE_NAMES, type ServiceName } from '#libs/contracts';

const base64url = z.string().regex(/^[\w-]+$/, { message: 'must be base64url' });

/**
 * The public half of a service's Ed25519 signing key, as a JWK. `kid` names the key so that a
 * callee can hold several keys of one caller while it rotates them.
 */
export const servicePublicKeySchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: base64url,
  kid: z.string().min(1).max(100),
  alg: z.literal('EdDSA').optional(),
  use: z.literal('sig').optional(),
});

/**
 * A service's own Ed25519 private key as a JWK (the public part plus `d`). Both schemas are strict,
 * so a private key pasted where public keys belong is refused rather than quietly accepted.
 */
export const servicePrivateKeySchema = servicePublicKeySchema.extend({ d: base64url });

/**
 * The callers a service accepts, each with the public keys it may sign with (several during a
 * rotation). A key belongs to exactly one caller: a token signed with it can name no other issuer.
 */
export const trustedServiceKeysSchema = z
  .partialRecord(z.enum(SERVICE_NAMES), z.array(servicePublicKeySchema).min(1))
  .refine(
    (trusted) => {
      const kids = Object.values(trusted).flatMap((keys) => keys.map((key) => key.kid));
      return new Set(kids).size === kids.length;
    },
    { message: 'must not use one kid for two keys' },
  );

export type ServicePublicKey = z.output<typeof servicePublicKeySchema>;
export type ServicePrivateKey = z.output<typeof servicePrivateKeySchema>;
export type TrustedServiceKeys = Partial<Record<ServiceName, ServicePublicKey[]>>;

/** The public half of a private key: what the service's callees are given. */
export function publicKeyOf({ kty, crv, x, kid }: ServicePrivateKey): ServicePublicKey {
  return { kty, crv, x, kid };
}
