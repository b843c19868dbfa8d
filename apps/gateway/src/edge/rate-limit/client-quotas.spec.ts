import { ClientQuotas } from './client-quotas.js';

describe('ClientQuotas', () => {
  let clock: number;
  const quotas = (perSecond: number, burst: number) =>
    new ClientQuotas(perSecond, burst, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('allows a client its requests per second and refuses the next one', () => {
    const limiter = quotas(3, 0);

    const decisions = [1, 2, 3, 4].map(() => limiter.take('a'));

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
  });

  it('allows the client again once its second is over, and says when that is', () => {
    const limiter = quotas(1, 0);
    limiter.take('a');
    clock += 400;

    expect(limiter.take('a')).toEqual({ allowed: false, remaining: 0, resetMs: 600 });
    clock += 600;
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 0, resetMs: 1_000 });
  });

  it('draws on the burst reserve once the second is spent, and refills it every ten seconds', () => {
    const limiter = quotas(1, 2);
    const second = () => [1, 2, 3, 4].map(() => limiter.take('a').allowed);

    expect(second()).toEqual([true, true, true, false]);
    clock += 1_000;
    expect(second()).toEqual([true, false, false, false]);
    clock += 9_000;
    expect(second()).toEqual([true, true, true, false]);
  });

  it('counts each client on its own', () => {
    const limiter = quotas(1, 0);

    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets clients whose windows have all ended', () => {
    const limiter = quotas(1, 1);
    limiter.take('a');
    limiter.take('b');
    clock += 10_000;

    limiter.take('c');

    expect(limiter.size).toBe(1);
  });
});
