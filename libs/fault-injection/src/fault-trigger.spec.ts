import {
  faultTriggerSchema,
  pullTrigger,
  type FaultTrigger,
  type TriggerPull,
} from './fault-trigger.js';

const draws = (...values: number[]) => {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('the test ran out of random draws');
    return next;
  };
};

const never = () => {
  throw new Error('a trigger without percent must not draw');
};

describe('pullTrigger', () => {
  it('does nothing when no fault is set', () => {
    expect(pullTrigger(undefined, never)).toEqual({ fault: undefined, remaining: undefined });
  });

  it('hits every call, forever, when neither next nor percent is given', () => {
    const trigger: FaultTrigger<'fail'> = { mode: 'fail' };
    const first = pullTrigger(trigger, never);
    const second = pullTrigger(first.remaining, never);
    expect([first.fault, second.fault]).toEqual(['fail', 'fail']);
    expect(second.remaining).toBe(trigger);
  });

  it('hits exactly the next N calls, then clears itself', () => {
    let trigger: FaultTrigger<'no-reply'> | undefined = { mode: 'no-reply', next: 2 };
    const faults: (string | undefined)[] = [];
    for (let call = 0; call < 4; call++) {
      const pull: TriggerPull<'no-reply'> = pullTrigger(trigger, never);
      faults.push(pull.fault);
      trigger = pull.remaining;
    }
    expect(faults).toEqual(['no-reply', 'no-reply', undefined, undefined]);
    expect(trigger).toBeUndefined();
  });

  it('hits a call when the draw falls under the percentage', () => {
    const trigger = { mode: 'fail', percent: 30 };
    expect(pullTrigger(trigger, draws(0.29)).fault).toBe('fail');
    expect(pullTrigger(trigger, draws(0.3)).fault).toBeUndefined();
  });

  it('never hits at 0 percent and always hits at 100 percent', () => {
    expect(pullTrigger({ mode: 'fail', percent: 0 }, draws(0)).fault).toBeUndefined();
    expect(pullTrigger({ mode: 'fail', percent: 100 }, draws(0.999999)).fault).toBe('fail');
  });

  it('counts only the calls it hits against next when both are given', () => {
    const trigger = { mode: 'fail', next: 1, percent: 50 };
    const missed = pullTrigger(trigger, draws(0.9));
    expect(missed).toEqual({ fault: undefined, remaining: trigger });
    const hit = pullTrigger(missed.remaining, draws(0.1));
    expect(hit).toEqual({ fault: 'fail', remaining: undefined });
  });

  it('leaves the trigger it was given unchanged', () => {
    const trigger = { mode: 'fail', next: 3 };
    expect(pullTrigger(trigger, never).remaining).toEqual({ mode: 'fail', next: 2 });
    expect(trigger.next).toBe(3);
  });
});

describe('faultTriggerSchema', () => {
  const schema = faultTriggerSchema(['fail', 'no-reply']);

  it('accepts a mode with an optional count and percentage', () => {
    expect(schema.parse({ mode: 'no-reply', next: 3, percent: 12.5 })).toEqual({
      mode: 'no-reply',
      next: 3,
      percent: 12.5,
    });
  });

  it.each([
    [{ mode: 'explode' }, 'mode'],
    [{ mode: 'fail', next: 0 }, 'next'],
    [{ mode: 'fail', next: 1.5 }, 'next'],
    [{ mode: 'fail', percent: 101 }, 'percent'],
    [{ mode: 'fail', percent: -1 }, 'percent'],
  ])('refuses %j, naming %s', (value, field) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('refuses unknown keys, so that a typo is not a fault that never fires', () => {
    expect(schema.safeParse({ mode: 'fail', nxt: 2 }).success).toBe(false);
  });
});
