import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { EventConsumer } from './event-consumer.js';

/** Ties a consumer group's life to the app's: start after boot, drain before shutdown. */
export class EventConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(readonly consumer: EventConsumer) {}

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
