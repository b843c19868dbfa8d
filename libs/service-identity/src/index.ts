export { CallerService, verifiedCallerOf } from './caller-service.decorator.js';
export { generateServiceKey } from './generate-service-key.js';
export { serviceSigningKeyVariable, serviceTrustedKeysVariable } from './service-identity.env.js';
export { ServiceIdentityGuard, UNSIGNED_PATHS } from './service-identity.guard.js';
export { ServiceIdentityModule, type ServiceIdentityOptions } from './service-identity.module.js';
export {
  publicKeyOf,
  servicePrivateKeySchema,
  servicePublicKeySchema,
  trustedServiceKeysSchema,
  type ServicePrivateKey,
  type ServicePublicKey,
  type TrustedServiceKeys,
} from './service-keys.js';
export { ServiceTokenRejected, type ServiceTokenRejection } from './service-token.rejected.js';
export { ServiceTokenSigner, type ServiceTokenSignerOptions } from './service-token.signer.js';
export { SERVICE_TOKEN } from './service-token.js';
export {
  ServiceTokenVerifier,
  type ServiceTokenVerifierOptions,
} from './service-token.verifier.js';
export type { VerifiedCaller } from './verified-caller.js';
