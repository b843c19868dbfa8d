/**
 * The shape of a service token: a JWT signed with the caller's Ed25519 key, `typ: service+jwt` in
 * its header (so a user's access token can never pass for one), `iss` and `sub` the calling
 * service, `aud` the callee.
 */
export const SERVICE_TOKEN = {
  type: 'service+jwt',
  algorithm: 'EdDSA',
  /** Short enough that a leaked token is soon worthless, long enough to be reused for many calls. */
  lifetimeSeconds: 60,
  /** The longest lifetime a verifier accepts, whatever the token claims. */
  maxLifetimeSeconds: 300,
} as const;
