import { Kafka, logLevel } from 'kafkajs';

/**
 * The id of the cluster answering at these addresses, or undefined when no broker answers (or none
 * is registered yet). One quick attempt without retries: callers poll.
 */
export async function kafkaClusterIdOf(brokers: string[]): Promise<string | undefined> {
  const admin = new Kafka({
    clientId: 'microshop-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? cluster.clusterId : undefined;
  } catch {
    return undefined;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
