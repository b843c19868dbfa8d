import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { ReadinessCheck } from '#libs/health';
import { KAFKA } from './kafka.token.js';

/** Ready when the Kafka cluster answers a metadata request. */
@Injectable()
export class KafkaReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin?: Admin;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    // No retries here: the probe itself is retried every few seconds, and a slow "no" is worse
    // than a quick one.
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    try {
      await this.admin.connect();
      await this.admin.describeCluster();
    } catch (error) {
      await this.forgetAdmin();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.forgetAdmin();
  }

  private async forgetAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
