import { Logger } from '@nestjs/common';
import { type logCreator, logLevel } from 'kafkajs';

/**
 * Routes kafkajs's own log lines into the service's logger, so they are JSON and carry `service`.
 * kafkajs reports every failed connection attempt as an ERROR although it retries them itself;
 * they are logged as warnings here, and the code that finally gives up logs the real error.
 */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...extra } = log;
    const line = { message: `${log.namespace ?? ''} ${message}`.trim(), ...extra };
    if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
};
