import { randomUUID } from 'node:crypto';
import { type Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { ensureTopics } from './ensure-topics.js';

const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');

describe('ensureTopics', () => {
  const created: string[] = [];
  let admin: Admin;
  const topicName = (purpose: string): string => {
    const name = `${purpose}-${randomUUID().slice(0, 8)}`;
    created.push(name);
    return name;
  };
  const partitionsOf = async (topic: string) =>
    (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];

  beforeAll(async () => {
    admin = new Kafka({
      clientId: 'ensure-topics-spec',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates missing topics with the requested partitions and configs, each partition led', async () => {
    const events = topicName('order.events');
    const deadLetters = topicName('dead-letters');

    await ensureTopics(brokers, [
      { name: events, partitions: 3 },
      { name: deadLetters, partitions: 1, config: { 'retention.ms': '3600000' } },
    ]);

    const eventPartitions = await partitionsOf(events);
    expect(eventPartitions).toHaveLength(3);
    expect(eventPartitions.every((partition) => partition.leader >= 0)).toBe(true);
    expect(await partitionsOf(deadLetters)).toHaveLength(1);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: deadLetters, configNames: ['retention.ms'] },
      ],
    });
    expect(resources[0]?.configEntries).toEqual([
      expect.objectContaining({ configName: 'retention.ms', configValue: '3600000' }),
    ]);
  });

  it('leaves existing topics as they are and creates only the missing ones', async () => {
    const existing = topicName('product.events');
    const added = topicName('promotion.events');
    await ensureTopics(brokers, [{ name: existing, partitions: 2 }]);

    await ensureTopics(brokers, [
      { name: existing, partitions: 5 },
      { name: added, partitions: 4 },
    ]);

    expect(await partitionsOf(existing)).toHaveLength(2);
    expect(await partitionsOf(added)).toHaveLength(4);
  });

  it('refuses a topic with fewer than one partition', async () => {
    await expect(ensureTopics(brokers, [{ name: 'never-created', partitions: 0 }])).rejects.toThrow(
      /positive whole number of partitions/,
    );
  });
});
