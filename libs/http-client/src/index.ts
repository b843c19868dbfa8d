export { ServiceClient, type CallOptions, type ServiceClientOptions } from './service-client.js';
export { UpstreamError } from './upstream.error.js';
