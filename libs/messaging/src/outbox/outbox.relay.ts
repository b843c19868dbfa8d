import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Kafka, Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import type { Counter } from 'prom-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { untraced } from '#libs/observability';
import { KAFKA } from '../kafka.token.js';
import {
  EVENTS_PUBLISHED,
  type PublishedLabel,
  unregisteredEventsPublished,
} from '../metrics/messaging-metrics.js';
import { OUTBOX_CHANNEL } from './outbox-channel.js';
import { OutboxCommitSignal } from './outbox-commit-signal.js';
import { byTopic, endPublicationSpans, publicationOf } from './outbox-publication.js';
import type { OutboxRow } from './outbox-row.js';

const BATCH_SIZE = 200;
/** A safety net only: commits wake the relay long before this (see OutboxCommitSignal). */
const IDLE_POLL_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const PURGE_EVERY_MS = 60_000;
/** Any constant shared by every replica of a service: only one relay may publish at a time. */
export const RELAY_LOCK_ID = 0x0b0c5;

/**
 * Publishes committed outbox rows to Kafka, oldest first, then marks them published.
 *
 * - Wakes when a transaction that wrote outbox rows commits: in memory for commits in this process,
 *   by PostgreSQL NOTIFY for commits in other processes (see OutboxCommitSignal), so events leave
 *   within milliseconds without a busy poll.
 * - Selects *unpublished* rows rather than "rows after the last id", so a row whose transaction
 *   took a lower id but committed later (a sequence gap) is still published.
 * - Works on one dedicated PostgreSQL session that also LISTENs, and holds a session-level
 *   advisory lock on it while it leads, so two replicas never interleave and per-key order
 *   survives scaling out. The lock and the reads and writes share the session: if the session
 *   dies, the lock goes with it and this relay's next query fails before it can publish again.
 *   A wake-up costs two statements (select, mark published), not a transaction of five.
 * - At least once: a crash after the send and before the update republishes the batch; consumers
 *   deduplicate on the event id (see the inbox).
 * - Traces each row's send as a child of the request that wrote it (see `publicationOf`), while
 *   its own polling stays untraced.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly producer: Producer;
  private readonly signal: OutboxCommitSignal;
  private readonly stopping = new AbortController();
  /** The relay's own session: LISTEN, the publishing lock, and every read and write. */
  private session?: PoolClient;
  private leads = false;
  private producerConnected = false;
  private loop?: Promise<void>;
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) kafka: Kafka,
    @InjectMetric(EVENTS_PUBLISHED)
    private readonly published: Counter<PublishedLabel> = unregisteredEventsPublished(),
  ) {
    // One request in flight, so a retried send cannot overtake the next one: per-partition order
    // holds. Duplicates from retries are possible and harmless: consumers deduplicate on event id.
    this.producer = kafka.producer({ maxInFlightRequests: 1 });
    this.signal = OutboxCommitSignal.of(dataSource);
  }

  private get wakeUp() {
    return this.signal.wakeUp;
  }

  onApplicationBootstrap(): void {
    // Every wake-up queries the outbox: traced, each would be a trace of its own, every second.
    // Untraced also keeps the kafkajs instrumentation from replacing the rows' `traceparent`.
    this.loop = untraced(() => this.run());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.signal.localRelayLeads = false;
    this.wakeUp.fire();
    await this.loop;
    const session = this.session;
    this.session = undefined;
    if (session && this.leads) {
      // Handed over now, not when the server notices the session has gone: another replica's
      // relay can lead from its next wake-up.
      await session.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_ID]).catch(() => undefined);
    }
    this.leads = false;
    // Destroyed, not returned to the pool: it LISTENs.
    session?.release(true);
    await this.producer.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let backoffMs = 200;
    while (!this.stopping.signal.aborted) {
      try {
        await this.connect();
        // Only a full batch can leave rows behind. After a partial one, a commit that came in
        // meanwhile has fired the wake-up, so the wait below returns at once; asking again now
        // would cost one more, empty, query on every wake-up.
        while (!this.stopping.signal.aborted && (await this.publishBatch()) === BATCH_SIZE);
        await this.purgePublished();
        backoffMs = 200;
        await this.wakeUp.wait(IDLE_POLL_MS);
      } catch (error) {
        this.logger.warn(`outbox relay paused ${backoffMs} ms: ${(error as Error).message}`);
        await sleep(backoffMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async connect(): Promise<void> {
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    if (!this.session) {
      const pool = (
        this.dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }
      ).master;
      const client = await pool.connect();
      client.on('notification', () => this.wakeUp.fire());
      client.on('error', () => this.dropSession(client));
      try {
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        client.release(true);
        throw error;
      }
      this.session = client;
    }
  }

  private dropSession(client: PoolClient): void {
    if (this.session !== client) return;
    this.session = undefined;
    this.leads = this.signal.localRelayLeads = false;
    client.release(true);
    this.wakeUp.fire();
  }

  /** Publishes up to one batch; returns how many rows it published. */
  private async publishBatch(): Promise<number> {
    const session = this.session!;
    try {
      if (!(await this.holdRelayLock(session))) return 0;
      const { rows } = await session.query<OutboxRow>(
        `SELECT id, topic, message_key, envelope FROM outbox_messages
          WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.send(rows);
      await session.query(
        'UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])',
        [rows.map((row) => row.id)],
      );
      return rows.length;
    } catch (error) {
      // Whatever state the session is in, a new one (and a new try for the lock) is safe.
      this.dropSession(session);
      throw error;
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const publications = rows.map((row) => publicationOf(row, rows.length));
    try {
      await this.producer.sendBatch({ topicMessages: byTopic(publications), acks: -1 });
    } catch (error) {
      endPublicationSpans(publications, error);
      throw error;
    }
    endPublicationSpans(publications);
    for (const { topic } of publications) this.published.inc({ topic });
  }

  /** Takes the publishing lock unless this session holds it already; whether it does now. */
  private async holdRelayLock(session: PoolClient): Promise<boolean> {
    if (!this.leads) {
      const { rows } = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [RELAY_LOCK_ID],
      );
      this.leads = rows[0]?.locked === true;
    }
    // While this relay leads, commits in this process need no NOTIFY to reach it.
    this.signal.localRelayLeads = this.leads && !this.stopping.signal.aborted;
    return this.leads;
  }

  /** Published rows are kept for an hour for inspection, then removed. */
  private async purgePublished(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox_messages WHERE published_at < now() - interval '1 hour'`,
    );
  }
}
