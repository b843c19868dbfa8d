import { eventually, statusOf } from '../support/poll.js';
import { SystemUnderTest } from '../support/system-under-test.js';

/**
 * Readiness follows the dependencies and liveness does not: when the database or the broker goes
 * away the app is taken out of rotation (503) but not restarted (live stays 200), and it becomes
 * ready again by itself when the dependency returns.
 */
describe('product readiness while its dependencies come and go', () => {
  let system: SystemUnderTest;
  const ready = () => statusOf(system.url('product', '/health/ready'));
  const live = () => statusOf(system.url('product', '/health/live'));

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'readiness',
      portBase: 13900,
      postgresPort: 55436,
      kafkaPort: 19392,
    });
    await system.startApp('product');
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('turns not-ready while the broker is down and ready again when it returns', async () => {
    await system.stopKafka();
    await eventually('readiness reports 503', async () => (await ready()) === 503);
    expect(await live()).toBe(200);

    await system.restartKafka();
    await eventually('readiness recovers', async () => (await ready()) === 200, 60_000);
  }, 120_000);

  it('turns not-ready while the database is down and ready again when it returns', async () => {
    await system.stopPostgres();
    await eventually('readiness reports 503', async () => (await ready()) === 503);
    expect(await live()).toBe(200);

    await system.restartPostgres();
    await eventually('readiness recovers', async () => (await ready()) === 200, 60_000);
  }, 120_000);

  it('names the failing dependency in the readiness report', async () => {
    await system.stopKafka();
    await eventually('readiness reports 503', async () => (await ready()) === 503);
    const report = (await (await fetch(system.url('product', '/health/ready'))).json()) as {
      error: Record<string, unknown>;
    };
    expect(Object.keys(report.error)).toEqual(['kafka']);
    await system.restartKafka();
    await eventually('readiness recovers', async () => (await ready()) === 200, 60_000);
  }, 120_000);
});
