export { ApiDocsModule, type ApiDocsOptions } from './api-docs.module.js';
export type { ApiOperation, NamedSchema, ResponseSpec } from './api-operation.js';
export {
  buildOpenApiDocument,
  type AccessRule,
  type ApiDocumentOptions,
  type JsonObject,
} from './openapi-document.js';
export {
  problemResponseName,
  problemSchema,
  STANDARD_PROBLEMS,
  type ProblemSpec,
} from './problem-responses.js';
export { faultSettingsOperations } from './fault-settings-operations.js';
export { documentedRoutesOf, registeredRoutesOf } from './registered-routes.js';
export {
  buildServiceApiDocument,
  type ServiceAccess,
  type ServiceOperation,
} from './service-api-document.js';
