import { join, resolve } from 'node:path';

/** Where a local broker keeps its files inside its data directory. */
export interface KafkaDataPaths {
  dir: string;
  serverProperties: string;
  log4jConfig: string;
  /** The broker's `log.dirs`: topic partitions and the KRaft metadata log. */
  logDirs: string;
  brokerLog: string;
  pidFile: string;
  clusterIdFile: string;
  /** Written after a successful `StorageTool format`; holds the cluster id. */
  formattedMarker: string;
}

/** The layout of a local broker's data directory. */
export function kafkaDataPaths(dataDir: string): KafkaDataPaths {
  const dir = resolve(dataDir);
  return {
    dir,
    serverProperties: join(dir, 'server.properties'),
    log4jConfig: join(dir, 'log4j2.xml'),
    logDirs: join(dir, 'data'),
    brokerLog: join(dir, 'broker.log'),
    pidFile: join(dir, 'broker.pid'),
    clusterIdFile: join(dir, 'cluster.id'),
    formattedMarker: join(dir, 'storage.formatted'),
  };
}
