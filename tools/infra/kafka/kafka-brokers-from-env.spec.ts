import { kafkaBrokersFromEnv } from './kafka-brokers-from-env.js';

describe('kafkaBrokersFromEnv', () => {
  it('names no brokers when KAFKA_BROKERS is unset or blank', () => {
    expect(kafkaBrokersFromEnv({})).toBeUndefined();
    expect(kafkaBrokersFromEnv({ KAFKA_BROKERS: ' , ' })).toBeUndefined();
  });

  it('splits a comma-separated host:port list and trims the entries', () => {
    expect(
      kafkaBrokersFromEnv({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092 ,[::1]:9093' }),
    ).toEqual(['kafka-1:9092', 'kafka-2:9092', '[::1]:9093']);
  });

  it('rejects an entry without a port', () => {
    expect(() => kafkaBrokersFromEnv({ KAFKA_BROKERS: 'kafka-1' })).toThrow(/host:port/);
  });
});
