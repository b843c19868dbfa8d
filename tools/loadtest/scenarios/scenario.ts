import type { LoadtestOptions } from '../cli/loadtest-options.js';
import type { PlannedPhase } from '../plan/planned-phase.js';
import type { PlanShape } from '../plan/phase-plans.js';
import type { FaultService } from '../shop/admin-api.js';
import type { ShopClient } from '../shop/shop-client.js';

/** One arrival's work (a page view, a whole checkout); it throws when it failed. */
export type Operation = () => Promise<void>;

export interface ScenarioContext {
  client: ShopClient;
  options: LoadtestOptions;
  /** Drives every random choice, so a run's mix can be reproduced in tests. */
  random: () => number;
}

/** A load-test scenario: what it shows, its phases, and the operation each arrival performs. */
export interface Scenario {
  name: string;
  /** One line for the report's header: what the scenario demonstrates. */
  demonstrates: string;
  defaultRatePerSecond: number;
  /** Services whose admin fault endpoints the scenario drives (checked before any load). */
  faultServices: FaultService[];
  plan(shape: PlanShape): PlannedPhase[];
  prepare(context: ScenarioContext): Promise<Operation>;
}
