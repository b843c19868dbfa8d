import { machineLine } from '../../bench/support/print-report.js';
import {
  LOADTEST_USAGE,
  LoadtestUsageError,
  parseLoadtestOptions,
} from './cli/loadtest-options.js';
import { phaseReport } from './report/print-phases.js';
import { writeResultFile } from './report/result-file.js';
import { runScenario } from './run-scenario.js';
import { SCENARIOS } from './scenarios/scenarios.js';
import { LoadtestSetupError } from './shop/admin-api.js';
import { ShopClient } from './shop/shop-client.js';

/**
 * `npm run loadtest -- <scenario> [options]`: load scenarios against a running stack (local
 * `npm start` or compose), open loop at a fixed arrival rate by default. Prints each phase as it
 * ends, then the report, and keeps a JSON copy (docs/load-testing.md).
 */
const REQUEST_TIMEOUT_MS = 10_000;
// In the open loop, connections only cap what is in flight at once; arrivals beyond it queue in
// the client, and their wait counts in the latency, as it would for a real shopper.
const OPEN_LOOP_CONNECTIONS = 128;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let options;
try {
  options = parseLoadtestOptions(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof LoadtestUsageError)) throw error;
  fail(`${error.message}\n${LOADTEST_USAGE}\nscenarios: ${Object.keys(SCENARIOS).join(', ')}`, 2);
}
const scenario = SCENARIOS[options.scenario];
if (!scenario) {
  fail(`unknown scenario ${options.scenario}; scenarios: ${Object.keys(SCENARIOS).join(', ')}`, 2);
}

const client = new ShopClient(options.baseUrl, {
  connections: options.closedLoop ? options.connections : OPEN_LOOP_CONNECTIONS,
  timeoutMs: REQUEST_TIMEOUT_MS,
});
try {
  const startedAt = new Date();
  const run = await runScenario(scenario, options, client, (line) => console.log(line));
  console.log(['', ...phaseReport(run.summaries)].join('\n'));
  const file = writeResultFile(
    scenario.name,
    {
      scenario: scenario.name,
      startedAt: startedAt.toISOString(),
      options,
      // The generator shares the machine with what it measures, often: say which machine.
      machine: machineLine(),
      phases: run.phases,
      summaries: run.summaries,
    },
    options.out,
  );
  console.log(`\nresult: ${file}`);
} catch (error) {
  if (error instanceof LoadtestSetupError) fail(`loadtest: ${error.message}`, 1);
  throw error;
} finally {
  await client.close();
}
