/**
 * The brokers named by `KAFKA_BROKERS` (a comma-separated `host:port` list), or undefined when it
 * is unset or blank.
 */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv): string[] | undefined {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) return undefined;
  const malformed = brokers.find(
    (broker) => !/^[^\s:]+:\d{1,5}$|^\[[0-9a-f:]+\]:\d{1,5}$/i.test(broker),
  );
  if (malformed !== undefined) {
    throw new Error(`KAFKA_BROKERS must be a comma-separated host:port list, got "${malformed}".`);
  }
  return brokers;
}
