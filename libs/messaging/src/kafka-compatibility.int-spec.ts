import { randomUUID } from 'node:crypto';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { createKafka } from './create-kafka.js';

/**
 * kafkajs 2.2.4 predates Kafka 4, which removed old protocol versions (KIP-896). This proves that
 * the client in use and the broker in use agree: produce, consumer-group join, fetch, commit and
 * headers all work end to end.
 */
describe('kafkajs against the broker in use', () => {
  const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');
  const topic = `compat-${randomUUID()}`;
  let consumer: Consumer | undefined;

  afterEach(async () => {
    await consumer?.disconnect();
  });

  it("delivers one app's message to another app's consumer group with key and headers intact", async () => {
    const admin = createKafka({ clientId: 'product', brokers }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    consumer = createKafka({ clientId: 'recommendation', brokers }).consumer({
      groupId: `recommendation-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<KafkaMessage>((resolve) => {
      void consumer!.run({ eachMessage: async ({ message }) => resolve(message) });
    });

    const producer = createKafka({ clientId: 'product', brokers }).producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        {
          key: 'product-42',
          value: JSON.stringify({ type: 'ProductCreated', productId: 'product-42' }),
          headers: {
            traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
            'event-type': 'ProductCreated',
          },
        },
      ],
    });
    await producer.disconnect();

    const message = await received;
    expect(message.key?.toString()).toBe('product-42');
    expect(JSON.parse(message.value!.toString())).toEqual({
      type: 'ProductCreated',
      productId: 'product-42',
    });
    expect(message.headers?.traceparent?.toString()).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    expect(message.headers?.['event-type']?.toString()).toBe('ProductCreated');
  }, 60_000);
});
