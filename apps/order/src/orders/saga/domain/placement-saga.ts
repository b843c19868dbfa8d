import { SAGA_REASONS } from './saga-reasons.js';
import type { SagaReply } from './saga-reply.js';
import type { SagaState } from './saga-state.js';
import { isFinished } from './saga-status.js';
import {
  type AwaitedStep,
  type CompensableStep,
  compensationsFor,
  type CompensationStep,
  isCompensable,
  isCompensation,
} from './saga-step.js';
import { retryDelayMs, type SagaTiming } from './saga-timing.js';
import type { SagaDecision, SagaIgnored, SagaTransition } from './saga-transition.js';
import type { StepRecord } from './step-record.js';

/**
 * The saga that places an order, as pure functions from (state, what happened, now) to the next
 * decision: reserve stock → redeem the coupon (if any) → confirm the order (the pivot) → commit
 * the stock. Before the pivot a refusal, a missed deadline or the customer's cancel compensates
 * newest first (release the coupon, release the stock) and the order ends CANCELLED; after the
 * pivot the commit is only retried. No I/O, no clock: the orchestrator stores each decision, its
 * timeline lines and its command in one transaction.
 */
export const PlacementSaga = {
  /** A new saga for a PENDING order: its first command is ReserveStock. */
  start(orderId: string, hasCoupon: boolean, now: Date, timing: SagaTiming): SagaTransition {
    const deadline = new Date(now.getTime() + timing.deadlineMs);
    const state: SagaState = {
      orderId,
      hasCoupon,
      status: 'RUNNING',
      step: 'reserve-stock',
      attempt: 1,
      compensationsLeft: [],
      reason: null,
      startedAt: now,
      deadline,
      nextActionAt: forwardDeadline(now, deadline, timing),
    };
    return {
      state,
      records: [record('reserve-stock', 'started', now)],
      send: 'reserve-stock',
      orderChange: null,
    };
  },

  /**
   * A participant answered. Only the answer for the step the saga is waiting on counts: anything
   * else is a late or duplicate reply (for a step the saga has left after a timeout, say) and is
   * ignored. A parked saga still takes the answer it waits for: the compensation got through late.
   */
  onReply(state: SagaState, reply: SagaReply, now: Date, timing: SagaTiming): SagaDecision {
    if (isFinished(state.status)) return ignored('finished');
    if (reply.step !== state.step) return ignored('late-or-duplicate');
    if (isCompensation(state.step)) {
      // Releases are never refused; a refusal here can only be a foreign or corrupt message.
      if (reply.outcome !== 'succeeded') return ignored('late-or-duplicate');
      return compensated(state, state.step, now, timing);
    }
    if (state.status === 'COMMITTING') {
      const done: SagaState = { ...state, status: 'COMPLETED', step: null, nextActionAt: null };
      return transition(done, [record('commit-stock', 'succeeded', now, state.attempt)]);
    }
    const step = state.step as CompensableStep;
    if (reply.outcome === 'refused') {
      const failed = record(step, 'failed', now, state.attempt, reply.reason);
      return compensate(state, compensationsFor(step, false), reply.reason, [failed], now, timing);
    }
    const succeeded = record(step, 'succeeded', now, state.attempt);
    if (step === 'reserve-stock' && state.hasCoupon) {
      return forward(state, 'redeem-coupon', [succeeded], now, timing);
    }
    return pivot(state, succeeded, now, timing);
  },

  /**
   * The current step's time is up (the sweeper found it due). Before the pivot the command is
   * resent until the saga's deadline, then the saga compensates with ORDER.SAGA_TIMEOUT; after the
   * pivot it is resent with backoff for as long as it takes; a compensation is resent with backoff
   * and parks the saga after its last attempt.
   */
  onDeadline(state: SagaState, now: Date, timing: SagaTiming): SagaDecision {
    if (isFinished(state.status)) return ignored('finished');
    if (!state.step || !state.nextActionAt || state.nextActionAt > now) return ignored('not-due');
    const step = state.step;
    if (state.status === 'RUNNING' && isCompensable(step)) {
      if (now < state.deadline)
        return resend(state, forwardDeadline(now, state.deadline, timing), now);
      const reason = SAGA_REASONS.timeout;
      const timedOut = record(step, 'timed-out', now, state.attempt, reason);
      return compensate(state, compensationsFor(step, true), reason, [timedOut], now, timing);
    }
    if (state.status === 'COMPENSATING' && state.attempt >= timing.compensationMaxAttempts) {
      const parked: SagaState = { ...state, status: 'COMPENSATION_FAILED', nextActionAt: null };
      return transition(
        parked,
        [record(step, 'parked', now, state.attempt, state.reason)],
        null,
        'fail-compensation',
      );
    }
    const nextAttempt = state.attempt + 1;
    return resend(state, new Date(now.getTime() + retryDelayMs(nextAttempt, timing)), now);
  },

  /**
   * The customer cancels a PENDING order: possible only before the pivot, while the saga goes
   * forward. The step in flight may have taken effect, so it is undone too. Cancelling again an
   * order the customer already cancelled changes nothing; anything else is refused.
   */
  cancelByCustomer(
    state: SagaState,
    now: Date,
    timing: SagaTiming,
  ): SagaTransition | 'already-cancelled' | 'not-cancellable' {
    if (state.reason === SAGA_REASONS.cancelledByCustomer) return 'already-cancelled';
    if (state.status !== 'RUNNING' || !isCompensable(state.step)) return 'not-cancellable';
    const reason = SAGA_REASONS.cancelledByCustomer;
    const cancelled = record(state.step, 'cancelled', now, state.attempt, reason);
    return compensate(state, compensationsFor(state.step, true), reason, [cancelled], now, timing);
  },

  /** An admin resumes a parked compensation: it gets a full set of attempts again. */
  retryCompensation(state: SagaState, now: Date, timing: SagaTiming): SagaTransition | undefined {
    if (state.status !== 'COMPENSATION_FAILED' || !isCompensation(state.step)) return undefined;
    const resumed: SagaState = {
      ...state,
      status: 'COMPENSATING',
      attempt: 1,
      nextActionAt: new Date(now.getTime() + retryDelayMs(1, timing)),
    };
    return transition(resumed, [record(state.step, 'retried', now, 1, state.reason)], state.step);
  },
};

