import { z } from 'zod';

/** A TCP port given as an environment string. */
export const portVariable = (defaultPort: number) =>
  z.coerce
    .number({ message: 'must be a TCP port number' })
    .int({ message: 'must be a TCP port number' })
    .min(1, { message: 'must be between 1 and 65535' })
    .max(65535, { message: 'must be between 1 and 65535' })
    .default(defaultPort);

/** A positive whole number of milliseconds. */
export const millisecondsVariable = (defaultMs: number) =>
  z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int({ message: 'must be a whole number of milliseconds' })
    .positive({ message: 'must be a positive number of milliseconds' })
    .default(defaultMs);

/** A `postgres://` connection URL. */
export const postgresUrlVariable = () =>
  z
    .string({ message: 'must be a postgres:// URL' })
    .url({ message: 'must be a postgres:// URL' })
    .refine((url) => /^postgres(ql)?:\/\//.test(url), { message: 'must be a postgres:// URL' });

/** A comma-separated list of `host:port` Kafka bootstrap brokers. */
export const kafkaBrokersVariable = () =>
  z
    .string({ message: 'must list Kafka brokers as host:port,host:port' })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    )
    .refine((brokers) => brokers.length > 0 && brokers.every((b) => /^[\w.-]+:\d{1,5}$/.test(b)), {
      message: 'must list Kafka brokers as host:port,host:port',
    });

/** An `http(s)://` base URL of another service. */
export const httpUrlVariable = (defaultUrl: string) =>
  z
    .string()
    .url({ message: 'must be an http(s):// URL' })
    .refine((url) => /^https?:\/\//.test(url), { message: 'must be an http(s):// URL' })
    .default(defaultUrl);

/** Pino log levels. */
export const logLevelVariable = () =>
  z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info');
