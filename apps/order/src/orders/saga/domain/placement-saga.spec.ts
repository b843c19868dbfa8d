import { PlacementSaga } from './placement-saga.js';
import type { SagaReply } from './saga-reply.js';
import type { SagaState } from './saga-state.js';
import type { SagaTiming } from './saga-timing.js';
import { isIgnored, type SagaDecision, type SagaTransition } from './saga-transition.js';

const timing: SagaTiming = { stepTimeoutMs: 1_000, deadlineMs: 10_000, compensationMaxAttempts: 3 };
const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const ORDER = '0b8f0a56-7a3c-4f0e-9d57-3a2c1d5e6f70';

const ok = (step: SagaReply['step']): SagaReply => ({ step, outcome: 'succeeded' });
const refused = (step: SagaReply['step'], reason: string): SagaReply => ({
  step,
  outcome: 'refused',
  reason,
});

function applied(decision: SagaDecision): SagaTransition {
  if (isIgnored(decision)) throw new Error(`expected a transition, got ignored (${decision.why})`);
  return decision;
}

/** Runs replies in turn from a fresh saga; returns every transition. */
function run(hasCoupon: boolean, ...replies: SagaReply[]): SagaTransition[] {
  const transitions = [PlacementSaga.start(ORDER, hasCoupon, T0, timing)];
  for (const reply of replies) {
    transitions.push(applied(PlacementSaga.onReply(transitions.at(-1)!.state, reply, T0, timing)));
  }
  return transitions;
}

const sent = (transitions: SagaTransition[]) => transitions.map((t) => t.send);
const changes = (transitions: SagaTransition[]) =>
  transitions.map((t) => t.orderChange).filter(Boolean);
const last = (transitions: SagaTransition[]): SagaState => transitions.at(-1)!.state;

