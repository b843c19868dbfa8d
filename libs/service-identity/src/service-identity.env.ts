import { z } from 'zod';
import { servicePrivateKeySchema, trustedServiceKeysSchema } from './service-keys.js';

/** Parses a JSON environment string, then validates it; both failures read as one line. */
function jsonVariable<Schema extends z.ZodType>(schema: Schema, expectation: string) {
  return z
    .string({ message: `must be ${expectation}` })
    .transform((raw, context) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: `must be ${expectation}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/**
 * `SERVICE_SIGNING_KEY`: the service's own Ed25519 private key as one JSON object
 * (`{"kty":"OKP","crv":"Ed25519","x":"…","d":"…","kid":"…"}`), used to sign its outgoing calls.
 */
export const serviceSigningKeyVariable = () =>
  jsonVariable(servicePrivateKeySchema, 'an Ed25519 private JWK with a kid, as JSON');

/**
 * `SERVICE_TRUSTED_KEYS`: the callers this service accepts and their public keys, as JSON:
 * `{"gateway":[{"kty":"OKP","crv":"Ed25519","x":"…","kid":"…"}],"order":[…]}`.
 */
export const serviceTrustedKeysVariable = () =>
  jsonVariable(
    trustedServiceKeysSchema,
    'a JSON object of caller service names to arrays of Ed25519 public JWKs',
  );
