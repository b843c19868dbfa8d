export type { RetryAfterPolicy } from './retry-after.policy.js';
export { ServiceClient, type CallOptions, type ServiceClientOptions } from './service-client.js';
export { UpstreamError } from './upstream.error.js';
