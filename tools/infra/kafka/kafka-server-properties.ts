/**
 * `server.properties` for a single-node KRaft broker (broker and controller in one JVM) that only
 * listens on 127.0.0.1, sized for a laptop rather than for throughput.
 */
export function kafkaServerProperties(options: {
  port: number;
  controllerPort: number;
  logDirs: string;
}): string {
  const { port, controllerPort, logDirs } = options;
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.bootstrap.servers': `127.0.0.1:${controllerPort}`,
    'log.dirs': logDirs,
    // Topics are created explicitly from the contracts, so a typo cannot create a stray topic.
    'auto.create.topics.enable': 'false',
    'num.partitions': 3,
    'default.replication.factor': 1,
    // Internal topics default to 3 replicas, which one broker cannot host: consumer groups and
    // transactions would fail with "coordinator not available".
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // One partition each (default 50) makes the coordinators ready sooner after a fresh start.
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.num.partitions': 1,
    // Consumers join at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms': 0,
    // Fewer threads than the server defaults (3 network, 8 I/O) for a 2-core laptop.
    'num.network.threads': 2,
    'num.io.threads': 2,
    'num.recovery.threads.per.data.dir': 1,
    // The log cleaner's dedupe buffer is a 128 MiB heap array by default; with 8 MiB the broker's
    // RSS dropped from ~290 MB to ~155 MB (measured), and compacted topics here are tiny.
    'log.cleaner.dedupe.buffer.size': 8 * 1024 * 1024,
    // Small segments and bounded retention so a laptop's disk does not fill up.
    'log.segment.bytes': 16 * 1024 * 1024,
    'log.index.size.max.bytes': 1024 * 1024,
    'log.retention.hours': 72,
    'log.retention.bytes': 64 * 1024 * 1024,
    'log.retention.check.interval.ms': 60_000,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  return `# Written by tools/infra/kafka on every start; edits here are overwritten.\n${lines.join('\n')}\n`;
}
