import { runOpenLoop } from '../../bench/support/open-loop.js';
import { isLoopbackHost, type LoadtestOptions } from './cli/loadtest-options.js';
import { planBounds } from './plan/phase-plans.js';
import type { FaultChange, PlannedPhase } from './plan/planned-phase.js';
import { compareWithBaselines, type PhaseSummary, summarizePhase } from './report/phase-summary.js';
import { phaseRow } from './report/print-phases.js';
import type { Scenario } from './scenarios/scenario.js';
import { AdminApi, LoadtestSetupError } from './shop/admin-api.js';
import { DEMO_ADMIN, logIn } from './shop/demo-accounts.js';
import type { ShopClient } from './shop/shop-client.js';
import { runClosedLoop } from './traffic/closed-loop.js';
import { PhaseRecorder } from './traffic/phase-recorder.js';

export interface ScenarioRun {
  phases: PlannedPhase[];
  summaries: PhaseSummary[];
}

/**
 * Runs a scenario's phases one after another against the stack behind `client`: faults switched
 * as each phase begins, the open (or closed) loop, a summary row printed as each phase ends.
 * Whatever happens, the faults the scenario touched are reset at the end.
 */
export async function runScenario(
  scenario: Scenario,
  options: LoadtestOptions,
  client: ShopClient,
  log: (line: string) => void,
): Promise<ScenarioRun> {
  const health = await client.unrecorded('GET', '/health/ready');
  if (health.outcome !== 200) {
    throw new LoadtestSetupError(
      `${client.baseUrl}/health/ready answered ${health.outcome}, not 200: start the stack (npm start), wait until it is ready, or fix --base-url`,
    );
  }
  const phases = scenario.plan({
    ratePerSecond: options.ratePerSecond ?? scenario.defaultRatePerSecond,
    durationMs: options.durationSeconds * 1_000,
    warmupMs: options.warmupSeconds * 1_000,
  });
  const admin =
    scenario.faultServices.length > 0 ? await adminFor(client, scenario, phases) : undefined;
  const bounds = planBounds(phases);
  const loop = options.closedLoop
    ? `closed loop, ${options.connections} workers, as many arrivals as the stack takes`
    : `open loop, at most ${bounds.arrivals} arrivals`;
  if (!isLoopbackHost(new URL(client.baseUrl).hostname)) {
    log(`note: ${client.baseUrl} is not this machine; you asked for it with --base-url`);
  }
  log(
    `${scenario.name}: ${scenario.demonstrates}\n${client.baseUrl}: ${phases.length} phase(s), ${bounds.seconds} s, ${loop}`,
  );

  const operation = await scenario.prepare({ client, options, random: Math.random });
  const summaries: PhaseSummary[] = [];
  const baselines = new Map(phases.flatMap((p) => (p.baseline ? [[p.name, p.baseline]] : [])));
  const resetFaults = async () => {
    for (const service of scenario.faultServices) {
      await admin!.resetFaults(service).catch(() => undefined);
    }
  };
  // Ctrl-C must not leave recommendation hung or product flooding on a developer's stack.
  const interrupted = () => {
    log('interrupted: resetting faults');
    void resetFaults().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    for (const phase of phases) {
      for (const change of phase.faults ?? []) await applyFault(admin, change);
      const recorder = new PhaseRecorder();
      client.recordInto(recorder);
      const run = options.closedLoop
        ? await runClosedLoop({
            connections: options.connections,
            durationMs: phase.durationMs,
            task: operation,
          })
        : await runOpenLoop({
            ratePerSecond: phase.ratePerSecond,
            durationMs: phase.durationMs,
            task: operation,
          });
      const summary = summarizePhase(phase, options.closedLoop ? 'closed' : 'open', run, recorder);
      // Beside its baseline already, so a long run can be read as it goes.
      const compared = compareWithBaselines([...summaries, summary], baselines).at(-1)!;
      log(`${phase.discard ? '(discarded) ' : ''}${phaseRow(compared)}`);
      if (!phase.discard) summaries.push(summary);
    }
  } finally {
    process.off('SIGINT', interrupted);
    await resetFaults();
  }
  return { phases, summaries: compareWithBaselines(summaries, baselines) };
}

/**
 * Logs in as the admin and tries every fault the plan will set (on, then reset at once), so a
 * stack that lacks an endpoint or a fault fails before any load rather than halfway through.
 */
async function adminFor(
  client: ShopClient,
  scenario: Scenario,
  phases: PlannedPhase[],
): Promise<AdminApi> {
  const admin = new AdminApi(client, await logIn(client, DEMO_ADMIN));
  for (const service of scenario.faultServices) await admin.checkFaultsAvailable(service);
  const changes = phases.flatMap((phase) => phase.faults ?? []);
  for (const change of changes) {
    await applyFault(admin, change);
    await admin.resetFaults(change.service);
  }
  return admin;
}

async function applyFault(admin: AdminApi | undefined, change: FaultChange): Promise<void> {
  if (!admin)
    throw new Error(`a plan changes faults of ${change.service} but lists no fault services`);
  if ('reset' in change) await admin.resetFaults(change.service);
  else await admin.setFaults(change.service, change.set);
}
