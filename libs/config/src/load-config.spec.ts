import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { kafkaBrokersVariable, portVariable, postgresUrlVariable } from './env-schemas.js';
import { loadConfig } from './load-config.js';

const schema = z.object({
  PORT: portVariable(3001),
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
});

const validEnv = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  KAFKA_BROKERS: 'a:9092, b:9093',
};

describe('loadConfig', () => {
  it('applies defaults and parses typed values', () => {
    expect(loadConfig(schema, validEnv)).toEqual({
      PORT: 3001,
      DATABASE_URL: 'postgres://u:p@localhost:5432/db',
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
    });
  });

  it('names a missing variable in one line', () => {
    const env = { KAFKA_BROKERS: 'a:9092' };
    expect(() => loadConfig(schema, env)).toThrow(
      'config error: DATABASE_URL must be a postgres:// URL (it is not set)',
    );
  });

  it('names a malformed variable and echoes what it got', () => {
    const act = () => loadConfig(schema, { ...validEnv, PORT: 'eighty' });
    expect(act).toThrow(ConfigError);
    expect(act).toThrow('config error: PORT must be a TCP port number (got "eighty")');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig(schema, { ...validEnv, PORT: '70000' })).toThrow(
      /PORT must be between 1 and 65535/,
    );
  });

  it('refuses a broker list without ports', () => {
    expect(() => loadConfig(schema, { ...validEnv, KAFKA_BROKERS: 'localhost' })).toThrow(
      /KAFKA_BROKERS must list Kafka brokers/,
    );
  });

  it('produces a single-line message', () => {
    try {
      loadConfig(schema, {});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
