import { jest } from '@jest/globals';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { OutboxCommitSignal } from './outbox-commit-signal.js';

/** A data source that records the statements sent outside transactions. */
function fakeDataSource() {
  const notifications: Array<() => void> = [];
  const query = jest.fn(() => new Promise<void>((resolve) => notifications.push(resolve)));
  const dataSource = { subscribers: [], query } as unknown as DataSource;
  return {
    dataSource,
    query,
    answerNotifications: () => notifications.splice(0).forEach((f) => f()),
  };
}

function transactionOn(dataSource: DataSource, active = true) {
  const queryRunner = { isTransactionActive: active, data: {} } as QueryRunner;
  return { queryRunner, manager: { dataSource, queryRunner } as unknown as EntityManager };
}

const woken = async (signal: OutboxCommitSignal) => {
  let done = false;
  const waiting = signal.wakeUp.wait(60_000).then(() => (done = true));
  await Promise.resolve();
  return { done: () => done, waiting };
};

describe('OutboxCommitSignal', () => {
  // The relay's idle poll must never be what wakes it here.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('is one subscriber per data source', () => {
    const { dataSource } = fakeDataSource();
    expect(OutboxCommitSignal.of(dataSource)).toBe(OutboxCommitSignal.of(dataSource));
    expect(dataSource.subscribers).toHaveLength(1);
  });

  it('wakes the relay when the writing transaction commits, not before', async () => {
    const { dataSource } = fakeDataSource();
    const signal = OutboxCommitSignal.of(dataSource);
    signal.localRelayLeads = true;
    const { queryRunner, manager } = transactionOn(dataSource);
    const relay = await woken(signal);

    signal.appended(manager);
    await Promise.resolve();
    expect(relay.done()).toBe(false);

    (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
    signal.afterTransactionCommit({ queryRunner } as never);
    await relay.waiting;
    expect(relay.done()).toBe(true);
  });

  it('waits for the outermost commit when a savepoint is released', async () => {
    const { dataSource } = fakeDataSource();
    const signal = OutboxCommitSignal.of(dataSource);
    signal.localRelayLeads = true;
    const { queryRunner, manager } = transactionOn(dataSource);
    const relay = await woken(signal);

    signal.appended(manager);
    signal.afterTransactionCommit({ queryRunner } as never); // still active: a savepoint
    await Promise.resolve();
    expect(relay.done()).toBe(false);
  });

  it('forgets the rows of a rolled-back transaction', async () => {
    const { dataSource } = fakeDataSource();
    const signal = OutboxCommitSignal.of(dataSource);
    signal.localRelayLeads = true;
    const { queryRunner, manager } = transactionOn(dataSource);
    signal.appended(manager);
    (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
    signal.afterTransactionRollback({ queryRunner } as never);
    const relay = await woken(signal);

    signal.afterTransactionCommit({ queryRunner } as never);
    await Promise.resolve();
    expect(relay.done()).toBe(false);
  });

  it('sends no NOTIFY while the relay of this process leads', () => {
    const { dataSource, query } = fakeDataSource();
    const signal = OutboxCommitSignal.of(dataSource);
    signal.localRelayLeads = true;
    signal.appended(transactionOn(dataSource, false).manager);
    expect(query).not.toHaveBeenCalled();
  });

  it('notifies other processes otherwise, coalescing a burst of commits', async () => {
    const { dataSource, query, answerNotifications } = fakeDataSource();
    const signal = OutboxCommitSignal.of(dataSource);
    for (let i = 0; i < 5; i++) signal.appended(transactionOn(dataSource, false).manager);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith('SELECT pg_notify($1, $2)', ['outbox_messages', '']);

    answerNotifications();
    await new Promise((resolve) => setImmediate(resolve));
    // The commits that arrived while the first NOTIFY was in flight share one more.
    expect(query).toHaveBeenCalledTimes(2);
    answerNotifications();
    await new Promise((resolve) => setImmediate(resolve));
    expect(query).toHaveBeenCalledTimes(2);
  });
});
