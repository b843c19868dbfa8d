import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { untraced } from '#libs/observability';
import { WakeUp } from '../wake-up.js';
import { OUTBOX_CHANNEL } from './outbox-channel.js';

/** Marks, on a transaction's query runner, that it wrote outbox rows. */
const APPENDED = 'outboxAppended';

const signals = new WeakMap<DataSource, OutboxCommitSignal>();

/**
 * Wakes the outbox relay when a transaction that wrote outbox rows has committed.
 *
 * Why not `NOTIFY` inside the writing transaction: PostgreSQL serialises the commits of all
 * transactions that issued NOTIFY (a database-wide lock held through the commit's WAL flush), so
 * every business transaction would queue behind the others' commits. Instead:
 * - this process's relay is woken in memory right after the commit, at no cost to the transaction;
 * - only when another process's relay holds the publishing lock (several replicas, or
 *   OUTBOX_RELAY=off here) is a NOTIFY sent, after the commit and outside the business
 *   transaction, coalesced so that a burst of commits sends a few, not one each.
 * If a relay changes hands between two commits, the relay's idle poll (one second) is the bound.
 */
export class OutboxCommitSignal implements EntitySubscriberInterface {
  /** What the relay of this process waits on. */
  readonly wakeUp = new WakeUp();
  /** Set by this process's relay: whether it held the publishing lock at its last attempt. */
  localRelayLeads = false;
  private notifying = false;
  private notifyAgain = false;

  private constructor(private readonly dataSource: DataSource) {}

  /** The one signal of a data source, registered as its subscriber on first use. */
  static of(dataSource: DataSource): OutboxCommitSignal {
    let signal = signals.get(dataSource);
    if (!signal) {
      signal = new OutboxCommitSignal(dataSource);
      signals.set(dataSource, signal);
      dataSource.subscribers.push(signal);
    }
    return signal;
  }

  /** Called by the writer after its INSERT: the relay is woken when `transaction` commits. */
  appended(transaction: EntityManager): void {
    const runner = transaction.queryRunner;
    if (runner?.isTransactionActive) runner.data[APPENDED] = true;
    else this.committed(); // no transaction around the INSERT: the row is already visible
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // A released savepoint is reported as a commit too: only the outermost commit counts.
    if (queryRunner.isTransactionActive || !queryRunner.data[APPENDED]) return;
    delete queryRunner.data[APPENDED];
    this.committed();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) delete queryRunner.data[APPENDED];
  }

  private committed(): void {
    this.wakeUp.fire();
    if (!this.localRelayLeads) this.notifyOtherProcesses();
  }

  private notifyOtherProcesses(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    untraced(() => this.dataSource.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']))
      // A lost wake-up costs at most the relay's idle poll; the commit itself has succeeded.
      .catch(() => undefined)
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.notifyOtherProcesses();
        }
      });
  }
}
