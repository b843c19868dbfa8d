import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SagaState } from './domain/saga-state.js';
import type { SagaStatus } from './domain/saga-status.js';
import type { AwaitedStep, CompensationStep } from './domain/saga-step.js';
import type { StepRecord } from './domain/step-record.js';

interface SagaRow {
  order_id: string;
  status: SagaStatus;
  has_coupon: boolean;
  step: AwaitedStep | null;
  attempt: number;
  compensations_left: CompensationStep[];
  reason: string | null;
  started_at: Date;
  deadline: Date;
  next_action_at: Date | null;
}

/** A saga's state and timeline, in the order service's database. */
@Injectable()
export class SagaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(transaction: EntityManager, state: SagaState): Promise<void> {
    await transaction.query(
      `INSERT INTO order_sagas (order_id, status, has_coupon, step, attempt, compensations_left,
                                reason, started_at, deadline, next_action_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        state.orderId,
        state.status,
        state.hasCoupon,
        state.step,
        state.attempt,
        state.compensationsLeft,
        state.reason,
        state.startedAt,
        state.deadline,
        state.nextActionAt,
      ],
    );
  }

  /**
   * The saga, locked until the transaction ends: replies, the sweeper, a cancel and an admin retry
   * of one saga take their turns. Undefined for an order this service does not know.
   */
  async lock(transaction: EntityManager, orderId: string): Promise<SagaState | undefined> {
    const rows: SagaRow[] = await transaction.query(
      'SELECT * FROM order_sagas WHERE order_id = $1 FOR UPDATE',
      [orderId],
    );
    return rows[0] && stateOf(rows[0]);
  }

  /**
   * Up to `limit` sagas whose step is due, locked. SKIP LOCKED: a saga another replica (or a reply)
   * is working on right now is left to it, so two order replicas never drive one saga at once.
   */
  async lockDue(transaction: EntityManager, now: Date, limit: number): Promise<SagaState[]> {
    const rows: SagaRow[] = await transaction.query(
      `SELECT * FROM order_sagas
        WHERE next_action_at <= $1
        ORDER BY next_action_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(stateOf);
  }

  async save(transaction: EntityManager, state: SagaState): Promise<void> {
    await transaction.query(
      `UPDATE order_sagas
          SET status = $2, step = $3, attempt = $4, compensations_left = $5, reason = $6,
              next_action_at = $7, updated_at = now()
        WHERE order_id = $1`,
      [
        state.orderId,
        state.status,
        state.step,
        state.attempt,
        state.compensationsLeft,
        state.reason,
        state.nextActionAt,
      ],
    );
  }

  async appendRecords(
    transaction: EntityManager,
    orderId: string,
    records: readonly StepRecord[],
  ): Promise<void> {
    if (records.length === 0) return;
    await transaction.query(
      `INSERT INTO order_saga_steps (order_id, step, kind, outcome, reason, attempt, at)
       SELECT $1, r.step, r.kind, r.outcome, r.reason, r.attempt, r.at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[])
              AS r (step, kind, outcome, reason, attempt, at)`,
      [
        orderId,
        records.map((r) => r.step),
        records.map((r) => r.kind),
        records.map((r) => r.outcome),
        records.map((r) => r.reason),
        records.map((r) => r.attempt),
        records.map((r) => r.at),
      ],
    );
  }

  /** The saga's state and its timeline, oldest first; undefined for an unknown order. */
  async findWithTimeline(
    orderId: string,
  ): Promise<{ state: SagaState; timeline: StepRecord[] } | undefined> {
    const [row]: SagaRow[] = await this.dataSource.query(
      'SELECT * FROM order_sagas WHERE order_id = $1',
      [orderId],
    );
    if (!row) return undefined;
    const timeline: StepRecord[] = await this.dataSource.query(
      `SELECT step, kind, outcome, reason, attempt, at
         FROM order_saga_steps WHERE order_id = $1 ORDER BY id`,
      [orderId],
    );
    return { state: stateOf(row), timeline };
  }

  /**
   * How many sagas are unfinished, and how many of those are parked, for the gauges. Both counts
   * read a partial index (unfinished sagas only), so a scrape costs the same however many orders
   * the shop has placed.
   */
  async counts(): Promise<{ inFlight: number; parked: number }> {
    const [row]: { waiting: number; parked: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM order_sagas WHERE next_action_at IS NOT NULL)::int AS waiting,
              (SELECT count(*) FROM order_sagas WHERE status = 'COMPENSATION_FAILED')::int AS parked`,
    );
    const parked = row?.parked ?? 0;
    return { inFlight: (row?.waiting ?? 0) + parked, parked };
  }
}

function stateOf(row: SagaRow): SagaState {
  return {
    orderId: row.order_id,
    hasCoupon: row.has_coupon,
    status: row.status,
    step: row.step,
    attempt: row.attempt,
    compensationsLeft: row.compensations_left,
    reason: row.reason,
    startedAt: row.started_at,
    deadline: row.deadline,
    nextActionAt: row.next_action_at,
  };
}