describe('the order placement saga', () => {
  describe('going forward', () => {
    it('reserves stock, redeems the coupon, confirms the order, then commits the stock', () => {
      const transitions = run(true, ok('reserve-stock'), ok('redeem-coupon'), ok('commit-stock'));

      expect(sent(transitions)).toEqual(['reserve-stock', 'redeem-coupon', 'commit-stock', null]);
      expect(changes(transitions)).toEqual(['confirm']);
      expect(transitions[2]!.orderChange).toBe('confirm');
      expect(last(transitions)).toMatchObject({
        status: 'COMPLETED',
        step: null,
        nextActionAt: null,
      });
    });

    it('goes from the reservation straight to the pivot for an order without a coupon', () => {
      const transitions = run(false, ok('reserve-stock'));

      expect(sent(transitions)).toEqual(['reserve-stock', 'commit-stock']);
      expect(transitions[1]!.orderChange).toBe('confirm');
      expect(last(transitions).status).toBe('COMMITTING');
    });

    it('records the timeline of every step, the pivot included', () => {
      const records = run(false, ok('reserve-stock'), ok('commit-stock')).flatMap((t) =>
        t.records.map(({ step, kind, outcome }) => `${kind} ${step} ${outcome}`),
      );

      expect(records).toEqual([
        'run reserve-stock started',
        'run reserve-stock succeeded',
        'run confirm-order started',
        'run confirm-order succeeded',
        'run commit-stock started',
        'run commit-stock succeeded',
      ]);
    });
  });

  describe('compensating before the pivot', () => {
    it('cancels at once when stock is refused: nothing is held', () => {
      const transitions = run(true, refused('reserve-stock', 'ORDER.OUT_OF_STOCK'));

      expect(sent(transitions)).toEqual(['reserve-stock', null]);
      expect(last(transitions)).toMatchObject({
        status: 'CANCELLED',
        reason: 'ORDER.OUT_OF_STOCK',
      });
      expect(transitions[1]!.orderChange).toBe('cancel');
    });

    it('releases the stock, and only the stock, when the coupon is refused', () => {
      const transitions = run(
        true,
        ok('reserve-stock'),
        refused('redeem-coupon', 'ORDER.COUPON_EXHAUSTED'),
        ok('release-stock'),
      );

      expect(sent(transitions)).toEqual(['reserve-stock', 'redeem-coupon', 'release-stock', null]);
      expect(changes(transitions)).toEqual(['cancel']);
      expect(last(transitions)).toMatchObject({
        status: 'CANCELLED',
        reason: 'ORDER.COUPON_EXHAUSTED',
      });
    });

    it('releases the coupon, then the stock, when the coupon step times out', () => {
      let state = run(true, ok('reserve-stock')).at(-1)!.state;
      const decisions: SagaTransition[] = [];
      for (let now = 0; state.status === 'RUNNING'; now += timing.stepTimeoutMs) {
        const decision = PlacementSaga.onDeadline(state, at(now + timing.stepTimeoutMs), timing);
        if (!isIgnored(decision)) {
          decisions.push(decision);
          state = decision.state;
        }
      }

      expect(decisions.at(-1)!.records.map((r) => `${r.step} ${r.outcome}`)).toEqual([
        'redeem-coupon timed-out',
        'release-coupon started',
      ]);
      expect(state).toMatchObject({
        status: 'COMPENSATING',
        step: 'release-coupon',
        compensationsLeft: ['release-stock'],
        reason: 'ORDER.SAGA_TIMEOUT',
      });
      const afterCoupon = applied(
        PlacementSaga.onReply(state, ok('release-coupon'), at(11_000), timing),
      );
      expect(afterCoupon.send).toBe('release-stock');
      const afterStock = applied(
        PlacementSaga.onReply(afterCoupon.state, ok('release-stock'), at(11_000), timing),
      );
      expect(afterStock.orderChange).toBe('cancel');
      expect(afterStock.state.status).toBe('CANCELLED');
    });

    it('resends a forward step on each step timeout until the saga deadline', () => {
      const start = PlacementSaga.start(ORDER, false, T0, timing);
      const resent = applied(PlacementSaga.onDeadline(start.state, at(1_000), timing));

      expect(resent.send).toBe('reserve-stock');
      expect(resent.state).toMatchObject({
        status: 'RUNNING',
        attempt: 2,
        nextActionAt: at(2_000),
      });
      expect(resent.records).toEqual([
        expect.objectContaining({ step: 'reserve-stock', outcome: 'retried', attempt: 2 }),
      ]);
    });

    it('never waits for a forward step past the saga deadline', () => {
      const timing7 = { ...timing, stepTimeoutMs: 7_000 };
      const start = PlacementSaga.start(ORDER, false, T0, timing7);
      const resent = applied(PlacementSaga.onDeadline(start.state, at(7_000), timing7));

      expect(resent.state.nextActionAt).toEqual(at(10_000));
    });

    it('releases the reservation just in case when the reservation times out', () => {
      const start = PlacementSaga.start(ORDER, true, T0, timing);
      const late = { ...start.state, nextActionAt: at(10_000) };
      const timedOut = applied(PlacementSaga.onDeadline(late, at(10_000), timing));

      expect(timedOut.send).toBe('release-stock');
      expect(timedOut.state).toMatchObject({
        status: 'COMPENSATING',
        compensationsLeft: [],
        reason: 'ORDER.SAGA_TIMEOUT',
      });
    });
  });

  describe('after the pivot', () => {
    it('only resends the stock commit, with exponential backoff, never compensating', () => {
      let state = last(run(false, ok('reserve-stock')));
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        const now = state.nextActionAt!.getTime() - T0.getTime();
        const decision = applied(PlacementSaga.onDeadline(state, at(now), timing));
        expect(decision.send).toBe('commit-stock');
        expect(decision.orderChange).toBeNull();
        waits.push(decision.state.nextActionAt!.getTime() - T0.getTime() - now);
        state = decision.state;
      }

      expect(state.status).toBe('COMMITTING');
      expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 32_000, 32_000, 32_000]);
    });

    it('cannot be cancelled by the customer', () => {
      const committing = last(run(false, ok('reserve-stock')));

      expect(PlacementSaga.cancelByCustomer(committing, T0, timing)).toBe('not-cancellable');
    });
  });

  describe('replies that do not fit', () => {
    it('ignores a reply for a step the saga has already left', () => {
      const redeeming = last(run(true, ok('reserve-stock')));

      expect(PlacementSaga.onReply(redeeming, ok('reserve-stock'), T0, timing)).toEqual({
        ignored: true,
        why: 'late-or-duplicate',
      });
    });

    it('ignores a reservation that arrives after the saga gave up on it', () => {
      const start = PlacementSaga.start(ORDER, false, T0, timing);
      const timedOut = applied(
        PlacementSaga.onDeadline({ ...start.state, nextActionAt: at(10_000) }, at(10_000), timing),
      );

      expect(
        isIgnored(PlacementSaga.onReply(timedOut.state, ok('reserve-stock'), T0, timing)),
      ).toBe(true);
      expect(
        isIgnored(
          PlacementSaga.onReply(
            timedOut.state,
            refused('reserve-stock', 'ORDER.SAGA_TIMEOUT'),
            T0,
            timing,
          ),
        ),
      ).toBe(true);
    });

    it('ignores everything once the saga is over', () => {
      const done = last(run(false, ok('reserve-stock'), ok('commit-stock')));

      expect(PlacementSaga.onReply(done, ok('commit-stock'), T0, timing)).toEqual({
        ignored: true,
        why: 'finished',
      });
      expect(isIgnored(PlacementSaga.onDeadline(done, at(999_999), timing))).toBe(true);
    });

    it('does nothing for a deadline that is not due yet', () => {
      const start = PlacementSaga.start(ORDER, false, T0, timing);

      expect(PlacementSaga.onDeadline(start.state, at(999), timing)).toEqual({
        ignored: true,
        why: 'not-due',
      });
    });
  });

  describe('a compensation that gets no reply', () => {
    const releasing = () => last(run(true, ok('reserve-stock'), refused('redeem-coupon', 'X')));

    function exhaust(state: SagaState): SagaTransition[] {
      const decisions: SagaTransition[] = [];
      while (state.nextActionAt) {
        const decision = applied(PlacementSaga.onDeadline(state, state.nextActionAt, timing));
        decisions.push(decision);
        state = decision.state;
      }
      return decisions;
    }

    it('is resent with backoff, then parks the saga in COMPENSATION_FAILED', () => {
      const decisions = exhaust(releasing());

      expect(decisions.map((d) => d.send)).toEqual(['release-stock', 'release-stock', null]);
      expect(decisions.at(-1)!.orderChange).toBe('fail-compensation');
      expect(decisions.at(-1)!.state).toMatchObject({
        status: 'COMPENSATION_FAILED',
        step: 'release-stock',
        nextActionAt: null,
        reason: 'X',
      });
    });

    it('can be retried by an admin with a fresh set of attempts, and then cancels', () => {
      const parked = exhaust(releasing()).at(-1)!.state;
      const retried = PlacementSaga.retryCompensation(parked, T0, timing)!;

      expect(retried.send).toBe('release-stock');
      expect(retried.state).toMatchObject({ status: 'COMPENSATING', attempt: 1 });
      const done = applied(PlacementSaga.onReply(retried.state, ok('release-stock'), T0, timing));
      expect(done.orderChange).toBe('cancel');
    });

    it('still takes its reply while parked', () => {
      const parked = exhaust(releasing()).at(-1)!.state;

      const done = applied(PlacementSaga.onReply(parked, ok('release-stock'), T0, timing));
      expect(done.state.status).toBe('CANCELLED');
      expect(done.orderChange).toBe('cancel');
    });

    it('refuses an admin retry of a saga that is not parked', () => {
      expect(PlacementSaga.retryCompensation(releasing(), T0, timing)).toBeUndefined();
    });
  });

  describe('a customer cancelling', () => {
    it('releases the reservation in flight, just in case, and cancels', () => {
      const start = PlacementSaga.start(ORDER, true, T0, timing);
      const cancelled = PlacementSaga.cancelByCustomer(start.state, T0, timing) as SagaTransition;

      expect(cancelled.send).toBe('release-stock');
      expect(cancelled.state.reason).toBe('ORDER.CANCELLED_BY_CUSTOMER');
      expect(cancelled.records[0]).toMatchObject({ step: 'reserve-stock', outcome: 'cancelled' });
    });

    it('releases the coupon and the stock while the coupon is being redeemed', () => {
      const redeeming = last(run(true, ok('reserve-stock')));
      const cancelled = PlacementSaga.cancelByCustomer(redeeming, T0, timing) as SagaTransition;

      expect(cancelled.send).toBe('release-coupon');
      expect(cancelled.state.compensationsLeft).toEqual(['release-stock']);
    });

    it('is idempotent: cancelling twice changes nothing', () => {
      const start = PlacementSaga.start(ORDER, true, T0, timing);
      const cancelled = PlacementSaga.cancelByCustomer(start.state, T0, timing) as SagaTransition;

      expect(PlacementSaga.cancelByCustomer(cancelled.state, T0, timing)).toBe('already-cancelled');
    });

    it('cannot cancel an order that is being compensated for another reason', () => {
      const compensating = last(
        run(true, ok('reserve-stock'), refused('redeem-coupon', 'ORDER.COUPON_EXHAUSTED')),
      );

      expect(PlacementSaga.cancelByCustomer(compensating, T0, timing)).toBe('not-cancellable');
    });
  });
});