/** The next forward step before the pivot. */
function forward(
  state: SagaState,
  step: CompensableStep,
  records: StepRecord[],
  now: Date,
  timing: SagaTiming,
): SagaTransition {
  const next: SagaState = {
    ...state,
    step,
    attempt: 1,
    nextActionAt: forwardDeadline(now, state.deadline, timing),
  };
  return transition(next, [...records, record(step, 'started', now)], step);
}

/** Confirms the order (the point of no return) and sends CommitStock. */
function pivot(
  state: SagaState,
  succeeded: StepRecord,
  now: Date,
  timing: SagaTiming,
): SagaTransition {
  const committing: SagaState = {
    ...state,
    status: 'COMMITTING',
    step: 'commit-stock',
    attempt: 1,
    nextActionAt: new Date(now.getTime() + retryDelayMs(1, timing)),
  };
  return transition(
    committing,
    [
      succeeded,
      record('confirm-order', 'started', now),
      record('confirm-order', 'succeeded', now),
      record('commit-stock', 'started', now),
    ],
    'commit-stock',
    'confirm',
  );
}

/** Starts giving back what the saga may hold, newest first; with nothing held, cancels at once. */
function compensate(
  state: SagaState,
  compensations: readonly CompensationStep[],
  reason: string,
  records: StepRecord[],
  now: Date,
  timing: SagaTiming,
): SagaTransition {
  return nextCompensation({ ...state, reason }, compensations, records, now, timing);
}

/** The current compensation got through: on to the next one, or the saga is over. */
function compensated(
  state: SagaState,
  step: CompensationStep,
  now: Date,
  timing: SagaTiming,
): SagaTransition {
  const succeeded = record(step, 'succeeded', now, state.attempt, state.reason);
  return nextCompensation(state, state.compensationsLeft, [succeeded], now, timing);
}

function nextCompensation(
  state: SagaState,
  compensations: readonly CompensationStep[],
  records: StepRecord[],
  now: Date,
  timing: SagaTiming,
): SagaTransition {
  const [step, ...left] = compensations;
  if (!step) {
    const cancelled: SagaState = {
      ...state,
      status: 'CANCELLED',
      step: null,
      compensationsLeft: [],
      nextActionAt: null,
    };
    return transition(cancelled, records, null, 'cancel');
  }
  const compensating: SagaState = {
    ...state,
    status: 'COMPENSATING',
    step,
    attempt: 1,
    compensationsLeft: left,
    nextActionAt: new Date(now.getTime() + retryDelayMs(1, timing)),
  };
  return transition(
    compensating,
    [...records, record(step, 'started', now, 1, state.reason)],
    step,
  );
}

/** Sends the current step's command again, as its next attempt. */
function resend(state: SagaState, nextActionAt: Date, now: Date): SagaTransition {
  const step = state.step as AwaitedStep;
  const attempt = state.attempt + 1;
  return transition(
    { ...state, attempt, nextActionAt },
    [record(step, 'retried', now, attempt, state.reason)],
    step,
  );
}

/** A forward step before the pivot waits one step timeout, never past the saga's deadline. */
function forwardDeadline(now: Date, deadline: Date, timing: SagaTiming): Date {
  return new Date(Math.min(now.getTime() + timing.stepTimeoutMs, deadline.getTime()));
}

function transition(
  state: SagaState,
  records: StepRecord[],
  send: AwaitedStep | null = null,
  orderChange: SagaTransition['orderChange'] = null,
): SagaTransition {
  return { state, records, send, orderChange };
}

function record(
  step: StepRecord['step'],
  outcome: StepRecord['outcome'],
  at: Date,
  attempt = 1,
  reason: string | null = null,
): StepRecord {
  const kind = isCompensation(step) ? 'compensate' : 'run';
  return { step, kind, outcome, reason, attempt, at };
}

function ignored(why: SagaIgnored['why']): SagaIgnored {
  return { ignored: true, why };
}
