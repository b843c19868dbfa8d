import { runInSequence } from './run-in-sequence.js';

describe('running benchmarks in sequence', () => {
  it('runs each in turn, one at a time, and goes on after a failure', async () => {
    const events: string[] = [];
    let clock = Date.parse('2026-11-24T10:00:00Z');
    const outcomes = await runInSequence(
      ['gateway', 'p3', 'p5'],
      async (name) => {
        events.push(`start ${name}`);
        await Promise.resolve();
        clock += 60_000;
        events.push(`end ${name}`);
        if (name === 'p3') throw new Error('port in use');
      },
      () => undefined,
      () => new Date(clock),
    );
    expect(events).toEqual([
      'start gateway',
      'end gateway',
      'start p3',
      'end p3',
      'start p5',
      'end p5',
    ]);
    expect(outcomes.map(({ name, ok, seconds }) => ({ name, ok, seconds }))).toEqual([
      { name: 'gateway', ok: true, seconds: 60 },
      { name: 'p3', ok: false, seconds: 60 },
      { name: 'p5', ok: true, seconds: 60 },
    ]);
    expect(outcomes[1]!.error).toMatch(/port in use/);
    expect(outcomes[0]!.startedAt).toBe('2026-11-24T10:00:00.000Z');
  });
});
