import { type Admin, Kafka, logLevel } from 'kafkajs';
import { pollUntil } from '../process/poll-until.js';
import type { TopicSpec } from './topic-spec.js';

const LEADER_TIMEOUT_MS = 30_000;

/**
 * Creates the topics that do not exist yet (brokers here do not auto-create them) with the given
 * partitions and configs, and resolves once every listed topic has a leader for each partition.
 * Topics that already exist are left exactly as they are, even if their partition count differs.
 */
export async function ensureTopics(brokers: string[], topics: TopicSpec[]): Promise<void> {
  for (const topic of topics) {
    if (!Number.isInteger(topic.partitions) || topic.partitions < 1) {
      throw new Error(`Topic "${topic.name}" needs a positive whole number of partitions.`);
    }
  }
  const admin = new Kafka({
    clientId: 'microshop-ensure-topics',
    brokers,
    // Failures surface as rejections; kafkajs would also log "topic already exists" as an error.
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      // Returns false instead of throwing when a concurrent caller created some of them first.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          configEntries: Object.entries(topic.config ?? {}).map(([name, value]) => ({
            name,
            value,
          })),
        })),
      });
    }
    await waitForLeaders(
      admin,
      topics.map((topic) => topic.name),
    );
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const led = await pollUntil(
    async () => {
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: names });
        return topics.every(
          (topic) =>
            topic.partitions.length > 0 &&
            topic.partitions.every((partition) => partition.leader >= 0),
        );
      } catch {
        return false; // e.g. UNKNOWN_TOPIC_OR_PARTITION while the creation propagates
      }
    },
    { timeoutMs: LEADER_TIMEOUT_MS, intervalMs: 100 },
  );
  if (!led) {
    throw new Error(
      `Topics ${names.join(', ')} have no leader after ${LEADER_TIMEOUT_MS / 1000} s.`,
    );
  }
}
