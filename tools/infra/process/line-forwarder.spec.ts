import { LineForwarder } from './line-forwarder.js';

describe('LineForwarder', () => {
  it('forwards whole lines even when chunks split them, skipping blank ones', () => {
    const lines: string[] = [];
    const forwarder = new LineForwarder((line) => lines.push(line));

    forwarder.write('LOG:  database sys');
    forwarder.write('tem is ready\n\nWARN: slow\r\nlast');
    expect(lines).toEqual(['LOG:  database system is ready', 'WARN: slow']);

    forwarder.flush();
    expect(lines).toEqual(['LOG:  database system is ready', 'WARN: slow', 'last']);
  });

  it('remembers only the most recent lines for error messages', () => {
    const forwarder = new LineForwarder(() => undefined, 2);

    forwarder.write('one\ntwo\nthree\n');

    expect(forwarder.recentLines()).toBe('two\nthree');
  });
});
