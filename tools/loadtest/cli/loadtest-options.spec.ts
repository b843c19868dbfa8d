import { isLoopbackHost, LoadtestUsageError, parseLoadtestOptions } from './loadtest-options.js';

describe('load-test options', () => {
  it('defaults to the local gateway, 30 s phases, a 10 s warm-up and the open loop', () => {
    expect(parseLoadtestOptions(['browse'])).toEqual({
      scenario: 'browse',
      durationSeconds: 30,
      warmupSeconds: 10,
      baseUrl: 'http://127.0.0.1:3000',
      closedLoop: false,
      connections: 16,
    });
  });

  it('reads every option', () => {
    const options = parseLoadtestOptions([
      'checkout',
      '--duration',
      '45',
      '--rate',
      '12.5',
      '--warmup',
      '0',
      '--closed-loop',
      '--connections',
      '8',
      '--base-url',
      'http://gateway:3000/ignored/path',
      '--out',
      'run.json',
    ]);
    expect(options).toEqual({
      scenario: 'checkout',
      durationSeconds: 45,
      ratePerSecond: 12.5,
      warmupSeconds: 0,
      closedLoop: true,
      connections: 8,
      baseUrl: 'http://gateway:3000',
      out: 'run.json',
    });
  });

  it('refuses values beyond the bounds, naming the option', () => {
    expect(() => parseLoadtestOptions(['browse', '--duration', '601'])).toThrow(/--duration/);
    expect(() => parseLoadtestOptions(['browse', '--rate', '0'])).toThrow(/--rate/);
    expect(() => parseLoadtestOptions(['browse', '--rate', 'fast'])).toThrow(/--rate/);
    expect(() => parseLoadtestOptions(['browse', '--connections', '1000'])).toThrow(
      /--connections/,
    );
    expect(() => parseLoadtestOptions(['browse', '--rate'])).toThrow(/--rate needs a value/);
  });

  it('refuses a missing scenario and unknown options', () => {
    expect(() => parseLoadtestOptions([])).toThrow(LoadtestUsageError);
    expect(() => parseLoadtestOptions(['--rate', '5'])).toThrow(LoadtestUsageError);
    expect(() => parseLoadtestOptions(['browse', '--pipelining'])).toThrow(/unknown option/);
  });

  it('finds the local gateway where MICROSHOP_PORT_BASE puts the stack', () => {
    const options = parseLoadtestOptions(['browse'], { MICROSHOP_PORT_BASE: '17000' });
    expect(options.baseUrl).toBe('http://127.0.0.1:17000');
  });

  it('loads another machine only when --base-url names it', () => {
    expect(parseLoadtestOptions(['browse'], { MICROSHOP_PORT_BASE: '3000' }).baseUrl).toBe(
      'http://127.0.0.1:3000',
    );
    expect(parseLoadtestOptions(['browse', '--base-url', 'https://shop.example.com']).baseUrl).toBe(
      'https://shop.example.com',
    );
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => parseLoadtestOptions(['browse', '--base-url', 'gateway:3000'])).toThrow(
      /http\(s\) URL/,
    );
    expect(() => parseLoadtestOptions(['browse', '--base-url', 'not a url'])).toThrow(
      /http\(s\) URL/,
    );
  });

  it('knows which hosts are this machine', () => {
    expect(['127.0.0.1', '127.3.2.1', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'gateway', '128.0.0.1', '127.example.com'].some(isLoopbackHost)).toBe(
      false,
    );
  });
});
