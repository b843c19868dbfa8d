import fc from 'fast-check';
import { PlacementSaga } from './placement-saga.js';
import type { SagaReply } from './saga-reply.js';
import type { SagaState } from './saga-state.js';
import type { AwaitedStep } from './saga-step.js';
import type { SagaTiming } from './saga-timing.js';
import { isIgnored, type OrderChange, type SagaDecision } from './saga-transition.js';

// Model-based: the saga talks to a simulated product and promotion that behave as the real
// participants promise (idempotent per order, a release before its reserve leaves a tombstone),
// over a network that delays, drops, duplicates and reorders replies, while time passes, the
// customer may cancel and an admin may retry. Whatever happens, once the network heals the saga
// ends and the participants hold exactly what the order's outcome says they should.

const timing: SagaTiming = { stepTimeoutMs: 1_000, deadlineMs: 5_000, compensationMaxAttempts: 3 };
const ORDER = '0b8f0a56-7a3c-4f0e-9d57-3a2c1d5e6f70';

type Stock = 'none' | 'reserved' | 'committed' | 'released';
type Coupon = 'none' | 'redeemed' | 'released';

class World {
  stock: Stock = 'none';
  coupon: Coupon = 'none';
  now = 0;
  readonly stockCommands: AwaitedStep[] = [];
  readonly couponCommands: AwaitedStep[] = [];
  readonly replies: SagaReply[] = [];
  readonly orderChanges: OrderChange[] = [];
  readonly commandsSent: AwaitedStep[] = [];
  state: SagaState;

  constructor(
    hasCoupon: boolean,
    private readonly outOfStock: boolean,
    private readonly couponExhausted: boolean,
  ) {
    const start = PlacementSaga.start(ORDER, hasCoupon, new Date(0), timing);
    this.state = start.state;
    this.send(start.send);
  }

  apply(decision: SagaDecision | undefined | string): void {
    if (!decision || typeof decision === 'string' || isIgnored(decision)) return;
    this.state = decision.state;
    if (decision.orderChange) this.orderChanges.push(decision.orderChange);
    this.send(decision.send);
  }

  private send(step: AwaitedStep | null): void {
    if (!step) return;
    this.commandsSent.push(step);
    const queue =
      step === 'redeem-coupon' || step === 'release-coupon'
        ? this.couponCommands
        : this.stockCommands;
    queue.push(step);
  }

  /** Commands reach a participant in the order they were sent (one partition per order). */
  deliverStockCommand(): void {
    const command = this.stockCommands.shift();
    if (!command) return;
    if (command === 'reserve-stock') {
      if (this.stock === 'released') return this.reply(command, 'ORDER.SAGA_TIMEOUT');
      if (this.stock === 'none' && this.outOfStock)
        return this.reply(command, 'ORDER.OUT_OF_STOCK');
      if (this.stock === 'none') this.stock = 'reserved';
    } else if (command === 'release-stock') {
      if (this.stock === 'committed') throw new Error('released stock that was committed');
      this.stock = 'released';
    } else if (command === 'commit-stock') {
      if (this.stock !== 'reserved' && this.stock !== 'committed') {
        throw new Error(`committed stock that is ${this.stock}`);
      }
      this.stock = 'committed';
    }
    this.reply(command);
  }

  deliverCouponCommand(): void {
    const command = this.couponCommands.shift();
    if (!command) return;
    if (command === 'redeem-coupon') {
      if (this.coupon === 'released') return this.reply(command, 'ORDER.COUPON_REJECTED');
      if (this.coupon === 'none' && this.couponExhausted) {
        return this.reply(command, 'ORDER.COUPON_EXHAUSTED');
      }
      this.coupon = 'redeemed';
    } else {
      this.coupon = 'released';
    }
    this.reply(command);
  }

  private reply(step: AwaitedStep, refusal?: string): void {
    this.replies.push(
      refusal ? { step, outcome: 'refused', reason: refusal } : { step, outcome: 'succeeded' },
    );
  }

  deliverReply(index: number): void {
    const [reply] = this.replies.splice(index % Math.max(this.replies.length, 1), 1);
    if (reply) this.apply(PlacementSaga.onReply(this.state, reply, new Date(this.now), timing));
  }

  tick(ms: number): void {
    this.now += ms;
    this.apply(PlacementSaga.onDeadline(this.state, new Date(this.now), timing));
  }

