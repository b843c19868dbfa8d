import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Admin, Kafka } from 'kafkajs';
import type { Gauge } from 'prom-client';
import { KAFKA } from '../kafka.token.js';
import { CONSUMER_LAG, type LagLabel } from '../metrics/messaging-metrics.js';
import { consumerLag, type PartitionEnds } from './consumer-lag.js';

/** Often enough for alerts and dashboards; two cheap admin requests per group and topic. */
const MEASURE_EVERY_MS = 15_000;

/**
 * Measures, every 15 s, how far behind the consumer groups of this process are on each partition
 * (`messaging_consumer_lag_messages`). Only the groups this process runs: the lag of a group is
 * reported by the service that owns it. Every replica reports the same figures; aggregate with
 * `max`.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private readonly groups = new Map<string, string[]>();
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  private measuring?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectMetric(CONSUMER_LAG) private readonly lag: Gauge<LagLabel>,
  ) {}

  /** Reports the lag of `groupId` on `topics` from now on. */
  watch(groupId: string, topics: string[]): void {
    this.groups.set(groupId, topics);
  }

  onApplicationBootstrap(): void {
    if (this.groups.size > 0) this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.measuring;
    await this.forgetAdmin();
  }

  /** Measures every watched group once; the timer calls this every 15 s. */
  async measure(): Promise<void> {
    try {
      const admin = await this.connectedAdmin();
      const endsOf = new Map<string, PartitionEnds[]>();
      for (const [groupId, topics] of this.groups) {
        const committed = await admin.fetchOffsets({ groupId, topics });
        for (const topic of topics) {
          const ends = endsOf.get(topic) ?? (await admin.fetchTopicOffsets(topic));
          endsOf.set(topic, ends);
          const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
          for (const { partition, lag } of consumerLag(ends, partitions)) {
            this.lag.set({ consumer_group: groupId, topic, partition: String(partition) }, lag);
          }
        }
      }
    } catch (error) {
      // The broker is away: readiness says so already. The gauges keep their last values.
      this.logger.debug(`cannot measure consumer lag: ${(error as Error).message}`);
      await this.forgetAdmin();
    }
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.measuring = this.measure().finally(() => this.scheduleNext());
    }, MEASURE_EVERY_MS).unref();
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private async forgetAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
