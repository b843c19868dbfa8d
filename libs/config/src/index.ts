export { ConfigError } from './config-error.js';
export {
  httpUrlVariable,
  kafkaBrokersVariable,
  logLevelVariable,
  millisecondsVariable,
  portVariable,
  postgresUrlVariable,
} from './env-schemas.js';
export { loadConfig } from './load-config.js';
export {
  publicEntryEnvSchema,
  serviceEnvSchema,
  type AppEnv,
  type ServiceEnv,
} from './service-env.schema.js';