  /** Delivers everything and lets time pass until the saga is over; an admin retries parked ones. */
  heal(): void {
    for (let round = 0; round < 500; round++) {
      if (this.state.status === 'COMPLETED' || this.state.status === 'CANCELLED') return;
      while (this.stockCommands.length || this.couponCommands.length || this.replies.length) {
        this.deliverStockCommand();
        this.deliverCouponCommand();
        this.deliverReply(0);
      }
      if (this.state.status === 'COMPENSATION_FAILED') {
        this.apply(PlacementSaga.retryCompensation(this.state, new Date(this.now), timing));
      } else if (this.state.nextActionAt) {
        this.tick(Math.max(this.state.nextActionAt.getTime() - this.now, 0));
      }
    }
    throw new Error(`the saga did not end: ${JSON.stringify(this.state)}`);
  }
}

const action = fc.oneof(
  fc.constant({ kind: 'stock-command' as const }),
  fc.constant({ kind: 'coupon-command' as const }),
  fc.nat().map((index) => ({ kind: 'reply' as const, index })),
  fc.nat().map((index) => ({ kind: 'drop-reply' as const, index })),
  fc.nat().map((index) => ({ kind: 'duplicate-reply' as const, index })),
  fc.integer({ min: 1, max: 4_000 }).map((ms) => ({ kind: 'tick' as const, ms })),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'admin-retry' as const }),
);

const scenario = fc.record({
  hasCoupon: fc.boolean(),
  outOfStock: fc.boolean(),
  couponExhausted: fc.boolean(),
  actions: fc.array(action, { maxLength: 60 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function play({ hasCoupon, outOfStock, couponExhausted, actions }: Scenario) {
  const world = new World(hasCoupon, outOfStock, couponExhausted);
  for (const step of actions) {
    const now = new Date(world.now);
    switch (step.kind) {
      case 'stock-command':
        world.deliverStockCommand();
        break;
      case 'coupon-command':
        world.deliverCouponCommand();
        break;
      case 'reply':
        world.deliverReply(step.index);
        break;
      case 'drop-reply':
        world.replies.splice(step.index % Math.max(world.replies.length, 1), 1);
        break;
      case 'duplicate-reply': {
        const reply = world.replies[step.index % Math.max(world.replies.length, 1)];
        if (reply) world.replies.push(reply);
        break;
      }
      case 'tick':
        world.tick(step.ms);
        break;
      case 'cancel':
        world.apply(PlacementSaga.cancelByCustomer(world.state, now, timing));
        break;
      case 'admin-retry':
        world.apply(PlacementSaga.retryCompensation(world.state, now, timing));
        break;
    }
  }
  world.heal();
  return world;
}

describe('the order placement saga, whatever the network and the clock do', () => {
  it('ends, and the participants hold exactly what its outcome says', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const world = play(input);
        if (world.state.status === 'COMPLETED') {
          expect(world.stock).toBe('committed');
          expect(world.coupon).toBe(input.hasCoupon ? 'redeemed' : 'none');
        } else {
          expect(world.state.status).toBe('CANCELLED');
          expect(['none', 'released']).toContain(world.stock);
          expect(world.coupon).not.toBe('redeemed');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('confirms an order at most once, and never cancels a confirmed one', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { orderChanges, state } = play(input);
        if (orderChanges.includes('confirm')) {
          expect(orderChanges).toEqual(['confirm']);
          expect(state.status).toBe('COMPLETED');
        } else {
          expect(orderChanges.at(-1)).toBe('cancel');
          expect(orderChanges.filter((change) => change === 'cancel')).toHaveLength(1);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('sends no compensation after the pivot, and no commit before it', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { commandsSent } = play(input);
        const firstCommit = commandsSent.indexOf('commit-stock');
        const compensations = commandsSent
          .map((command, index) => ({ command, index }))
          .filter(({ command }) => command.startsWith('release-'));
        if (firstCommit >= 0) expect(compensations).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('confirms every order whose participants agree and answer in time', () => {
    fc.assert(
      fc.property(fc.boolean(), (hasCoupon) => {
        const world = new World(hasCoupon, false, false);
        world.heal();
        expect(world.state.status).toBe('COMPLETED');
      }),
    );
  });
});
